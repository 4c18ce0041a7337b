import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { historyOf, involvedOf, outboxOf } from '@/db/complaints';
import { countRows, insertTestReferenceData, setCategoryActive } from '@/db/fixtures';
import { complaints, procedureSettings, users } from '@/db/schema';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@/db/testing';
import { FORBIDDEN } from '@/lib/actions/pipeline';
import { runAs } from '@/lib/auth/actor';
import { addCalendarDays, addCalendarMonths, amsterdamDate } from '@/lib/procedure/dates';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import { hashToken, statusTokenFor } from '@/lib/server/tokens';

/** Staff registering phone/e-mail/post complaints, and who may open which complaint file: real actions on PostgreSQL. */

let database: ThrowawayDatabase;
let db: Db;
let closeDb: () => Promise<void>;
let registerComplaintAction: typeof import('./register-actions').registerComplaintAction;
let loadComplaintFile: typeof import('./file-data').loadComplaintFile;
let advisers: Awaited<ReturnType<typeof insertTestReferenceData>>;
const who: Record<'handler' | 'handler2' | 'manager' | 'admin' | 'former', { id: number; role: 'handler' | 'manager' | 'admin' }> = {} as never;

const today = amsterdamDate(new Date());
const daysAgo = (n: number) => addCalendarDays(today, -n);

function registration(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'post',
    receivedOn: daysAgo(10),
    name: 'Henk de Jong',
    email: '',
    street: 'Kerkstraat 12',
    postcode: '5341ab',
    city: 'Oss',
    phone: '',
    category: 'treatment',
    staffId: '',
    staffOther: '',
    description: 'Mijn adviseur kwam drie afspraken niet opdagen zonder iets te laten weten.',
    incidentWhen: 'date',
    incidentDate: daysAgo(30),
    desiredOutcome: '',
    partyChoice: 'municipality',
    partyName: 'Gemeente Oss',
    informed: true,
    idempotencyKey: randomUUID(),
    locale: 'nl',
    ...overrides,
  };
}

const register = (userId: number | null, input: unknown) => runAs(userId, () => registerComplaintAction(input));

async function complaintById(id: number) {
  const [row] = await db.select().from(complaints).where(eq(complaints.id, id));
  return row!;
}

beforeAll(async () => {
  database = await createThrowawayDatabase();
  process.env.DATABASE_URL = database.url;
  delete process.env.DATABASE_DRIVER;
  const client = await import('@/db/client');
  const { runMigrations } = await import('@/db/migrate');
  ({ registerComplaintAction } = await import('./register-actions'));
  ({ loadComplaintFile } = await import('./file-data'));
  closeDb = client.closeDb;
  await runMigrations();
  db = await client.getDb();
  advisers = await insertTestReferenceData(db);
  await db.insert(procedureSettings).values({ preset: 'bijstand-naar-werk', terms: DEFAULT_TERMS });
  const rows = await db
    .insert(users)
    .values([
      { email: 'h1@test', name: 'Sanne Jansen', role: 'handler' },
      { email: 'h2@test', name: 'Thijs Bakker', role: 'handler' },
      { email: 'm@test', name: 'Marloes van den Berg', role: 'manager' },
      { email: 'a@test', name: 'Annemiek de Vries', role: 'admin' },
      { email: 'old@test', name: 'Peter de Wit', role: 'handler', active: false },
    ])
    .returning({ id: users.id, role: users.role });
  [who.handler, who.handler2, who.manager, who.admin, who.former] = rows as [typeof who.handler, typeof who.handler, typeof who.handler, typeof who.handler, typeof who.handler];
});

afterAll(async () => {
  await closeDb?.();
  await database?.drop();
});

describe('registering a complaint that came in by post, phone or e-mail', () => {
  it('a handler registers a postal complaint: the clocks count from the received date, no acknowledgement is queued', async () => {
    const input = registration({ staffId: String(advisers.activeAdviser.id) });
    const result = await register(who.handler.id, input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.receivedOn).toBe(daysAgo(10));
    expect(result.data.reference).toMatch(new RegExp(`^KL-${daysAgo(10).slice(0, 4)}-\\d{4}$`));

    const complaint = await complaintById(result.data.id);
    expect(complaint).toMatchObject({
      reference: result.data.reference,
      status: 'received',
      channel: 'post',
      receivedOn: daysAgo(10),
      registeredBy: who.handler.id,
      handlerId: null,
      complainantEmail: null,
      addressPostcode: '5341 AB',
      incidentDate: daysAgo(30),
      terms: DEFAULT_TERMS,
      idempotencyKey: input.idempotencyKey,
      // The database derives the due dates from the received date, as the file page does.
      acknowledgementDue: addCalendarDays(daysAgo(10), 14),
      resolutionDue: addCalendarDays(daysAgo(10), 42),
      incidentOlderThanLimit: false,
    });
    // Like an online complaint, the status link's token is derived from the key; only its hash is kept.
    expect(complaint.statusTokenHash).toBe(hashToken(statusTokenFor(input.idempotencyKey)));

    const history = await historyOf(db, complaint.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      action: 'registered',
      actorUserId: who.handler.id,
      actorLabel: null,
      fromStatus: null,
      toStatus: 'received',
      details: { channel: 'post', receivedOn: daysAgo(10), olderThanLimit: false },
    });
    expect(await outboxOf(db, complaint.id)).toEqual([]);
    expect(await involvedOf(db, complaint.id)).toMatchObject([{ staffId: advisers.activeAdviser.id, involvement: 'subject' }]);
  });

  it('a manager registers a phone complaint received today', async () => {
    const result = await register(who.manager.id, registration({ channel: 'phone', receivedOn: today, email: 'klant@example.test', street: '', postcode: '', city: '', phone: '06 12345678' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await complaintById(result.data.id)).toMatchObject({ channel: 'phone', receivedOn: today, registeredBy: who.manager.id, complainantPhone: '06 12345678' });
  });

  it.each([
    ['an admin', 'admin'],
    ['nobody signed in', null],
    ['a deactivated user', 'former'],
  ] as const)('is refused for %s, and nothing is written', async (_label, key) => {
    const before = await countRows(db);
    const result = await register(key === null ? null : who[key].id, registration());
    expect(result).toEqual(FORBIDDEN);
    expect(await countRows(db)).toEqual(before);
  });

  it.each([
    ['a received date in the future', { receivedOn: addCalendarDays(today, 1) }, { receivedOn: ['receivedInFuture'] }],
    ['no received date', { receivedOn: '' }, { receivedOn: ['required'] }],
    ['an impossible received date', { receivedOn: '2026-02-30' }, { receivedOn: ['dateInvalid'] }],
    ['a received date before 1900', { receivedOn: '1899-12-31' }, { receivedOn: ['dateInvalid'] }],
    ['an incident after the received date', { receivedOn: daysAgo(10), incidentDate: daysAgo(5) }, { incidentDate: ['incidentAfterReceived'] }],
    ['the online channel (that is the public form)', { channel: 'online' }, { channel: ['choose'] }],
    ['no confirmation that the client was told', { informed: false }, { informed: ['informedRequired'] }],
    ['a category that is not offered', { category: 'privacy' }, { category: ['categoryUnknown'] }],
    ['no way to reach the client', { street: '', postcode: '', city: '' }, { email: ['contactRequired'] }],
  ])('refuses %s with field errors and writes nothing', async (_label, change, fieldErrors) => {
    await setCategoryActive(db, 'privacy', false);
    try {
      const before = await countRows(db);
      const result = await register(who.handler.id, registration(change));
      expect(result).toEqual({ ok: false, error: 'invalid', fieldErrors });
      expect(await countRows(db)).toEqual(before);
    } finally {
      await setCategoryActive(db, 'privacy', true);
    }
  });

  it('who registered it is the signed-in user, whatever the form says', async () => {
    const result = await register(who.handler.id, { ...registration(), registeredBy: who.manager.id, handlerId: who.manager.id });
    if (!result.ok) throw new Error('expected success');
    expect(await complaintById(result.data.id)).toMatchObject({ registeredBy: who.handler.id, handlerId: null });
  });

  it('submitting the same form twice gives the same complaint; at the same time too', async () => {
    const input = registration();
    const first = await register(who.handler.id, input);
    const before = await countRows(db);
    expect(await register(who.handler.id, { ...input, description: 'Changed text, same submission key.' })).toEqual(first);
    const parallel = await Promise.all(Array.from({ length: 4 }, () => register(who.handler.id, registration({ idempotencyKey: input.idempotencyKey }))));
    for (const result of parallel) expect(result).toEqual(first);
    expect(await countRows(db)).toEqual(before);

    // Another user replaying that key learns nothing about the complaint.
    expect(await register(who.handler2.id, input)).toEqual(FORBIDDEN);
  });

  it('keeps the terms in force when it was registered; later changes apply only to later complaints', async () => {
    const first = await register(who.handler.id, registration());
    const shorter = { ...DEFAULT_TERMS, acknowledgementDays: 7, resolutionDays: 35 };
    await db.insert(procedureSettings).values({ preset: 'awb', terms: shorter });
    try {
      const second = await register(who.handler.id, registration());
      if (!first.ok || !second.ok) throw new Error('expected both to succeed');
      expect((await complaintById(first.data.id)).terms).toEqual(DEFAULT_TERMS);
      expect(await complaintById(second.data.id)).toMatchObject({ terms: shorter, acknowledgementDue: addCalendarDays(daysAgo(10), 7) });
    } finally {
      await db.insert(procedureSettings).values({ preset: 'bijstand-naar-werk', terms: DEFAULT_TERMS });
    }
  });

  it('numbers the reference in the year the complaint was received', async () => {
    const lastYear = Number(today.slice(0, 4)) - 1;
    const first = await register(who.handler.id, registration({ receivedOn: `${lastYear}-12-30`, incidentDate: `${lastYear}-12-01` }));
    const second = await register(who.handler.id, registration({ receivedOn: `${lastYear}-06-02`, incidentDate: `${lastYear}-06-01` }));
    if (!first.ok || !second.ok) throw new Error('expected both to succeed');
    expect(first.data.reference).toBe(`KL-${lastYear}-0001`);
    expect(second.data.reference).toBe(`KL-${lastYear}-0002`);
  });

  it('checks the one-year rule against the received date, not today', async () => {
    const receivedOn = addCalendarMonths(today, -6);
    // Within a year before receipt, though more than a year before today: handled.
    const within = await register(who.handler.id, registration({ receivedOn, incidentDate: addCalendarDays(addCalendarMonths(receivedOn, -12), 1) }));
    const older = await register(who.handler.id, registration({ receivedOn, incidentDate: addCalendarDays(addCalendarMonths(receivedOn, -12), -1) }));
    if (!within.ok || !older.ok) throw new Error('expected both to succeed');
    expect((await historyOf(db, within.data.id))[0]!.details).toMatchObject({ olderThanLimit: false });
    expect((await historyOf(db, older.data.id))[0]!.details).toMatchObject({ olderThanLimit: true });
    expect(await complaintById(older.data.id)).toMatchObject({ incidentOlderThanLimit: true, nextDue: addCalendarDays(receivedOn, 14) });
  });
});

describe('who may open a complaint file', () => {
  it('the registering handler while unassigned, the assigned handler and managers; not other handlers or admins', async () => {
    const result = await register(who.handler.id, registration());
    if (!result.ok) throw new Error('expected success');
    const id = result.data.id;

    const file = await loadComplaintFile(who.handler, id);
    expect(file?.record).toMatchObject({ reference: result.data.reference, registeredByName: 'Sanne Jansen', categoryName: 'Bejegening door adviseur' });
    expect(file?.history).toMatchObject([{ action: 'registered', actorName: 'Sanne Jansen' }]);
    expect(await loadComplaintFile(who.manager, id)).not.toBeNull();
    expect(await loadComplaintFile(who.handler2, id)).toBeNull();
    expect(await loadComplaintFile(who.admin, id)).toBeNull();

    // Once someone else is assigned, it is theirs.
    await db.update(complaints).set({ handlerId: who.handler2.id }).where(eq(complaints.id, id));
    expect(await loadComplaintFile(who.handler, id)).toBeNull();
    expect((await loadComplaintFile(who.handler2, id))?.record.handlerName).toBe('Thijs Bakker');
    expect(await loadComplaintFile(who.manager, id)).not.toBeNull();
  });

  it('a complaint that does not exist is simply not there', async () => {
    expect(await loadComplaintFile(who.manager, 987_654)).toBeNull();
  });
});
