import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, type IsoDate } from '@/lib/procedure/dates';
import { acknowledgementDue, checkIncidentAge, dueDateOf, nextDeadline, notAdmissibleNoticeDue } from '@/lib/procedure/deadlines';
import { DEFAULT_TERMS, type ProcedureTerms } from '@/lib/procedure/terms';
import { STATUSES, type Status } from '@/lib/procedure/vocabulary';
import type { Db } from './client';
import { categories, complaints } from './schema';
import { migratedThrowawayDatabase } from './testing';

// Contract: the due dates the database derives in generated columns (db/schema.ts, used to sort and filter the inbox)
// equal the ones lib/procedure/deadlines.ts computes, for every case below.

let db: Db;
let close: (() => Promise<void>) | undefined;
let categoryId: number;

beforeAll(async () => {
  ({ db, close } = await migratedThrowawayDatabase());
  [{ id: categoryId }] = (await db.insert(categories).values({ code: 'other', nameNl: 'Overig', nameEn: 'Other' }).returning({ id: categories.id })) as [
    { id: number },
  ];
}, 60_000);

afterAll(async () => {
  await close?.();
});

type Case = {
  received: IsoDate;
  terms?: Partial<ProcedureTerms>;
  /** null = still going on */
  incident: IsoDate | null;
  extendedTo?: IsoDate;
};

const AWB_LIKE = { acknowledgementDays: 7, notAdmissibleNoticeDays: 21, resolutionDays: 56, incidentLimitMonths: 6 };

const CASES: Record<string, Case> = {
  'ordinary': { received: '2026-03-02', incident: '2026-02-20' },
  'ongoing conduct': { received: '2026-03-02', incident: null },
  'over the year end': { received: '2026-12-20', incident: '2026-12-01' },
  'into a leap day': { received: '2028-02-15', incident: '2028-01-10' }, // + 14 = 29 Feb 2028
  'received on a leap day, incident exactly a year before (28 Feb)': { received: '2024-02-29', incident: '2023-02-28' },
  'received on a leap day, incident a day more than a year before': { received: '2024-02-29', incident: '2023-02-27' },
  'incident on the leap day, received a year later (28 Feb)': { received: '2025-02-28', incident: '2024-02-29' },
  'incident the day before the leap day, received a year later': { received: '2025-02-28', incident: '2024-02-28' },
  'incident exactly a year before': { received: '2026-03-02', incident: '2025-03-02' },
  'incident a year and a day before': { received: '2026-03-02', incident: '2025-03-01' },
  'incident long ago': { received: '2026-03-02', incident: '2019-06-01' },
  'month end clamps (31 Mar − 1 month = 29 Feb)': { received: '2024-03-31', terms: { incidentLimitMonths: 1 }, incident: '2024-02-28' },
  'month end clamps, on the limit': { received: '2024-03-31', terms: { incidentLimitMonths: 1 }, incident: '2024-02-29' },
  'extended resolution': { received: '2026-03-02', incident: '2026-02-20', extendedTo: '2026-05-11' },
  'extended across a leap day': { received: '2028-01-20', incident: null, extendedTo: '2028-02-29' },
  'extended and too old: the notice still comes first': { received: '2026-03-02', incident: '2024-01-01', extendedTo: '2026-05-11' },
  'other terms': { received: '2026-03-02', terms: AWB_LIKE, incident: '2025-08-01' },
  'other terms, within the shorter limit': { received: '2026-03-02', terms: AWB_LIKE, incident: '2025-09-02' },
  'other terms, on the DST change': { received: '2026-03-22', terms: AWB_LIKE, incident: null }, // + 7 = 29 Mar 2026
};

let counter = 0;
async function insert(c: Case, status: Status) {
  const terms = { ...DEFAULT_TERMS, ...c.terms };
  counter++;
  const [row] = await db
    .insert(complaints)
    .values({
      reference: `KL-TEST-${counter}`,
      status,
      channel: 'post',
      receivedOn: c.received,
      complainantName: 'Contract Test',
      complainantEmail: 'contract@example.test',
      categoryId,
      description: 'Contract test',
      incidentDate: c.incident,
      incidentOngoing: c.incident === null,
      partyChoice: 'unknown',
      consentAt: new Date(),
      terms,
      resolutionExtendedTo: c.extendedTo ?? null,
      // What the procedure's constraints require with the status (migration 0004).
      extensionCount: c.extendedTo ? 1 : 0,
      outcome: ['resolved', 'escalated', 'closed_by_party'].includes(status) ? 'not_upheld' : null,
      notAdmissibleGround: status === 'not_admissible' ? 'incident_older_than_limit' : null,
      statusTokenHash: randomUUID(),
    })
    .returning({ id: complaints.id });
  const [stored] = await db
    .select({
      acknowledgementDue: complaints.acknowledgementDue,
      noticeDue: complaints.noticeDue,
      resolutionDue: complaints.resolutionDue,
      incidentOlderThanLimit: complaints.incidentOlderThanLimit,
      nextDue: complaints.nextDue,
    })
    .from(complaints)
    .where(eq(complaints.id, row!.id));
  return { stored: stored!, terms };
}

describe('generated due-date columns equal lib/procedure/deadlines.ts', () => {
  it.each(Object.entries(CASES))('%s', async (_, c) => {
    for (const status of STATUSES) {
      const { stored, terms } = await insert(c, status);
      const input = {
        status,
        receivedOn: c.received,
        terms,
        incident: c.incident === null ? ({ ongoing: true } as const) : ({ ongoing: false, date: c.incident } as const),
        resolutionExtendedTo: c.extendedTo ?? null,
      };
      const label = `${status}`;
      expect(stored.acknowledgementDue, label).toBe(acknowledgementDue(c.received, terms));
      expect(stored.acknowledgementDue, label).toBe(dueDateOf('acknowledgement', input));
      expect(stored.noticeDue, label).toBe(notAdmissibleNoticeDue(c.received, terms));
      expect(stored.resolutionDue, label).toBe(dueDateOf('resolution', input));
      expect(stored.incidentOlderThanLimit, label).toBe(checkIncidentAge(c.received, input.incident, terms).olderThanLimit);
      expect(stored.nextDue, label).toBe(nextDeadline(input)?.due ?? null);
    }
  });

  it('the cases cover both sides of the one-year rule and of each clock', async () => {
    const flagged = Object.values(CASES).map(
      (c) =>
        checkIncidentAge(c.received, c.incident === null ? { ongoing: true } : { ongoing: false, date: c.incident }, { ...DEFAULT_TERMS, ...c.terms })
          .olderThanLimit,
    );
    expect(flagged).toContain(true);
    expect(flagged).toContain(false);
    expect(acknowledgementDue('2028-02-15', DEFAULT_TERMS)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-22', AWB_LIKE.acknowledgementDays)).toBe('2026-03-29');
  });

  it('the database recomputes when the inputs change (status, extension)', async () => {
    const { stored } = await insert(CASES.ordinary!, 'received');
    expect(stored.nextDue).toBe('2026-03-16');
    await db.update(complaints).set({ status: 'acknowledged' }).where(eq(complaints.reference, `KL-TEST-${counter}`));
    await db.update(complaints).set({ resolutionExtendedTo: '2026-05-01', extensionCount: 1 }).where(eq(complaints.reference, `KL-TEST-${counter}`));
    const [after] = await db
      .select({ nextDue: complaints.nextDue, resolutionDue: complaints.resolutionDue })
      .from(complaints)
      .where(eq(complaints.reference, `KL-TEST-${counter}`));
    expect(after).toEqual({ nextDue: '2026-05-01', resolutionDue: '2026-05-01' });
    await db.update(complaints).set({ status: 'resolved', outcome: 'not_upheld' }).where(eq(complaints.reference, `KL-TEST-${counter}`));
    const [closed] = await db.select({ nextDue: complaints.nextDue }).from(complaints).where(sql`reference = ${`KL-TEST-${counter}`}`);
    expect(closed!.nextDue).toBeNull();
  });
});
