import { timingSafeEqual } from 'node:crypto';

/** Scheduled routes need `Authorization: Bearer $CRON_SECRET`; without a configured secret they are closed. */
export function cronAuthorized(header: string | null, secret = process.env.CRON_SECRET): boolean {
  if (!secret || !header) return false;
  const expected = Buffer.from(`Bearer ${secret}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
