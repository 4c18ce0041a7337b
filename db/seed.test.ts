import { verifyPassword } from '@/lib/auth/passwords';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { addCalendarDays, addCalendarMonths, amsterdamDate, calendarDaysBetween, type IsoDate } from '@/lib/procedure/dates';
import { HISTORY_ACTIONS } from '@/lib/complaints/history-actions';
import { isLetterDoc, letterText, type LetterDoc } from '@/lib/mail/letter';
import { HEARING_SKIP_GROUNDS, OPEN_STATUSES, type Status } from '@/lib/procedure/vocabulary';
import { CLIENT_ACTOR, checkStep, nextStatus, STEPS, type Step, TRANSITIONS, type WorkflowFacts } from '@/lib/procedure/workflow';
import type { Db } from './client';
import {
  categories,
  complaintHistory,
  complaintInvolved,
  complaintMeasures,
  complaints,
  contractingParties,
  informationRequests,
  measureHistory,
  measures,
  outbox,
  procedureSettings,
  referenceCounters,
  staff,
  users,
} from './schema';

// A fixed moment, so the data (and this test) do not depend on the day it runs.
const NOW = new Date('2026-03-18T10:15:00Z');
const TODAY = amsterdamDate(NOW);

let dataDir: string;
let db: Db;
let closeDb: () => Promise<void>;
let seedDemoData: typeof import('./seed').seedDemoData;
let loadReport: typeof import('./reports').loadReport;
let logins: import('./seed').DemoLogin[] = [];

async function tableCounts() {
  const tables = {
    categories,
    users,
    staff,
    contractingParties,
    procedureSettings,
    complaints,
    complaintHistory,
    complaintInvolved,
    outbox,
    informationRequests,
    measures,
    complaintMeasures,
  };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => {
      const [row] = await db.select({ n: count() }).from(table);
      return [name, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(entries);
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachtloket-seed-'));
  process.env.KLACHTLOKET_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  delete process.env.DATABASE_DRIVER;
  const client = await import('./client');
  const { runMigrations } = await import('./migrate');
  ({ seedDemoData } = await import('./seed'));
  ({ loadReport } = await import('./reports'));
  closeDb = client.closeDb;
  await runMigrations();
  db = await client.getDb();
}, 120_000);

afterAll(async () => {
  await closeDb?.();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('seedDemoData', () => {
  it('seeds once and then leaves the data alone', async () => {
    const result = await seedDemoData(db, NOW);
    expect(result.seeded).toBe(true);
    logins = result.logins;
    const first = await tableCounts();
    expect(await seedDemoData(db, NOW)).toEqual({ seeded: false, logins: [] });
    expect(await tableCounts()).toEqual(first);

    expect(first.categories).toBe(5);
    expect(first.users).toBe(6);
    expect(first.procedureSettings).toBe(1);
    // A small organisation: a few to about fifteen complaints a month over 18 months.
    expect(first.complaints).toBeGreaterThanOrEqual(130);
    expect(first.complaints).toBeLessThanOrEqual(200);
  }, 120_000);

  it('has the reference data the app expects', async () => {
    const codes = (await db.select({ code: categories.code }).from(categories).orderBy(asc(categories.sortOrder))).map((c) => c.code);
    expect(codes).toEqual(['trajectory', 'treatment', 'communication', 'privacy', 'other']);
    const roles = await db.select({ email: users.email, role: users.role, active: users.active, passwordHash: users.passwordHash }).from(users);
    expect(roles.find((u) => u.email === 'admin@klachtloket.test')?.role).toBe('admin');
    expect(roles.find((u) => u.email === 'kwaliteit@klachtloket.test')?.role).toBe('manager');
    expect(roles.filter((u) => u.role === 'handler' && u.active).map((u) => u.email).sort()).toEqual([
      'behandelaar1@klachtloket.test',
      'behandelaar2@klachtloket.test',
      'behandelaar3@klachtloket.test',
    ]);
    expect(roles.filter((u) => !u.active).map((u) => u.email)).toEqual(['oud-behandelaar@klachtloket.test']);
    // Every demo user can sign in with the password handed out (argon2id), and passwords differ per user.
    expect(logins).toHaveLength(6);
    expect(new Set(logins.map((l) => l.password)).size).toBe(6);
    for (const login of logins) {
      const hash = roles.find((u) => u.email === login.email)?.passwordHash ?? null;
      expect(hash, login.email).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(hash, login.password), login.email).toBe(true);
      expect(await verifyPassword(hash, `${login.password}x`), login.email).toBe(false);
    }

    const [handler3] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'behandelaar3@klachtloket.test'));
    const linked = await db.select({ id: staff.id }).from(staff).where(eq(staff.userId, handler3!.id));
    expect(linked).toHaveLength(1);
    // That adviser is named in several complaints, none of which handler 3 handles.
    const about = await db.select({ handlerId: complaints.handlerId }).from(complaints).where(eq(complaints.concernsStaffId, linked[0]!.id));
    expect(about.length).toBeGreaterThanOrEqual(3);
    expect(about.every((c) => c.handlerId !== handler3!.id)).toBe(true);
  });

  it('spreads complaints over the past 18 months with statuses that fit their age', async () => {
    const rows = await db.select().from(complaints).orderBy(asc(complaints.id));
    const earliest = addCalendarMonths(TODAY, -18);
    for (const c of rows) {
      expect(c.receivedOn >= earliest && c.receivedOn <= TODAY, `${c.reference} ${c.receivedOn}`).toBe(true);
      // Assigned on the day of receipt: only today's complaints may still be waiting for a handler.
      if (c.receivedOn < TODAY) expect(c.handlerId, c.reference).not.toBeNull();
      if (c.channel !== 'online') expect(c.registeredBy, c.reference).not.toBeNull();
      expect(c.complainantEmail !== null || (c.addressStreet && c.addressPostcode && c.addressCity)).toBeTruthy();
      expect(c.createdAt.getTime()).toBeLessThan(NOW.getTime());
      expect(c.updatedAt.getTime()).toBeGreaterThanOrEqual(c.createdAt.getTime());
      expect(c.updatedAt.getTime()).toBeLessThan(NOW.getTime());
    }
    const statuses = new Set(rows.map((c) => c.status));
    for (const s of ['received', 'acknowledged', 'in_progress', 'info_requested', 'resolved', 'escalated', 'closed_by_party', 'not_admissible', 'withdrawn'] as const) {
      expect(statuses.has(s), s).toBe(true);
    }
    const recent = rows.filter((c) => c.receivedOn >= addCalendarDays(TODAY, -3));
    expect(recent.filter((c) => c.status === 'received').length).toBeGreaterThan(recent.length / 2);
    const old = rows.filter((c) => c.receivedOn < addCalendarDays(TODAY, -42));
    expect(old.filter((c) => c.status === 'resolved').length).toBeGreaterThan(old.length / 2);

    // Something for the deadline views: open complaints past their acknowledgement and resolution dates.
    expect(rows.some((c) => c.status === 'received' && c.receivedOn < addCalendarDays(TODAY, -14))).toBe(true);
    expect(rows.some((c) => OPEN_STATUSES.includes(c.status) && c.status !== 'received' && c.receivedOn < addCalendarDays(TODAY, -42))).toBe(true);
    // The one-year ground only for conduct more than a year before receipt; other grounds too.
    const notAdmissible = rows.filter((r) => r.status === 'not_admissible');
    for (const c of notAdmissible.filter((r) => r.notAdmissibleGround === 'incident_older_than_limit')) {
      expect(c.incidentDate! < addCalendarMonths(c.receivedOn, -12), c.reference).toBe(true);
    }
    expect(new Set(notAdmissible.map((c) => c.notAdmissibleGround)).size).toBeGreaterThanOrEqual(3);

    // Every month of the past 18 has complaints (the first one partly), a realistic handful each.
    const perMonth = new Map<string, number>();
    for (const c of rows) perMonth.set(c.receivedOn.slice(0, 7), (perMonth.get(c.receivedOn.slice(0, 7)) ?? 0) + 1);
    expect(perMonth.size).toBeGreaterThanOrEqual(17);
    const fullMonths = [...perMonth].filter(([month]) => month > earliest.slice(0, 7) && month < TODAY.slice(0, 7));
    for (const [month, n] of fullMonths) {
      expect(n, month).toBeGreaterThanOrEqual(3);
      expect(n, month).toBeLessThanOrEqual(18);
    }
    // Old complaints are closed; what is open is recent (or a fixed case for the deadline views), a plausible load.
    const open = rows.filter((c) => OPEN_STATUSES.includes(c.status));
    expect(open.every((c) => c.receivedOn >= addCalendarDays(TODAY, -70)), open.map((c) => c.receivedOn).join()).toBe(true);
    for (const handlerId of new Set(open.map((c) => c.handlerId))) {
      expect(open.filter((c) => c.handlerId === handlerId).length).toBeLessThanOrEqual(15);
    }
  });

  it('never lets a handler handle a complaint they are involved in', async () => {
    const conflicts = await db
      .select({ id: complaints.id })
      .from(complaints)
      .innerJoin(complaintInvolved, eq(complaintInvolved.complaintId, complaints.id))
      .innerJoin(staff, eq(staff.id, complaintInvolved.staffId))
      .where(eq(staff.userId, complaints.handlerId));
    expect(conflicts).toEqual([]);
    const subjects = await db.select({ n: count() }).from(complaintInvolved).where(eq(complaintInvolved.involvement, 'subject'));
    // Someone complained about: an adviser from the list, or as the client named them.
    const [named] = await db
      .select({ n: count() })
      .from(complaints)
      .where(sql`${complaints.concernsStaffId} is not null or ${complaints.concernsStaffText} is not null`);
    expect(subjects[0]?.n).toBe(named?.n);
  });

  it('numbers references per year in order of receipt', async () => {
    const rows = await db.select({ reference: complaints.reference, receivedOn: complaints.receivedOn }).from(complaints).orderBy(asc(complaints.id));
    expect(new Set(rows.map((r) => r.reference)).size).toBe(rows.length);
    const byYear = new Map<number, { seq: number; receivedOn: string }[]>();
    for (const r of rows) {
      const match = /^KL-(\d{4})-(\d{4,})$/.exec(r.reference);
      expect(match, r.reference).not.toBeNull();
      const year = Number(match![1]);
      expect(String(year)).toBe(r.receivedOn.slice(0, 4));
      byYear.set(year, [...(byYear.get(year) ?? []), { seq: Number(match![2]), receivedOn: r.receivedOn }]);
    }
    const counters = await db.select().from(referenceCounters);
    for (const [year, list] of byYear) {
      const sorted = [...list].sort((a, b) => a.seq - b.seq);
      expect(sorted.map((x) => x.seq)).toEqual(sorted.map((_, i) => i + 1));
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.receivedOn >= sorted[i - 1]!.receivedOn).toBe(true);
      expect(counters.find((c) => c.year === year)?.last).toBe(sorted.length);
    }
  });

  it('gives every complaint a coherent history and its messages', async () => {
    const rows = await db.select().from(complaints).orderBy(asc(complaints.id));
    const history = await db.select().from(complaintHistory).orderBy(asc(complaintHistory.id));
    const messages = await db.select().from(outbox).orderBy(asc(outbox.id));
    const known = new Set<string>(HISTORY_ACTIONS);
    for (const c of rows) {
      const steps = history.filter((h) => h.complaintId === c.id);
      expect(steps.length, c.reference).toBeGreaterThanOrEqual(1);
      expect(steps[0]!.action).toBe(c.channel === 'online' ? 'received' : 'registered');
      expect(steps[0]!.actorLabel ?? null).toBe(c.channel === 'online' ? 'client' : null);
      let status: string | null = null;
      let previous = 0;
      for (const step of steps) {
        expect(known.has(step.action), step.action).toBe(true);
        expect(step.at.getTime()).toBeGreaterThanOrEqual(previous);
        expect(step.at.getTime()).toBeLessThan(NOW.getTime());
        expect(step.actorUserId !== null || step.actorLabel !== null).toBe(true);
        previous = step.at.getTime();
        if (step.toStatus) {
          expect(step.fromStatus ?? null, `${c.reference} ${step.action}`).toBe(status);
          status = step.toStatus;
        }
        if (['not_admissible', 'extended', 'withdrawn', 'hearing_skipped', 'resolved', 'escalated'].includes(step.action)) {
          expect(step.reason, `${c.reference} ${step.action}`).toBeTruthy();
        }
      }
      expect(status, c.reference).toBe(c.status);
      expect(steps[0]!.at.getTime()).toBe(c.createdAt.getTime());
      expect(steps.at(-1)!.at.getTime()).toBe(c.updatedAt.getTime());

      const mine = messages.filter((m) => m.complaintId === c.id);
      const acks = mine.filter((m) => m.kind === 'acknowledgement');
      // Online complaints are acknowledged on submission; the others when a handler does it. Until then: nothing sent.
      expect(acks, c.reference).toHaveLength(c.status === 'received' ? 0 : 1);
      if (c.channel === 'online') expect(steps[1], c.reference).toMatchObject({ action: 'acknowledged', actorLabel: 'system', at: steps[0]!.at });
      if (c.status === 'received') expect(c.channel, c.reference).not.toBe('online');
      for (const ack of acks) {
        expect(ack.medium).toBe(c.complainantEmail ? 'email' : 'post');
        expect(ack.recipient).toContain(c.complainantEmail ?? c.addressPostcode!);
        expect(ack.bodyText).toContain(c.reference);
        expect(['sent', 'failed'], c.reference).toContain(ack.status);
      }
      // One outcome letter per resolution (a reopened complaint gets one more), and a letter when it is reopened.
      const resolutions = steps.filter((h) => h.action === 'resolved').length;
      const reopenings = steps.filter((h) => h.action === 'reopened').length;
      expect(mine.filter((m) => m.kind === 'outcome'), c.reference).toHaveLength(resolutions);
      expect(mine.filter((m) => m.kind === 'reopened'), c.reference).toHaveLength(reopenings);
      expect(resolutions, c.reference).toBe(reopenings + (['resolved', 'escalated', 'closed_by_party'].includes(c.status) ? 1 : 0));
      expect(mine.filter((m) => m.kind === 'not_admissible')).toHaveLength(c.status === 'not_admissible' ? 1 : 0);
      expect(mine.filter((m) => m.kind === 'escalation')).toHaveLength(['escalated', 'closed_by_party'].includes(c.status) ? 1 : 0);
      for (const m of mine) if (m.status === 'sent') expect(m.sentAt!.getTime()).toBeLessThan(NOW.getTime());
    }
    const kinds = new Set(messages.map((m) => m.kind));
    expect([...kinds].sort()).toEqual([
      'acknowledgement',
      'client_dissatisfied',
      'escalation',
      'extension',
      'extension_staff',
      'forward_request',
      'hearing_invitation',
      'info_request',
      'not_admissible',
      'outcome',
      'reopened',
      'withdrawal',
    ]);
  });

  it('keeps a complaint about handler 3 open for the conflict-of-interest demo, and the database refuses her as its handler', async () => {
    const [handler3] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'behandelaar3@klachtloket.test'));
    const [adviser] = await db.select({ id: staff.id }).from(staff).where(eq(staff.userId, handler3!.id));
    const rows = await db.select().from(complaints).where(eq(complaints.concernsStaffId, adviser!.id));
    const demo = rows.filter((c) => (c.status === 'received' || c.status === 'acknowledged') && c.handlerId !== handler3!.id);
    expect(demo.length).toBeGreaterThanOrEqual(1);
    // Today's complaint, still waiting for a handler.
    expect(demo.some((c) => c.receivedOn === TODAY && c.handlerId === null)).toBe(true);
    await expect(db.update(complaints).set({ handlerId: handler3!.id }).where(eq(complaints.id, demo[0]!.id))).rejects.toThrow();
    const [after] = await db.select({ handlerId: complaints.handlerId }).from(complaints).where(eq(complaints.id, demo[0]!.id));
    expect(after?.handlerId).toBe(demo[0]!.handlerId);
  });

  it('records every workflow step under a known history action', () => {
    const known = new Set<string>(HISTORY_ACTIONS);
    for (const step of STEPS) expect(known.has(TRANSITIONS[step].history), step).toBe(true);
  });

  it('has a history the workflow allows, step by step', async () => {
    const rows = await db.select().from(complaints).orderBy(asc(complaints.id));
    const history = await db.select().from(complaintHistory).orderBy(asc(complaintHistory.id));
    const people = await db.select({ id: users.id, role: users.role }).from(users);
    const involved = await db
      .select({ complaintId: complaintInvolved.complaintId, involvement: complaintInvolved.involvement, userId: staff.userId })
      .from(complaintInvolved)
      .leftJoin(staff, eq(staff.id, complaintInvolved.staffId));
    const stepOf = new Map<string, Step>(STEPS.map((step) => [TRANSITIONS[step].history, step]));
    for (const c of rows) {
      const mine = involved.filter((i) => i.complaintId === c.id);
      const facts: WorkflowFacts = {
        status: 'received',
        handlerId: null,
        involvedUserIds: mine.flatMap((i) => (i.userId === null ? [] : [i.userId])),
        hasSubject: mine.some((i) => i.involvement === 'subject'),
        copySent: false,
        hearingState: null,
        outcome: null,
      };
      for (const entry of history.filter((h) => h.complaintId === c.id)) {
        const label = `${c.reference} ${entry.action}`;
        // Arrival, and the acknowledgement the outbox worker mailed, are not steps someone takes.
        if (entry.action === 'received' || entry.action === 'registered' || (entry.action === 'acknowledged' && entry.actorLabel === 'system')) {
          facts.status = entry.toStatus ?? facts.status;
          continue;
        }
        const step = stepOf.get(entry.action);
        expect(step, label).toBeDefined();
        // The client's own steps on the status page (judging the outcome) have the client as actor.
        const actor = entry.actorLabel === 'client' ? CLIENT_ACTOR : people.find((p) => p.id === entry.actorUserId);
        expect(actor, label).toBeDefined();
        expect(checkStep(step!, facts, actor!), label).toBeNull();
        expect(entry.fromStatus, label).toBe(facts.status);
        expect(entry.toStatus, label).toBe(nextStatus(step!, facts.status));
        facts.status = entry.toStatus as Status;
        const details = entry.details ?? {};
        if (step === 'assign') facts.handlerId = details.handlerId as number;
        if (step === 'sendCopy') facts.copySent = true;
        if (step === 'planHearing') facts.hearingState = 'planned';
        if (step === 'recordHearing') facts.hearingState = 'held';
        if (step === 'skipHearing') facts.hearingState = 'skipped';
        if (step === 'resolve') facts.outcome = details.outcome as WorkflowFacts['outcome'];
        if (step === 'reopen') facts.outcome = null;
      }
      expect(facts.status, c.reference).toBe(c.status);
      expect(facts.handlerId, c.reference).toBe(c.handlerId);
      expect(facts.copySent, c.reference).toBe(c.copySentOn !== null);
      expect(facts.hearingState, c.reference).toBe(c.hearingState);
      expect(facts.outcome, c.reference).toBe(c.outcome);
    }
  });

  it('keeps the procedure facts on the complaint in line with its history', async () => {
    const rows = await db.select().from(complaints).orderBy(asc(complaints.id));
    const history = await db.select().from(complaintHistory).orderBy(asc(complaintHistory.id));
    const closedWithOutcome: readonly Status[] = ['resolved', 'escalated', 'closed_by_party'];
    for (const c of rows) {
      const steps = history.filter((h) => h.complaintId === c.id);
      const of = (action: string) => steps.filter((h) => h.action === action);
      const label = c.reference;

      // Outcome: from the last resolved step, kept through escalation, cleared when a manager reopens the complaint;
      // a complaint resolved to satisfaction is not escalated.
      const resolved = of('resolved');
      const reopened = of('reopened');
      expect(resolved.length, label).toBe(reopened.length + (closedWithOutcome.includes(c.status) ? 1 : 0));
      const lastDecision = steps.filter((h) => h.action === 'resolved' || h.action === 'reopened').at(-1);
      expect(c.outcome ?? null, label).toBe(lastDecision?.action === 'resolved' ? (lastDecision.details?.outcome as string) : null);
      for (const step of reopened) {
        expect(step.reason, label).toBeTruthy();
        expect([step.fromStatus, step.toStatus], label).toEqual(['resolved', 'in_progress']);
      }
      if (c.status !== 'resolved' && c.outcome) expect(c.outcome, label).not.toBe('resolved_to_satisfaction');
      for (const step of resolved) {
        expect(Object.keys(step.details ?? {}).sort(), label).toEqual(['judgement', 'measureStates', 'measures', 'outcome']);
        expect(Array.isArray(step.details!.measures), label).toBe(true);
      }

      // Not admissible: the ground on the row and in the history.
      const notAdmissible = of('not_admissible');
      expect(c.notAdmissibleGround ?? null, label).toBe((notAdmissible[0]?.details?.ground as string | undefined) ?? null);
      expect(c.notAdmissibleGround !== null, label).toBe(c.status === 'not_admissible');

      // Extensions: counted, the last one's new date in force; the first without the client's consent (within the
      // terms' limit), a further one only with it (Awb 9:11 (3)), as the extend step records them.
      const extended = of('extended');
      expect(c.extensionCount, label).toBe(extended.length);
      expect(c.resolutionExtendedTo ?? null, label).toBe((extended.at(-1)?.details?.newDue as string | undefined) ?? null);
      extended.forEach((step, i) => {
        const d = step.details!;
        expect(Object.keys(d).sort(), label).toEqual(['consent', 'consentHow', 'consentOn', 'days', 'newDue', 'previousDue']);
        expect(d.previousDue, label).toBe(i === 0 ? addCalendarDays(c.receivedOn, c.terms.resolutionDays) : extended[i - 1]!.details!.newDue);
        expect(d.newDue as string > (d.previousDue as string), label).toBe(true);
        expect(d.days, label).toBe(calendarDaysBetween(d.previousDue as IsoDate, d.newDue as IsoDate));
        expect(amsterdamDate(step.at) <= (d.previousDue as string), label).toBe(true);
        expect(d.consent, label).toBe(i >= c.terms.extensionsWithoutConsent);
        if (d.consent) {
          expect(d.consentOn as string <= amsterdamDate(step.at), label).toBe(true);
          expect(d.consentHow, label).toBeTruthy();
        } else {
          expect([d.consentOn, d.consentHow], label).toEqual([null, null]);
          expect(d.days as number, label).toBeLessThanOrEqual(c.terms.maxExtensionDays);
        }
      });

      // The copy for the person complained about: its date on the row.
      const copies = of('copy_sent');
      expect(copies.length, label).toBeLessThanOrEqual(1);
      expect(c.copySentOn ?? null, label).toBe(copies[0] ? amsterdamDate(copies[0].at) : null);
      if (copies[0]) expect(copies[0].details?.sentOn, label).toBe(c.copySentOn);
      if (closedWithOutcome.includes(c.status) && c.concernsStaffId !== null) expect(c.copySentOn, label).not.toBeNull();

      // The hearing: decided before every outcome; held after being planned, with its date; skipped on a ground.
      const planned = of('hearing_planned');
      const held = of('hearing_held');
      const skipped = of('hearing_skipped');
      expect(planned.length + skipped.length, label).toBeLessThanOrEqual(1);
      if (closedWithOutcome.includes(c.status)) expect(['held', 'skipped'], label).toContain(c.hearingState);
      if (['received', 'acknowledged', 'not_admissible'].includes(c.status)) expect(c.hearingState, label).toBeNull();
      switch (c.hearingState) {
        case 'held':
          expect(held, label).toHaveLength(1);
          expect(Object.keys(held[0]!.details ?? {}).sort(), label).toEqual(['heldOn', 'participants', 'report']);
          expect(held[0]!.details!.heldOn, label).toBe(c.hearingOn);
          expect(planned[0]?.details?.on, label).toBe(c.hearingOn);
          expect(c.hearingOn! <= amsterdamDate(held[0]!.at), label).toBe(true);
          break;
        case 'skipped':
          expect(skipped, label).toHaveLength(1);
          expect(HEARING_SKIP_GROUNDS, label).toContain(skipped[0]!.details?.ground);
          if (skipped[0]!.details?.ground === 'clearly_unfounded') expect(c.outcome, label).toBe('not_upheld');
          expect(c.hearingOn, label).toBeNull();
          break;
        case 'planned':
          expect(OPEN_STATUSES, label).toContain(c.status);
          expect(held, label).toHaveLength(0);
          expect(Object.keys(planned[0]!.details ?? {}).sort(), label).toEqual(['medium', 'on', 'participants', 'place', 'time']);
          expect(planned[0]!.details!.on, label).toBe(c.hearingOn);
          expect(c.hearingOn! > TODAY, label).toBe(true);
          break;
        default:
          expect(planned.length + held.length + skipped.length, label).toBe(0);
          expect(c.hearingOn, label).toBeNull();
      }

      for (const step of of('escalated')) {
        expect(Object.keys(step.details ?? {}).sort(), label).toEqual(['contractingPartyId', 'contractingPartyName']);
        expect(step.details!.contractingPartyId, label).toBe(c.contractingPartyId);
      }
      for (const step of of('closed_by_party')) {
        expect(Object.keys(step.details ?? {}).sort(), label).toEqual(['receivedOn', 'response']);
        expect(step.details!.receivedOn as string <= amsterdamDate(step.at), label).toBe(true);
      }
      for (const step of notAdmissible) {
        expect(Object.keys(step.details ?? {}).sort(), label).toEqual(['ground', 'late']);
        expect(step.details!.late, label).toBe(amsterdamDate(step.at) > addCalendarDays(c.receivedOn, c.terms.notAdmissibleNoticeDays));
      }
    }
    // Something of each for the file pages.
    const states = new Set(rows.map((c) => c.hearingState));
    for (const state of ['planned', 'held', 'skipped'] as const) expect(states.has(state), state).toBe(true);
    expect(rows.some((c) => c.extensionCount > 0 && c.hearingState === 'held')).toBe(true); // e2e/file.spec.ts looks for one
    // A second extension, with the client's consent; a complaint reopened and resolved again, and one being handled again.
    expect(rows.some((c) => c.extensionCount === 2 && c.status === 'resolved')).toBe(true);
    const reopenedIds = new Set(history.filter((h) => h.action === 'reopened').map((h) => h.complaintId));
    expect(rows.some((c) => reopenedIds.has(c.id) && c.status === 'resolved')).toBe(true);
    expect(rows.some((c) => reopenedIds.has(c.id) && c.status === 'in_progress')).toBe(true);
  });

  it('keeps the information requests in line with the statuses', async () => {
    const rows = await db.select().from(complaints).orderBy(asc(complaints.id));
    const history = await db.select().from(complaintHistory).orderBy(asc(complaintHistory.id));
    const requests = await db.select().from(informationRequests).orderBy(asc(informationRequests.id));
    for (const c of rows) {
      const mine = requests.filter((r) => r.complaintId === c.id);
      const asked = history.filter((h) => h.complaintId === c.id && h.action === 'info_requested');
      const answers = history.filter((h) => h.complaintId === c.id && h.action === 'info_received');
      expect(mine.map((r) => r.askedAt.getTime()), c.reference).toEqual(asked.map((h) => h.at.getTime()));
      expect(mine.map((r) => r.question), c.reference).toEqual(asked.map((h) => h.details?.question));
      const open = mine.filter((r) => r.answeredOn === null);
      // Waiting for the client exactly when a question is open.
      expect(open.length, c.reference).toBe(c.status === 'info_requested' ? 1 : 0);
      const answered = mine.filter((r) => r.answeredOn !== null);
      expect(answered.map((r) => r.answer), c.reference).toEqual(answers.map((h) => h.details?.answer));
      for (const r of mine) {
        expect(r.askedBy, c.reference).toBe(c.handlerId);
        if (r.answerBy) expect(r.answerBy > amsterdamDate(r.askedAt), c.reference).toBe(true);
      }
      for (const r of answered) {
        expect(r.answer, c.reference).toBeTruthy();
        expect(['email', 'phone'], c.reference).toContain(r.answerVia);
        expect(r.answerRecordedBy, c.reference).toBe(c.handlerId);
        expect(r.answeredOn! >= amsterdamDate(r.askedAt), c.reference).toBe(true);
      }
      for (const r of open) expect([r.answer, r.answerVia, r.answerRecordedBy], c.reference).toEqual([null, null, null]);
    }
    expect(requests.some((r) => r.answerVia === 'email')).toBe(true);
    expect(requests.some((r) => r.answeredOn === null)).toBe(true);
  });

  it('links the measures of upheld complaints, some shared by several complaints', async () => {
    const rows = await db.select().from(complaints).orderBy(asc(complaints.id));
    const history = await db.select().from(complaintHistory).where(eq(complaintHistory.action, 'resolved'));
    const all = await db.select().from(measures).orderBy(asc(measures.id));
    const links = await db.select().from(complaintMeasures);
    for (const c of rows) {
      const linked = links.filter((l) => l.complaintId === c.id).map((l) => all.find((m) => m.id === l.measureId)!);
      const resolutions = history.filter((h) => h.complaintId === c.id);
      const described = resolutions.flatMap((h) => (h.details?.measures as string[] | undefined) ?? []);
      expect(linked.map((m) => m.description).sort(), c.reference).toEqual([...described].sort());
      if (linked.length > 0) expect(['upheld', 'partly_upheld'], c.reference).toContain(c.outcome);
      for (const l of links.filter((x) => x.complaintId === c.id)) {
        expect(resolutions.map((h) => h.at.getTime()), c.reference).toContain(l.linkedAt.getTime());
      }
    }
    expect(all.length).toBeGreaterThan(5);
    for (const m of all) {
      const mine = links.filter((l) => l.measureId === m.id);
      expect(mine.length, m.description).toBeGreaterThanOrEqual(1);
      expect(m.owner.trim(), m.description).not.toBe('');
      expect(m.reason?.trim(), m.description).toBeTruthy();
      expect(m.dueOn, m.description).not.toBeNull();
      expect(m.dueOn! > amsterdamDate(m.createdAt), m.description).toBe(true);
      expect(m.createdBy, m.description).not.toBeNull();
      // Recorded when the first complaint was resolved; a later complaint may be linked to it.
      expect(Math.min(...mine.map((l) => l.linkedAt.getTime())), m.description).toBe(m.createdAt.getTime());
      expect(m.updatedAt.getTime()).toBeGreaterThanOrEqual(m.createdAt.getTime());
      expect(m.updatedAt.getTime()).toBeLessThan(NOW.getTime());
      if (m.status === 'planned') expect(m.dueOn! >= TODAY, m.description).toBe(true);
      if (m.doneOn) expect(m.doneOn > amsterdamDate(m.createdAt) && m.doneOn < TODAY, m.description).toBe(true);
    }
    expect(all.filter((m) => links.filter((l) => l.measureId === m.id).length >= 2).length).toBeGreaterThanOrEqual(2);
    expect(new Set(all.map((m) => m.status))).toEqual(new Set(['planned', 'in_progress', 'done', 'dropped']));
    // Organisation-wide measures have the category of complaints they should reduce; one about a single adviser none.
    expect(all.filter((m) => m.categoryId !== null).length).toBeGreaterThanOrEqual(5);
    // One overdue (planned or in progress, its due date passed), one dropped with its reason.
    const overdue = all.filter((m) => (m.status === 'planned' || m.status === 'in_progress') && m.dueOn! < TODAY);
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    const dropped = all.filter((m) => m.status === 'dropped');
    expect(dropped.length).toBeGreaterThanOrEqual(1);
    for (const m of dropped) expect(m.droppedReason?.trim(), m.description).toBeTruthy();
  });

  it('keeps a history of every measure that ends in its current state', async () => {
    const all = await db.select().from(measures).orderBy(asc(measures.id));
    const links = await db.select().from(complaintMeasures);
    const rows = await db.select({ id: complaints.id, reference: complaints.reference, handlerId: complaints.handlerId }).from(complaints);
    const history = await db.select().from(measureHistory).orderBy(asc(measureHistory.id));
    const people = await db.select({ id: users.id, role: users.role }).from(users);
    for (const m of all) {
      const label = m.description;
      const entries = history.filter((h) => h.measureId === m.id);
      // Created first, at the moment the measure was recorded, by whoever recorded it; in time order; never after now.
      expect(entries[0], label).toMatchObject({ action: 'created', actorUserId: m.createdBy, at: m.createdAt });
      expect(entries[0]!.details, label).toMatchObject({ description: { to: m.description }, owner: { to: m.owner }, dueOn: { to: m.dueOn }, status: { to: 'planned' } });
      for (let i = 1; i < entries.length; i++) expect(entries[i]!.at.getTime(), label).toBeGreaterThanOrEqual(entries[i - 1]!.at.getTime());
      for (const e of entries) {
        expect(['created', 'updated', 'status_changed', 'linked'], label).toContain(e.action);
        expect(e.at.getTime(), label).toBeLessThan(NOW.getTime());
        expect(people.find((p) => p.id === e.actorUserId), label).toBeDefined();
      }
      // Every link to a complaint, as it was made.
      const linked = entries.filter((e) => e.action === 'linked');
      const mine = links.filter((l) => l.measureId === m.id).sort((a, b) => a.linkedAt.getTime() - b.linkedAt.getTime());
      expect(linked.map((e) => [e.at.getTime(), e.details]), label).toEqual(
        mine.map((l) => [l.linkedAt.getTime(), { complaintId: l.complaintId, reference: rows.find((c) => c.id === l.complaintId)!.reference }]),
      );
      // The handler of each linked complaint made its link.
      for (const e of linked) expect(e.actorUserId, label).toBe(rows.find((c) => c.id === e.details!.complaintId)!.handlerId);
      // Status changes follow the register's steps (planned → in progress → done or dropped), by a manager, and end
      // in the status the measure has now; done with its date, dropped with its reason.
      let status = 'planned';
      for (const e of entries.filter((x) => x.action === 'status_changed')) {
        const change = e.details!.status as { from: string; to: string };
        expect(change.from, label).toBe(status);
        expect(({ planned: ['in_progress', 'done', 'dropped'], in_progress: ['done', 'dropped'] } as Record<string, string[]>)[status], label).toContain(change.to);
        expect(people.find((p) => p.id === e.actorUserId)?.role, label).toBe('manager');
        if (change.to === 'done') {
          expect(e.details!.doneOn, label).toEqual({ from: null, to: m.doneOn });
          expect(amsterdamDate(e.at), label).toBe(m.doneOn);
        }
        if (change.to === 'dropped') {
          expect(e.reason, label).toBe(m.droppedReason);
          expect(e.details!.droppedReason, label).toEqual({ from: null, to: m.droppedReason });
        }
        status = change.to;
      }
      expect(status, label).toBe(m.status);
      // Version 1 when recorded with its first link (the resolve step); every later link or change raised it.
      expect(entries[1], label).toMatchObject({ action: 'linked', at: m.createdAt });
      expect(m.version, label).toBe(entries.length - 1);
      expect(m.updatedAt.getTime(), label).toBe(entries.at(-1)!.at.getTime());
    }
    await expect(db.update(measureHistory).set({ reason: 'x' }).where(eq(measureHistory.measureId, all[0]!.id))).rejects.toThrow();
  });

  it('tells the management story: fewer complaints about communication after the measure was done', async () => {
    const rows = await db.select({ receivedOn: complaints.receivedOn, categoryId: complaints.categoryId }).from(complaints);
    const all = await db.select().from(measures);
    const [communication] = await db.select({ id: categories.id }).from(categories).where(eq(categories.code, 'communication'));
    // A measure about communication, done 7 to 9 months ago: the 6 months after it have passed.
    const story = all.filter(
      (m) => m.status === 'done' && m.categoryId === communication!.id && m.doneOn! >= addCalendarMonths(TODAY, -9) && m.doneOn! <= addCalendarMonths(TODAY, -7),
    );
    expect(story.map((m) => m.description)).toHaveLength(1);
    const doneOn = story[0]!.doneOn as IsoDate;
    // As the dashboard counts them (lib/reports/types.ts MeasureEffect): received in [done − 6 months, done) and in
    // (done, done + 6 months].
    const before = (r: { receivedOn: string }) => r.receivedOn >= addCalendarMonths(doneOn, -6) && r.receivedOn < doneOn;
    const after = (r: { receivedOn: string }) => r.receivedOn > doneOn && r.receivedOn <= addCalendarMonths(doneOn, 6);
    const ofCategory = rows.filter((r) => r.categoryId === communication!.id);
    const [b, a] = [ofCategory.filter(before).length, ofCategory.filter(after).length];
    expect(b, `${b} before, ${a} after`).toBeGreaterThanOrEqual(2 * a);
    expect(b - a, `${b} before, ${a} after`).toBeGreaterThanOrEqual(8);
    expect(a, 'not to nothing: a comparison, not a miracle').toBeGreaterThan(0);
    // Not because fewer complaints came in at all: the other categories hold up.
    const others = rows.filter((r) => r.categoryId !== communication!.id);
    expect(others.filter(after).length).toBeGreaterThanOrEqual(0.8 * others.filter(before).length);
    // The measure answers more than one complaint from before it was done.
    const links = await db.select().from(complaintMeasures).where(eq(complaintMeasures.measureId, story[0]!.id));
    expect(links.length).toBeGreaterThanOrEqual(2);
  });

  it('tells the management story: late acknowledgements, late outcomes, escalations with the party\'s response', async () => {
    const rows = await db.select().from(complaints);
    const history = await db.select().from(complaintHistory).orderBy(asc(complaintHistory.id));
    // Acknowledged after receipt + 14 days: phone, e-mail and post complaints a handler acknowledged late.
    const lateAcks = history.filter((h) => {
      if (h.action !== 'acknowledged') return false;
      const c = rows.find((r) => r.id === h.complaintId)!;
      return amsterdamDate(h.at) > addCalendarDays(c.receivedOn, c.terms.acknowledgementDays);
    });
    expect(lateAcks.length).toBeGreaterThanOrEqual(3);
    for (const h of lateAcks) {
      const c = rows.find((r) => r.id === h.complaintId)!;
      expect(c.channel, c.reference).not.toBe('online');
      expect(h.actorUserId, c.reference).toBe(c.handlerId);
      expect(h.details, c.reference).toMatchObject({ late: true });
    }
    for (const h of history.filter((x) => x.action === 'acknowledged' && x.actorUserId !== null && !lateAcks.includes(x))) {
      expect(h.details?.late, String(h.complaintId)).toBe(false);
    }
    // Resolved after the due date in force (receipt + 42 days, or the extended date).
    const lateOutcomes = rows.filter((c) => {
      const resolved = history.filter((h) => h.complaintId === c.id && h.action === 'resolved')[0];
      const due = c.resolutionExtendedTo ?? addCalendarDays(c.receivedOn, c.terms.resolutionDays);
      return resolved && c.extensionCount === 0 && amsterdamDate(resolved.at) > due;
    });
    expect(lateOutcomes.length).toBeGreaterThanOrEqual(2);
    // A few escalations, some with the contracting party's response recorded.
    const escalated = rows.filter((c) => c.status === 'escalated' || c.status === 'closed_by_party');
    expect(escalated.length).toBeGreaterThanOrEqual(4);
    expect(escalated.length).toBeLessThanOrEqual(rows.length * 0.15);
    expect(rows.filter((c) => c.status === 'closed_by_party').length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((c) => c.status === 'withdrawn').length).toBeGreaterThanOrEqual(2);
  });

  it('has in its outbox exactly the letters the steps wrote, and sends none of them', async () => {
    const history = await db.select().from(complaintHistory).orderBy(asc(complaintHistory.id));
    const messages = await db.select().from(outbox).orderBy(asc(outbox.id));
    // Which step writes which letter (lib/complaints/submit.ts and steps/*), as the history records the step.
    const writtenBy: Record<string, string> = {
      acknowledgement: 'acknowledged',
      info_request: 'info_requested',
      hearing_invitation: 'hearing_planned',
      extension: 'extended',
      extension_staff: 'extended',
      outcome: 'resolved',
      reopened: 'reopened',
      not_admissible: 'not_admissible',
      withdrawal: 'withdrawn',
      escalation: 'escalated',
      // The client's judgement on the status page: the handler is told (or the managers when there is none).
      client_dissatisfied: 'satisfaction_given',
      forward_request: 'forward_requested',
    };
    expect(messages.length).toBeGreaterThan(300);
    for (const m of messages) {
      const label = `${m.id} ${m.kind}`;
      // Written in the transaction of its step: same complaint, same moment, the step that writes this kind of letter.
      const step = history.find((h) => h.complaintId === m.complaintId && h.at.getTime() === m.createdAt.getTime() && h.action === writtenBy[m.kind]);
      expect(step, label).toBeDefined();
      // The structured letter the letter functions made, and the text is made from it (lib/mail/letter.ts).
      expect(isLetterDoc(m.letter), label).toBe(true);
      expect(letterText(m.letter as LetterDoc), label).toBe(m.bodyText);
      // Nothing left to send: the demo never mails anyone (delivered, or the one bounce).
      expect(['sent', 'failed'], label).toContain(m.status);
      if (m.status === 'sent') expect(m.sentAt!.getTime(), label).toBeGreaterThanOrEqual(m.createdAt.getTime());
    }
    // Every step that writes a letter wrote one: as many letters of each kind as steps that write it (the staff letters
    // of an extension come with the client's).
    for (const [kind, action] of Object.entries(writtenBy)) {
      // Letters to staff may go to several people (all managers when there is no handler; only when not satisfied).
      if (kind === 'extension_staff' || kind === 'client_dissatisfied' || kind === 'forward_request') continue;
      const steps = history.filter((h) => h.action === action);
      expect(messages.filter((m) => m.kind === kind).length, kind).toBe(steps.length);
    }
    expect(messages.filter((m) => m.status === 'failed')).toHaveLength(1);
  });

  it('gives the management dashboard figures to show, this year and last', async () => {
    for (const period of [
      { from: addCalendarMonths(TODAY, -12), to: TODAY },
      { from: `${Number(TODAY.slice(0, 4)) - 1}-01-01`, to: `${Number(TODAY.slice(0, 4)) - 1}-12-31` },
    ]) {
      const report = await loadReport(db, period, TODAY);
      const label = `${period.from}..${period.to}`;
      expect(report.volume.received, label).toBeGreaterThan(50);
      expect(report.volume.buckets.filter((b) => b.total > 0).length, label).toBeGreaterThanOrEqual(10);
      expect(report.volume.closedInPeriod, label).toBeGreaterThan(30);
      expect(report.nature.byCategory.every((c) => c.count > 0), label).toBe(true);
      expect(report.nature.byTeam.length, label).toBeGreaterThanOrEqual(3);
      expect(report.nature.topParties.length, label).toBeGreaterThanOrEqual(3);
      for (const key of ['upheld', 'partly_upheld', 'not_upheld', 'resolved_to_satisfaction'] as const) expect(report.outcomes.byOutcome[key], `${label} ${key}`).toBeGreaterThan(0);
      expect(report.outcomes.escalated, label).toBeGreaterThan(0);
      // Clients judged outcomes on their status page, satisfied and not, and some asked to forward.
      expect(report.satisfaction.answered, label).toBeGreaterThan(5);
      expect(report.satisfaction.satisfied, label).toBeGreaterThan(0);
      expect(report.satisfaction.satisfied, label).toBeLessThan(report.satisfaction.answered);
      expect(report.satisfaction.forwardRequested, label).toBeGreaterThan(0);
      expect(report.timeliness.acknowledgement.judged, label).toBeGreaterThan(30);
      expect(report.timeliness.acknowledgement.late, label).toBeGreaterThan(0);
      expect(report.timeliness.resolution.late, label).toBeGreaterThan(0);
      expect(report.timeliness.extensions.extended, label).toBeGreaterThan(0);
      expect(report.timeliness.daysToOutcome.median, label).not.toBeNull();
    }
    const now = await loadReport(db, { from: addCalendarMonths(TODAY, -3), to: TODAY }, TODAY);
    expect(now.volume.openNow).toBeGreaterThan(10);
    expect(now.timeliness.overdueNow.acknowledgement + now.timeliness.overdueNow.resolution).toBeGreaterThan(0);
    expect(Object.values(now.measures.byStatus).every((n) => n > 0)).toBe(true);
    expect(now.measures.overdue).toBeGreaterThan(0);
    expect(now.measures.effect.length).toBeGreaterThan(0);
  });

  it('keeps the history append-only', async () => {
    await expect(db.update(complaintHistory).set({ reason: 'x' }).where(and(eq(complaintHistory.id, 1)))).rejects.toThrow();
  });
});
