import { createHmac, timingSafeEqual } from 'node:crypto';
import { appSecret } from '@/lib/server/env';

/**
 * Bot checks on the public complaint form without a third-party captcha (issue 12, review item 2):
 * - a signed stamp of when the server rendered the form: a submission sooner than MIN_FILL_MS after it (no person
 *   fills in a complaint in three seconds), with no stamp, a forged one or one older than MAX_AGE_MS is a bot;
 * - a honeypot field (`website`), hidden from people and from screen readers, that only a bot fills in.
 * A bot gets the same neutral refusal as a malformed form; people never see either check.
 */
export const MIN_FILL_MS = 3_000;
export const MAX_AGE_MS = 2 * 24 * 60 * 60_000;
export const HONEYPOT_FIELD = 'website';

function signature(ms: string, secret: string): string {
  return createHmac('sha256', secret).update(`complaint-form:${ms}`).digest('base64url');
}

export function signFormStamp(renderedAt: Date, secret = appSecret()): string {
  const ms = String(renderedAt.getTime());
  return `${ms}.${signature(ms, secret)}`;
}

export type BotVerdict = 'human' | 'tooFast' | 'badStamp' | 'honeypot';

export function botVerdict(raw: unknown, now: Date, secret = appSecret()): BotVerdict {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const honeypot = input[HONEYPOT_FIELD];
  if (typeof honeypot === 'string' ? honeypot.trim() !== '' : honeypot !== undefined) return 'honeypot';
  const stamp = input.formStamp;
  if (typeof stamp !== 'string' || stamp.length > 100) return 'badStamp';
  const [ms, mac] = stamp.split('.');
  if (!ms || !mac || !/^\d{1,15}$/.test(ms)) return 'badStamp';
  const expected = Buffer.from(signature(ms, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'badStamp';
  const age = now.getTime() - Number(ms);
  if (age > MAX_AGE_MS || age < -60_000) return 'badStamp';
  if (age < MIN_FILL_MS) return 'tooFast';
  return 'human';
}
