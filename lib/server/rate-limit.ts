import { getDb } from '@/db/client';
import { hitCounters, sweepCounters } from '@/db/rate-limits';

/**
 * The abuse limits on public input (issue 12, review item 2): a fixed window per client address and one for everyone
 * together, counted in the database (db/rate-limits.ts) so they hold across app instances.
 *
 * Not rate-limiter-flexible: its PostgreSQL store talks to a `pg` Pool/Client itself, with its own SQL, so it would
 * not run on PGlite (the zero-configuration `npm start`) without an adapter; one upsert through our own db layer runs
 * the same on pg, Neon and PGlite and is all the fixed window needs.
 */
export type LimitName = 'submit' | 'formStamp' | 'statusPage' | 'clientAnswer' | 'clientAction' | 'lostLink';

type Window = { points: number; minutes: number };
export const LIMITS: Record<LimitName, { perAddress: Window; global: Window }> = {
  // A person files one complaint, now and then a second one; 300 in 5 seconds is a bot.
  submit: { perAddress: { points: 10, minutes: 60 }, global: { points: 300, minutes: 60 } },
  // The complaint form fetches one stamp each time it is shown (app/api/form-stamp/route.ts): 60 in 10 minutes is not a person.
  formStamp: { perAddress: { points: 60, minutes: 10 }, global: { points: 20000, minutes: 10 } },
  statusPage: { perAddress: { points: 120, minutes: 10 }, global: { points: 5000, minutes: 10 } },
  clientAnswer: { perAddress: { points: 20, minutes: 60 }, global: { points: 500, minutes: 60 } },
  clientAction: { perAddress: { points: 30, minutes: 60 }, global: { points: 1000, minutes: 60 } },
  lostLink: { perAddress: { points: 10, minutes: 60 }, global: { points: 300, minutes: 60 } },
};

/** `RATE_LIMIT_FACTOR` multiplies every limit (e.g. 10 for the e2e suite, whose many specs share one address). */
export function factor(): number {
  const value = Number(process.env.RATE_LIMIT_FACTOR ?? '1');
  return Number.isFinite(value) && value >= 1 ? value : 1;
}

export type LimitDecision = { ok: true } | { ok: false; retryAfterMinutes: number; retryAfterSeconds: number };

export async function consumeLimit(name: LimitName, address: string, now = new Date()): Promise<LimitDecision> {
  const db = await getDb();
  const limit = LIMITS[name];
  const checks = [
    { key: `${name}:addr:${address}`, window: limit.perAddress },
    { key: `${name}:all`, window: limit.global },
  ];
  let retryAt: Date | null = null;
  // Both counters in one round trip.
  const counted = await hitCounters(db, checks.map(({ key, window }) => ({ key, windowMs: window.minutes * 60_000 })), now);
  for (const { key, window } of checks) {
    const hit = counted.find((row) => row.key === key);
    if (!hit) throw new Error('rate limit counter returned no row');
    if (hit.points > window.points * factor() && (!retryAt || hit.resetsAt > retryAt)) retryAt = hit.resetsAt;
  }
  if (Math.random() < 0.01) await sweepCounters(db, new Date(now.getTime() - 60 * 60_000)).catch(() => undefined);
  if (!retryAt) return { ok: true };
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  return { ok: false, retryAfterSeconds: seconds, retryAfterMinutes: Math.max(1, Math.ceil(seconds / 60)) };
}

/**
 * At most this many acknowledgements per recipient e-mail address per day (review item 2; default 3, env
 * `ACKNOWLEDGEMENTS_PER_RECIPIENT_PER_DAY`, which only the e2e suite raises, as all its complaints use one address):
 * further complaints are still saved, but their acknowledgement is held for a handler — see lib/complaints/submit.ts.
 */
export function acknowledgementsPerRecipientPerDay(): number {
  const value = Number(process.env.ACKNOWLEDGEMENTS_PER_RECIPIENT_PER_DAY ?? '3');
  return Number.isInteger(value) && value >= 1 ? value : 3;
}
