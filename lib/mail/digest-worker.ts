import { loggableError } from '@/lib/server/log-error';
import { getDb } from '@/db/client';
import { digestCandidates, recordDigest, usersWithoutDigest } from '@/db/digests';
import { organisationOrDefault } from '@/db/settings';
import { appUrl } from '@/lib/server/env';
import { digestFor, digestLetter, digestMoment, dueSoonUntil } from './digest';

export type DigestReport =
  | { skipped: 'not-a-working-day' | 'too-early'; day: string }
  | { day: string; sent: number; empty: number; alreadyDone: number };

/**
 * Makes today's deadline digests (lib/mail/digest.ts) for every active user who has none yet, and puts the mails in
 * the outbox; the outbox worker sends them. Does nothing before DIGEST_FROM_HOUR or on a day that is not a working
 * day. Safe to run often and in several processes at once: each user's digest is recorded once per day
 * (db/digests.ts recordDigest), in the same transaction as its mail.
 */
export async function sendDeadlineDigests({ now = new Date() } = {}): Promise<DigestReport> {
  const moment = digestMoment(now);
  if (!moment.due) return { skipped: moment.reason, day: moment.day };
  const { day } = moment;
  const db = await getDb();
  const report = { day, sent: 0, empty: 0, alreadyDone: 0 };
  const recipients = await usersWithoutDigest(db, day);
  if (recipients.length === 0) return report;
  const complaints = await digestCandidates(db, dueSoonUntil(day));
  const organisation = await organisationOrDefault(db);
  const baseUrl = appUrl();
  for (const user of recipients) {
    const letter = digestLetter({ name: user.name, today: day, ...digestFor(user, complaints, day), baseUrl, organisation });
    const mail = letter ? { recipient: user.email, subject: letter.subject, bodyText: letter.text, letter: letter.doc } : null;
    if (!(await recordDigest(db, { userId: user.id, day, mail, at: now }))) report.alreadyDone++;
    else if (mail) report.sent++;
    else report.empty++;
  }
  return report;
}

/** The in-process scheduler's tick (instrumentation.ts): a problem is logged, never thrown. */
export async function sendDeadlineDigestsQuietly(): Promise<void> {
  try {
    await sendDeadlineDigests();
  } catch (error) {
    console.error('[digest] failed:', loggableError(error));
  }
}
