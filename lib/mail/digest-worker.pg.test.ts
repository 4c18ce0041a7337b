import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { factsForStatus, insertTestReferenceData } from '@/db/fixtures';
import { categories, complaints, deadlineDigests, outbox, users } from '@/db/schema';
import { migratedThrowawayDatabase } from '@/db/testing';
import type { IsoDate } from '@/lib/procedure/dates';
import { type Clock, type ClockInput, deadlineState, dueDateOf, runningClocks } from '@/lib/procedure/deadlines';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import type { Role, Status } from '@/lib/procedure/vocabulary';

/**
 * The morning digest against a real PostgreSQL: who gets a mail with what, that a weekend or a public holiday sends
 * nothing, and that two runs at once still write one digest per user per day. What each mail should list is worked
 * out here from the fixtures with the procedure's own deadline functions, not by the SQL or the digest's selection.
 */

let db: Db;
let close: (() => Promise<void>) | undefined;
let worker: typeof import('./digest-worker');

type Person = { key: string; role: Role; active: boolean; id?: number; email?: string };
const PEOPLE: Person[] = [
  { key: 'anna', role: 'handler', active: true },
  { key: 'bram', role: 'handler', active: true }, // only a complaint that is far from due: no mail
  { key: 'cees', role: 'handler', active: false }, // inactive: never a mail, though his complaints are due
  { key: 'mira', role: 'manager', active: true }, // also handles one complaint herself
  { key: 'dirk', role: 'manager', active: true },
  { key: 'ad', role: 'admin', active: true }, // no access to complaints: no digest at all
];
const person = (key: string) => PEOPLE.find((p) => p.key === key)!;

type Fixture = { reference: string; handler: string | null; status: Status; received: IsoDate; incident?: IsoDate; extendedTo?: IsoDate };
const FIXTURES: Fixture[] = [
  { reference: 'KL-A1', handler: 'anna', status: 'received', received: '2026-11-18' },
  { reference: 'KL-A2', handler: 'anna', status: 'in_progress', received: '2026-10-26' },
  { reference: 'KL-A3', handler: 'anna', status: 'in_progress', received: '2026-10-27' },
  { reference: 'KL-A4', handler: 'anna', status: 'info_requested', received: '2026-10-20' },
  { reference: 'KL-A5', handler: 'anna', status: 'resolved', received: '2026-10-01' },
  { reference: 'KL-A6', handler: 'anna', status: 'received', received: '2026-10-25', incident: '2025-01-01' },
  { reference: 'KL-A7', handler: 'anna', status: 'acknowledged', received: '2026-10-01', extendedTo: '2026-12-04' },
  { reference: 'KL-B1', handler: 'bram', status: 'in_progress', received: '2026-11-20' },
  { reference: 'KL-B2', handler: 'bram', status: 'withdrawn', received: '2026-09-01' },
  { reference: 'KL-C1', handler: 'cees', status: 'info_requested', received: '2026-10-01' },
  { reference: 'KL-C2', handler: 'cees', status: 'in_progress', received: '2026-10-26' },
  { reference: 'KL-M1', handler: 'mira', status: 'in_progress', received: '2026-10-26' },
  { reference: 'KL-U1', handler: null, status: 'received', received: '2026-11-10' },
  { reference: 'KL-U2', handler: null, status: 'in_progress', received: '2026-10-26' },
];

const CLOCK_WORDS: Record<Clock, string> = { acknowledgement: 'Ontvangstbevestiging', notAdmissibleNotice: 'Bericht niet-ontvankelijk', resolution: 'Afhandeling' };

/** What a list should hold: `reference · clock` for each running clock of these fixtures that is overdue (or due soon). */
function expected(today: IsoDate, which: (f: Fixture) => boolean, overdueOnly: boolean): string[] {
  const lines: string[] = [];
  for (const f of FIXTURES.filter(which)) {
    const input: ClockInput = {
      status: f.status,
      receivedOn: f.received,
      terms: DEFAULT_TERMS,
      incident: f.incident ? { ongoing: false, date: f.incident } : { ongoing: true },
      resolutionExtendedTo: f.extendedTo ?? null,
    };
    for (const clock of runningClocks(input)) {
      const state = deadlineState(dueDateOf(clock, input), today);
      if (state === 'overdue' || (state === 'due_soon' && !overdueOnly)) lines.push(`${f.reference} · ${CLOCK_WORDS[clock]}`);
    }
  }
  return lines.sort();
}

/** The lines of a mail's section: `reference · clock` of each `- ` line after the heading, up to the next empty line. */
function section(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(title);
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines
    .slice(start + 1, end)
    .map((line) => line.slice(2).split(' · ').slice(0, 2).join(' · '))
    .sort();
}

const digestMails = () => db.select().from(outbox).where(eq(outbox.kind, 'deadline_digest')).orderBy(asc(outbox.id));
const digestRows = (day: IsoDate) => db.select().from(deadlineDigests).where(eq(deadlineDigests.day, day)).orderBy(asc(deadlineDigests.userId));
const at = (amsterdam: string) => new Date(`${amsterdam}+01:00`); // winter time

beforeAll(async () => {
  ({ db, close } = await migratedThrowawayDatabase());
  await insertTestReferenceData(db);
  const [category] = await db.select({ id: categories.id }).from(categories).limit(1);
  for (const p of PEOPLE) {
    const [row] = await db
      .insert(users)
      .values({ email: `${p.key}@example.test`, name: p.key[0]!.toUpperCase() + p.key.slice(1), role: p.role, active: p.active })
      .returning({ id: users.id, email: users.email });
    Object.assign(p, row);
  }
  await db.insert(complaints).values(
    FIXTURES.map((f) => ({
      reference: f.reference,
      status: f.status,
      channel: 'post' as const,
      receivedOn: f.received,
      complainantName: 'Digest Test',
      complainantEmail: 'klant@example.test',
      categoryId: category!.id,
      description: 'Digest test',
      incidentDate: f.incident ?? null,
      incidentOngoing: !f.incident,
      partyChoice: 'unknown' as const,
      consentAt: new Date(),
      terms: DEFAULT_TERMS,
      handlerId: f.handler ? person(f.handler).id! : null,
      resolutionExtendedTo: f.extendedTo ?? null,
      ...factsForStatus(f.status, f.extendedTo ?? null),
      statusTokenHash: randomUUID(),
    })),
  );
  worker = await import('./digest-worker');
}, 60_000);

afterAll(async () => {
  await close?.();
});

describe('the morning deadline digest', () => {
  it.each([
    ['a Saturday', '2026-12-05T09:00:00', 'not-a-working-day'],
    ['a Sunday', '2026-12-06T09:00:00', 'not-a-working-day'],
    ['Christmas Day', '2026-12-25T09:00:00', 'not-a-working-day'],
    ['Boxing Day', '2026-12-26T09:00:00', 'not-a-working-day'],
    ['a working day before 07:00', '2026-12-02T06:59:00', 'too-early'],
  ])('on %s nothing is made or sent', async (_, now, reason) => {
    expect(await worker.sendDeadlineDigests({ now: at(now) })).toMatchObject({ skipped: reason });
    expect(await digestMails()).toHaveLength(0);
    expect(await db.select().from(deadlineDigests)).toHaveLength(0);
  });

  it('on a working day: one mail per user with exactly their due-soon and overdue clocks, even with two runs at once', async () => {
    const today = '2026-12-02'; // a Wednesday
    const now = at(`${today}T07:05:00`);
    const [first, second] = await Promise.all([worker.sendDeadlineDigests({ now }), worker.sendDeadlineDigests({ now })]);
    const sent = (r: typeof first) => ('sent' in r ? r.sent : 0);
    expect(sent(first) + sent(second)).toBe(3);

    const mails = await digestMails();
    expect(mails.map((m) => m.recipient).sort()).toEqual(['anna@example.test', 'dirk@example.test', 'mira@example.test']);
    for (const mail of mails) {
      expect(mail).toMatchObject({ medium: 'email', status: 'pending', complaintId: null, letter: expect.objectContaining({ v: 1, lang: 'nl' }) });
      expect(mail.subject).toMatch(/^Termijnen 2 december 2026: /);
    }
    const mailTo = (key: string) => mails.find((m) => m.recipient === `${key}@example.test`)!.bodyText;

    // The handler: her own open complaints, due soon or overdue; not the one on time, not the closed one.
    const anna = section(mailTo('anna'), 'Uw klachten');
    expect(anna).toEqual(expected(today, (f) => f.handler === 'anna', false));
    expect(anna).toEqual(expect.arrayContaining(['KL-A1 · Ontvangstbevestiging', 'KL-A4 · Afhandeling', 'KL-A7 · Afhandeling']));
    expect(anna.some((l) => l.startsWith('KL-A3') || l.startsWith('KL-A5'))).toBe(false);
    expect(section(mailTo('anna'), 'Te laat bij anderen')).toEqual([]);
    expect(mailTo('anna')).toContain(`http://localhost:3000/beheer/klachten/`);

    // A manager who handles a complaint herself: her own, and everyone else's overdue ones (the inactive handler's
    // and the unassigned ones too).
    expect(section(mailTo('mira'), 'Uw klachten')).toEqual(expected(today, (f) => f.handler === 'mira', false));
    expect(section(mailTo('mira'), 'Te laat bij anderen')).toEqual(expected(today, (f) => f.handler !== 'mira', true));
    expect(section(mailTo('mira'), 'Te laat bij anderen')).toEqual(expect.arrayContaining(['KL-C1 · Afhandeling', 'KL-U1 · Ontvangstbevestiging']));
    // A manager without complaints of her own: everyone's overdue ones.
    expect(section(mailTo('dirk'), 'Uw klachten')).toEqual([]);
    expect(section(mailTo('dirk'), 'Te laat bij anderen')).toEqual(expected(today, () => true, true));

    // Recorded once for every active user who works with complaints (Bram's list was empty: no mail); nothing for the
    // inactive one or the admin.
    const rows = await digestRows(today);
    expect(rows.map((r) => r.userId)).toEqual(['anna', 'bram', 'mira', 'dirk'].map((key) => person(key).id));
    const mailIds = new Map(mails.map((m) => [m.recipient, m.id]));
    for (const row of rows) {
      const email = PEOPLE.find((p) => p.id === row.userId)!.email!;
      expect(row.outboxId, email).toBe(mailIds.get(email) ?? null);
    }
  });

  it('never twice on one day: later runs that day find every digest made', async () => {
    const again = await Promise.all([
      worker.sendDeadlineDigests({ now: at('2026-12-02T09:00:00') }),
      worker.sendDeadlineDigests({ now: at('2026-12-02T16:30:00') }),
    ]);
    expect(again).toEqual([
      { day: '2026-12-02', sent: 0, empty: 0, alreadyDone: 0 },
      { day: '2026-12-02', sent: 0, empty: 0, alreadyDone: 0 },
    ]);
    expect(await digestMails()).toHaveLength(3);
  });

  it('two instances racing for the same user: exactly one records the digest and its mail', async () => {
    const { recordDigest } = await import('@/db/digests');
    const mail = { recipient: 'anna@example.test', subject: 'Race', bodyText: 'Race', letter: null };
    const day = '2026-12-03';
    const results = await Promise.all(Array.from({ length: 4 }, () => recordDigest(db, { userId: person('anna').id!, day, mail, at: at(`${day}T07:00:00`) })));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.select().from(outbox).where(eq(outbox.subject, 'Race'))).toHaveLength(1);
    await db.delete(deadlineDigests).where(eq(deadlineDigests.day, day));
    await db.delete(outbox).where(eq(outbox.subject, 'Race'));
  });

  it('the next working day brings a new digest, with the clocks as they stand that day', async () => {
    const today = '2026-12-07'; // the Monday after
    const report = await worker.sendDeadlineDigests({ now: at(`${today}T08:00:00`) });
    expect(report).toMatchObject({ day: today, alreadyDone: 0 });
    const mails = (await digestMails()).filter((m) => m.subject.startsWith('Termijnen 7 december 2026'));
    expect(mails).toHaveLength('sent' in report ? report.sent : -1);
    const anna = mails.find((m) => m.recipient === 'anna@example.test')!;
    expect(section(anna.bodyText, 'Uw klachten')).toEqual(expected(today, (f) => f.handler === 'anna', false));
  });
});

describe('GET /api/cron/deadlines', () => {
  afterEach(() => {
    vi.useRealTimers();
    delete process.env.CRON_SECRET;
  });
  const call = async (authorization?: string) => {
    const { GET } = await import('@/app/api/cron/deadlines/route');
    return GET(new NextRequest('http://localhost/api/cron/deadlines', { headers: authorization ? { authorization } : {} }));
  };

  it('without or with a wrong secret: 401, and nothing made', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at('2026-12-08T07:30:00'));
    process.env.CRON_SECRET = 'digest-secret';
    for (const header of [undefined, 'Bearer wrong', 'digest-secret']) {
      const response = await call(header);
      expect(response.status, String(header)).toBe(401);
    }
    expect(await digestRows('2026-12-08')).toHaveLength(0);
  });

  it('with the secret: runs, and says what it did', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    process.env.CRON_SECRET = 'digest-secret';
    vi.setSystemTime(at('2026-12-12T07:30:00')); // a Saturday
    const weekend = await call('Bearer digest-secret');
    expect(weekend.status).toBe(200);
    expect(await weekend.json()).toEqual({ skipped: 'not-a-working-day', day: '2026-12-12' });

    vi.setSystemTime(at('2026-12-08T07:30:00'));
    const response = await call('Bearer digest-secret');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ day: '2026-12-08', sent: 3, empty: 1, alreadyDone: 0 });
    expect(await digestRows('2026-12-08')).toHaveLength(4);
  });
});
