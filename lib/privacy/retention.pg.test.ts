import { and, eq, sql } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anonymiseComplaint } from '@/db/anonymise';
import { listInbox } from '@/db/inbox';
import { dueForAnonymisation, privacyRequestsDueForAnonymisation, retentionStats } from '@/db/retention';
import { complaintAccessLog, complaintHistory, complaints, outbox, privacyRequestEvents, privacyRequests } from '@/db/schema';
import { type Actor, runAs } from '@/lib/auth/actor';
import { complaintDossierPdf } from '@/lib/complaints/dossier-download';
import { complaintFileView, type Translate } from '@/lib/complaints/file';
import { loadComplaintFile } from '@/lib/complaints/file-data';
import { setUpStepsWorld, type StepsWorld, today } from '@/lib/complaints/steps/testing';
import { beheerMessages } from '@/lib/i18n/beheer';
import { parseInboxParams } from '@/lib/inbox/params';
import { addCalendarDays, addCalendarMonths, type IsoDate } from '@/lib/procedure/dates';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import type { Status } from '@/lib/procedure/vocabulary';
import { accessLogFor, logAccessQuietly } from './access-log';
import { isDueForAnonymisation, isPrivacyRequestDue } from './retention';
import { runRetention } from './retention-run';

/**
 * The retention run and the access log on real PostgreSQL: the SQL that finds due complaints agrees with the rule in
 * lib/privacy/retention.ts; the run anonymises exactly the due ones, each on its own (a failing one does not stop
 * the others); anonymised complaints still open on the file page, in the dossier PDF and the inbox; the access log
 * records a handler's visit and shows only to managers.
 */

let w: StepsWorld;
let actions: typeof import('@/lib/complaints/steps/actions');
const t = createTranslator({ locale: 'nl', messages: { beheer: beheerMessages }, namespace: 'beheer' }) as unknown as Translate;
const monthsAgo = (n: number, days = 0): IsoDate => addCalendarDays(addCalendarMonths(today, -n), days);

beforeAll(async () => {
  w = await setUpStepsWorld();
  actions = await import('@/lib/complaints/steps/actions');
});
afterAll(async () => {
  await w?.close();
});

/** A closed complaint, closed on `closedOn`, received under terms with `retentionMonths` (default 24). */
async function closed(status: Status, closedOn: IsoDate | null, retentionMonths: number | null = 24) {
  const terms = retentionMonths === null ? (({ retentionMonths: _, ...rest }) => rest)(DEFAULT_TERMS) : { ...DEFAULT_TERMS, retentionMonths };
  const receivedOn = closedOn ? addCalendarDays(closedOn, -30) : addCalendarDays(today, -10);
  const c = await w.complaint({ status, receivedOn, incidentDate: addCalendarDays(receivedOn, -5), terms: terms as typeof DEFAULT_TERMS });
  await w.db.update(complaints).set({ closedOn }).where(eq(complaints.id, c.id));
  return c;
}

describe('the due complaints', () => {
  it('are the same in SQL as by the rule in lib/privacy/retention.ts, for every day around the boundaries', async () => {
    await closed('resolved', monthsAgo(24, -1)); // due yesterday
    await closed('resolved', monthsAgo(24)); // due today
    await closed('not_admissible', monthsAgo(24, 1)); // due tomorrow
    await closed('withdrawn', monthsAgo(23, 10)); // due in a month and ten days
    await closed('resolved', monthsAgo(7), 6); // its own shorter period
    await closed('resolved', monthsAgo(7), null); // no own period: the current one
    await closed('escalated', monthsAgo(30)); // still with the contracting party
    await closed('in_progress', null); // open
    const byParty = await closed('closed_by_party', monthsAgo(30)); // resolved 30 months ago, closed by the party 20 months ago
    const partyDay = new Date(`${monthsAgo(20)}T10:00:00Z`);
    await w.db.insert(complaintHistory).values({ complaintId: byParty.id, at: partyDay, actorUserId: w.people.manager.id, action: 'closed_by_party', fromStatus: 'escalated', toStatus: 'closed_by_party' });

    const rows = await w.db.select().from(complaints);
    const partyClosing = new Map([[byParty.id, monthsAgo(20)]]);
    for (const offset of [-40, -1, 0, 1, 2, 45, 400, 400 * 2]) {
      const until = addCalendarDays(today, offset);
      const expected = rows
        .filter((r) =>
          isDueForAnonymisation(
            { status: r.status, closingDay: partyClosing.get(r.id) ?? r.closedOn, ownRetentionMonths: r.terms.retentionMonths, anonymisedAt: r.anonymisedAt },
            24,
            until,
          ),
        )
        .map((r) => r.id)
        .sort((a, b) => a - b);
      const found = (await dueForAnonymisation(w.db, until, 24)).map((d) => d.id).sort((a, b) => a - b);
      expect(found, `until ${until}`).toEqual(expected);
    }
    const dueToday = await dueForAnonymisation(w.db, today, 24);
    expect(dueToday).toHaveLength(3);
    expect(dueToday.map((d) => [d.closingDay, d.anonymiseOn])).toEqual([
      [monthsAgo(7), addCalendarMonths(monthsAgo(7), 6)],
      [monthsAgo(24, -1), addCalendarDays(today, -1)],
      [monthsAgo(24), today],
    ]);
    expect(dueToday[0]!.category).toBe('Re-integratietraject');
    // A shorter current period applies at once.
    expect((await dueForAnonymisation(w.db, today, 12)).length).toBeGreaterThan(dueToday.length);
  });
});

/** No privacy request is due in the complaints' tests (the privacy requests' own are at the end). */
const none = { due: 0, anonymised: 0, failed: 0 };

describe('the retention run', () => {
  it('anonymises every due complaint in its own transaction; one that fails stays for the next run and the rest is done', async () => {
    const due = await dueForAnonymisation(w.db, today, 24);
    expect(due.length).toBe(3);
    const failing = due[1]!.id;
    // A fault in the database for one complaint only (in this throwaway database).
    await w.db.execute(sql.raw(`create function refuse_one() returns trigger language plpgsql as $$ begin
      if new.id = ${failing} and new.anonymised_at is not null then raise exception 'injected fault'; end if; return new; end; $$`));
    await w.db.execute(sql`create trigger refuse_one before update on complaints for each row execute function refuse_one()`);

    const now = new Date();
    const report = await runRetention({ now });
    expect(report).toEqual({ day: today, due: due.length, anonymised: due.length - 1, failed: 1, requests: none });
    for (const { id } of due) {
      const [row] = await w.db.select().from(complaints).where(eq(complaints.id, id));
      if (id === failing) expect(row).toMatchObject({ anonymisedAt: null, complainantName: 'Henk de Jong' });
      else {
        expect(row).toMatchObject({ anonymisedReason: 'retention', complainantName: 'geanonimiseerd', complainantEmail: null });
        const [entry] = await w.db.select().from(complaintHistory).where(and(eq(complaintHistory.complaintId, id), eq(complaintHistory.action, 'anonymised')));
        expect(entry).toMatchObject({ actorUserId: null, actorLabel: 'system', details: { anonymisedFor: 'retention' } });
      }
    }
    // Not yet due: untouched.
    const [notDue] = await w.db.select({ n: sql<number>`count(*)::int` }).from(complaints).where(sql`anonymised_at is null and complainant_name = 'Henk de Jong'`);
    expect(notDue!.n).toBeGreaterThan(1);

    // The next run, with the fault gone, does the one that failed and nothing else.
    await w.db.execute(sql`drop trigger refuse_one on complaints`);
    expect(await runRetention({ now })).toEqual({ day: today, due: 1, anonymised: 1, failed: 0, requests: none });
    expect(await runRetention({ now })).toEqual({ day: today, due: 0, anonymised: 0, failed: 0, requests: none });

    expect(await retentionStats(w.db, addCalendarMonths(today, -12))).toEqual({ lastRunDay: today, lastRunCount: due.length, lastYearCount: due.length });
  });

  it('leaves an anonymised complaint readable: file page, dossier PDF and inbox; steps are refused', async () => {
    const c = await closed('resolved', monthsAgo(30));
    await w.db.transaction((tx) => anonymiseComplaint(tx, c.id, { now: new Date(), reason: 'retention', actor: null }));
    const manager = { id: w.people.manager.id, role: 'manager' as const };
    const data = await loadComplaintFile(manager, c.id);
    expect(data?.record).toMatchObject({ complainantName: 'geanonimiseerd', anonymisedReason: 'retention' });
    const view = complaintFileView(data!, { today, t });
    expect(view.history.at(-1)).toMatchObject({ action: 'Geanonimiseerd' });
    const pdf = await complaintDossierPdf(manager, c.id);
    expect(Buffer.from(pdf!.bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const params = parseInboxParams(new URLSearchParams(`status=all&q=${c.reference}`), { categories: [], handlers: [], parties: [] });
    const inbox = await listInbox(w.db, manager, params, today);
    expect(inbox.rows.map((r) => r.id)).toContain(c.id);
    expect(await w.act(w.people.manager, actions.reopenAction, c.id, { reason: 'Toch nog iets' })).toMatchObject({ ok: false, fieldErrors: { _form: ['complaintAnonymised'] } });
  });
});

describe('the access log', () => {
  it('records a handler opening a file; shows it to managers and admins, not to handlers', async () => {
    const c = await w.complaint({ status: 'in_progress' });
    const handler: Actor = { id: w.people.handler.id, name: w.people.handler.name, email: 'h1@test', role: 'handler', mustChangePassword: false };
    const at = new Date('2026-11-30T09:15:00Z');
    await logAccessQuietly(handler, c.id, 'file', at);
    await logAccessQuietly(handler, c.id, 'dossier', new Date(at.getTime() + 60_000));
    const rows = await w.db.select().from(complaintAccessLog).where(eq(complaintAccessLog.complaintId, c.id));
    expect(rows.map((r) => [r.userId, r.what])).toEqual([[handler.id, 'file'], [handler.id, 'dossier']]);

    expect(await accessLogFor(handler, c.id)).toBeNull();
    const shown = await accessLogFor({ role: 'manager' }, c.id);
    expect(shown?.map((e) => [e.userName, e.what, e.at.toISOString()])).toEqual([
      [w.people.handler.name, 'dossier', '2026-11-30T09:16:00.000Z'],
      [w.people.handler.name, 'file', '2026-11-30T09:15:00.000Z'],
    ]);
    expect(await accessLogFor({ role: 'admin' }, c.id)).toHaveLength(2);
  });

  it('never throws when the insert fails (the page still opens)', async () => {
    const before = await w.db.select({ n: sql<number>`count(*)::int` }).from(complaintAccessLog);
    await expect(logAccessQuietly({ id: w.people.handler.id }, 999_999, 'file')).resolves.toBeUndefined();
    expect(await w.db.select({ n: sql<number>`count(*)::int` }).from(complaintAccessLog)).toEqual(before);
  });
});

describe('GET /api/cron/retention', () => {
  afterEach(() => {
    delete process.env.CRON_SECRET;
  });
  const call = async (authorization?: string) => {
    const { GET } = await import('@/app/api/cron/retention/route');
    return GET(new NextRequest('http://localhost/api/cron/retention', { headers: authorization ? { authorization } : {} }));
  };

  it('without or with a wrong secret: 401 and nothing anonymised; with it: the run and its counts', async () => {
    const c = await closed('withdrawn', monthsAgo(25));
    process.env.CRON_SECRET = 'retention-secret';
    for (const header of [undefined, 'Bearer wrong', 'retention-secret']) {
      expect((await call(header)).status, String(header)).toBe(401);
    }
    expect((await w.db.select().from(complaints).where(eq(complaints.id, c.id)))[0]!.anonymisedAt).toBeNull();
    const response = await call('Bearer retention-secret');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ day: today, due: 1, anonymised: 1, failed: 0, requests: none });
    expect((await w.db.select().from(complaints).where(eq(complaints.id, c.id)))[0]!.anonymisedReason).toBe('retention');
  });

  it('without a configured secret the route is closed', async () => {
    expect((await call('Bearer ')).status).toBe(401);
  });
});

describe('privacy requests after the retention period', () => {
  /** A privacy request in `status`, closed at noon (Amsterdam) on `closedDay`. */
  async function request(status: 'open' | 'extended' | 'completed' | 'refused', closedDay: IsoDate | null) {
    const [row] = await w.db
      .insert(privacyRequests)
      .values({
        kind: 'access', status, requesterName: 'Henk de Jong', requesterEmail: 'henk@example.nl', receivedOn: addCalendarDays(closedDay ?? today, -20),
        receivedVia: 'email', requestText: 'Welke gegevens heeft u van mij?', dueOn: addCalendarDays(closedDay ?? today, 10),
        outcomeReason: status === 'refused' ? 'Geen klachten op deze naam.' : null, closedAt: closedDay ? new Date(`${closedDay}T11:00:00Z`) : null,
      })
      .returning();
    return row!;
  }

  it('the due ones are the same in SQL as by the rule, for every day around the boundaries', async () => {
    await request('completed', monthsAgo(24, -1)); // due yesterday
    await request('refused', monthsAgo(24)); // due today
    await request('completed', monthsAgo(24, 1)); // due tomorrow
    await request('completed', monthsAgo(3)); // long to go
    await request('open', null);
    await request('extended', null);
    const rows = await w.db.select().from(privacyRequests);
    for (const offset of [-40, -1, 0, 1, 2, 45, 800]) {
      const until = addCalendarDays(today, offset);
      const expected = rows
        .filter((r) => isPrivacyRequestDue({ status: r.status, closedDay: r.closedAt ? r.closedAt.toISOString().slice(0, 10) : null, anonymisedAt: r.anonymisedAt }, 24, until))
        .map((r) => r.id);
      const found = (await privacyRequestsDueForAnonymisation(w.db, until, 24)).map((d) => d.id).sort((a, b) => a - b);
      expect(found, `until ${until}`).toEqual(expected.sort((a, b) => a - b));
    }
    expect((await privacyRequestsDueForAnonymisation(w.db, today, 24)).map((d) => [d.closedDay, d.anonymiseOn])).toEqual([
      [monthsAgo(24, -1), addCalendarDays(today, -1)],
      [monthsAgo(24), today],
    ]);
    // Not part of the next test.
    await w.db.update(privacyRequests).set({ anonymisedAt: new Date() }).where(sql`closed_at is not null`);
  });

  it('the run takes out the requester\'s name, address, texts and mails; kind, dates, status and the steps stay; the event list only loses words', async () => {
    const privacy = await import('./actions');
    const manager = w.people.manager;
    const input = { kind: 'access', requesterName: 'Fatma Yılmaz', requesterEmail: 'fatma@example.nl', receivedOn: today, receivedVia: 'email', requestText: 'Graag inzage in mijn dossier.', complaintIds: [] };
    const registered = await runAs(manager.id, () => privacy.registerPrivacyRequestAction(input));
    if (!registered.ok) throw new Error(JSON.stringify(registered));
    const { id } = registered.data;
    const extended = await runAs(manager.id, () => privacy.extendPrivacyRequestAction({ requestId: id, version: 1, months: 1, reason: 'Mevrouw Yılmaz heeft drie dossiers' }));
    if (!extended.ok) throw new Error(JSON.stringify(extended));
    const refused = await runAs(manager.id, () => privacy.refusePrivacyRequestAction({ requestId: id, version: extended.data.version, reason: 'Mevrouw Yılmaz kon zich niet identificeren' }));
    if (!refused.ok) throw new Error(JSON.stringify(refused));
    const mails = () => w.db.select().from(outbox).where(sql`${outbox.kind} in ('privacy_extension', 'privacy_refusal')`);
    expect((await mails()).map((m) => m.recipient)).toEqual(['fatma@example.nl', 'fatma@example.nl']);
    await w.db.update(outbox).set({ status: 'sent', sentAt: new Date() }).where(sql`${outbox.kind} = 'privacy_extension'`);
    const eventsBefore = await w.db.select().from(privacyRequestEvents).where(eq(privacyRequestEvents.requestId, id)).orderBy(privacyRequestEvents.id);

    // Not yet: closed today.
    expect((await runRetention({ now: new Date() })).requests).toEqual(none);
    // Closed 24 months ago: due today.
    await w.db.update(privacyRequests).set({ closedAt: new Date(`${monthsAgo(24)}T11:00:00Z`) }).where(eq(privacyRequests.id, id));
    const before = (await w.db.select().from(privacyRequests).where(eq(privacyRequests.id, id)))[0]!;
    expect((await runRetention({ now: new Date() })).requests).toEqual({ due: 1, anonymised: 1, failed: 0 });

    const after = (await w.db.select().from(privacyRequests).where(eq(privacyRequests.id, id)))[0]!;
    expect(after).toMatchObject({
      requesterName: 'geanonimiseerd', requesterEmail: 'geanonimiseerd', requestText: 'geanonimiseerd', extensionReason: 'geanonimiseerd', outcomeReason: 'geanonimiseerd',
      kind: before.kind, status: 'refused', receivedOn: before.receivedOn, receivedVia: before.receivedVia, dueOn: before.dueOn, extendedTo: before.extendedTo, closedAt: before.closedAt,
      version: before.version + 1,
    });
    expect(after.anonymisedAt).toBeInstanceOf(Date);
    // The sent mail is kept emptied; the one never sent is gone.
    expect((await mails()).map((m) => [m.kind, m.recipient, m.subject, m.bodyText, m.letter])).toEqual([['privacy_extension', 'geanonimiseerd', 'geanonimiseerd', 'geanonimiseerd', null]]);
    // The same steps, by the same people, at the same times; only the words are gone, and the anonymisation is a step.
    const events = await w.db.select().from(privacyRequestEvents).where(eq(privacyRequestEvents.requestId, id)).orderBy(privacyRequestEvents.id);
    expect(events.slice(0, -1).map((e) => [e.id, e.at, e.actorUserId, e.action])).toEqual(eventsBefore.map((e) => [e.id, e.at, e.actorUserId, e.action]));
    expect(events.map((e) => e.action)).toEqual(['registered', 'extended', 'refused', 'anonymised']);
    expect(events.at(-1)).toMatchObject({ actorUserId: null, details: {} });
    expect(JSON.stringify(events)).not.toMatch(/Yılmaz|fatma|identificeren|dossiers/);
    expect(events[1]!.details).toEqual({ months: 1, previousDue: before.dueOn, newDue: before.extendedTo, outboxId: expect.any(Number) });
    // The next run leaves it alone; the event list is still append-only outside the anonymiser.
    expect((await runRetention({ now: new Date() })).requests).toEqual(none);
    const attempt = w.db.update(privacyRequestEvents).set({ details: {} }).where(eq(privacyRequestEvents.requestId, id));
    await expect(attempt).rejects.toSatisfy((e: Error & { cause?: Error }) => /is append-only: UPDATE/.test(String(e.cause?.message ?? e.message)));
  });
});
