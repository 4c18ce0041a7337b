import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  categories,
  complaintHistory,
  complaintInvolved,
  complaintMeasures,
  complaints,
  contractingParties,
  informationRequests,
  outbox,
  procedureSettings,
  staff,
  users,
} from '@/db/schema';
import { factsForStatus } from '@/db/fixtures';
import { migratedThrowawayDatabase } from '@/db/testing';
import { CATEGORY_ROWS } from '@/db/seed';
import type { ActionResult } from '@/lib/actions/pipeline';
import { runAs } from '@/lib/auth/actor';
import { addCalendarDays, amsterdamDate, type IsoDate } from '@/lib/procedure/dates';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import type { Status } from '@/lib/procedure/vocabulary';
import { hashToken } from '@/lib/server/tokens';
import type { StepResult } from './define';

/**
 * Support for the integration tests of the procedure's steps (`*.pg.test.ts` next to this file): a migrated throwaway
 * PostgreSQL database with users, advisers and a contracting party; complaints in any state, inserted directly; the
 * real server actions run as a given user; and a snapshot of everything a step could write, to prove that a refused
 * step changed nothing.
 */

export const today = amsterdamDate(new Date());
export const daysAgo = (n: number): IsoDate => addCalendarDays(today, -n);

export type StepsWorld = Awaited<ReturnType<typeof setUpStepsWorld>>;

export async function setUpStepsWorld() {
  const { db, close } = await migratedThrowawayDatabase();
  await db.insert(categories).values(CATEGORY_ROWS.map((c) => ({ ...c })));
  await db.insert(procedureSettings).values({ preset: 'bijstand-naar-werk', terms: DEFAULT_TERMS });
  const [handler, handler2, adviserHandler, manager, manager2, admin, former] = await db
    .insert(users)
    .values([
      { email: 'h1@test', name: 'Sanne Jansen', role: 'handler' },
      { email: 'h2@test', name: 'Thijs Bakker', role: 'handler' },
      { email: 'h3@test', name: 'Fatima El Amrani', role: 'handler' },
      { email: 'm@test', name: 'Marloes van den Berg', role: 'manager' },
      { email: 'm2@test', name: 'Kees Visser', role: 'manager' },
      { email: 'a@test', name: 'Annemiek de Vries', role: 'admin' },
      { email: 'old@test', name: 'Peter de Wit', role: 'handler', active: false },
    ])
    .returning({ id: users.id, name: users.name });
  const [adviser, adviserOfHandler, inactiveAdviser] = await db
    .insert(staff)
    .values([
      { name: 'Sanne de Vries', team: 'Team Oss' },
      { name: 'Fatima El Amrani', team: 'Team Den Bosch', userId: adviserHandler!.id },
      { name: 'Pieter Jansen', team: 'Team Den Bosch', active: false },
    ])
    .returning({ id: staff.id, name: staff.name });
  const [party, partyWithoutMail] = await db
    .insert(contractingParties)
    .values([
      { type: 'municipality', name: 'Gemeente Oss', contactEmail: 'klachten@oss.example' },
      { type: 'uwv', name: 'UWV Den Bosch', contactEmail: null },
    ])
    .returning({ id: contractingParties.id, name: contractingParties.name });
  const [category] = await db.select({ id: categories.id }).from(categories).orderBy(asc(categories.id)).limit(1);

  const people = { handler: handler!, handler2: handler2!, adviserHandler: adviserHandler!, manager: manager!, manager2: manager2!, admin: admin!, former: former! };
  const ids = { adviser: adviser!, adviserOfHandler: adviserOfHandler!, inactiveAdviser: inactiveAdviser!, party: party!, partyWithoutMail: partyWithoutMail! };

  type Involved = { staffId?: number; name?: string; involvement?: 'subject' | 'other' };
  type NewComplaint = Partial<typeof complaints.$inferInsert> & { status?: Status; involved?: Involved[] };

  /** A complaint inserted directly in any state; by default received 10 days ago by post, handled by `handler`, about `adviser`. */
  async function complaint(overrides: NewComplaint = {}) {
    const { involved = [{ staffId: ids.adviser.id }], ...values } = overrides;
    const key = randomUUID();
    const [row] = await db
      .insert(complaints)
      .values({
        reference: `KL-TEST-${key.slice(0, 8)}`,
        channel: 'post',
        receivedOn: daysAgo(10),
        registeredBy: people.handler.id,
        complainantName: 'Henk de Jong',
        complainantEmail: 'henk@example.nl',
        categoryId: category!.id,
        description: 'Mijn adviseur kwam drie afspraken niet opdagen zonder iets te laten weten.',
        incidentDate: daysAgo(30),
        incidentOngoing: false,
        partyChoice: 'municipality',
        consentAt: new Date(),
        terms: DEFAULT_TERMS,
        handlerId: people.handler.id,
        statusTokenHash: hashToken(key),
        idempotencyKey: key,
        ...factsForStatus(values.status ?? 'received', values.resolutionExtendedTo ?? null),
        ...values,
      })
      .returning();
    for (const person of involved) {
      const member = person.staffId ? [ids.adviser, ids.adviserOfHandler, ids.inactiveAdviser].find((s) => s.id === person.staffId) : null;
      await db.insert(complaintInvolved).values({
        complaintId: row!.id,
        staffId: person.staffId ?? null,
        name: member?.name ?? person.name ?? 'Onbekende medewerker',
        involvement: person.involvement ?? 'subject',
      });
    }
    return row!;
  }

  /** Everything a step could write for one complaint. */
  async function snapshot(id: number) {
    const [row] = await db.select().from(complaints).where(eq(complaints.id, id));
    return {
      complaint: row!,
      history: await db.select().from(complaintHistory).where(eq(complaintHistory.complaintId, id)).orderBy(asc(complaintHistory.id)),
      outbox: await db.select().from(outbox).where(eq(outbox.complaintId, id)).orderBy(asc(outbox.id)),
      involved: await db.select().from(complaintInvolved).where(eq(complaintInvolved.complaintId, id)).orderBy(asc(complaintInvolved.id)),
      requests: await db.select().from(informationRequests).where(eq(informationRequests.complaintId, id)).orderBy(asc(informationRequests.id)),
      measures: await db.select().from(complaintMeasures).where(eq(complaintMeasures.complaintId, id)),
    };
  }

  /** Runs a step's real server action as this user, with the complaint's current version unless given. */
  async function act<T = StepResult>(
    who: { id: number } | null,
    action: (input: unknown) => Promise<ActionResult<T>>,
    complaintId: number,
    input: Record<string, unknown> = {},
  ): Promise<ActionResult<T>> {
    const version = input.version ?? (await snapshot(complaintId)).complaint?.version ?? 1;
    return runAs(who?.id ?? null, () => action({ complaintId, version, ...input }));
  }

  return { db: db as Db, close, people, ids, complaint, snapshot, act };
}
