import { verifyPassword } from '@/lib/auth/passwords';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { addCalendarDays, addCalendarMonths, amsterdamDate } from '@/lib/procedure/dates';
import { HISTORY_ACTIONS } from '@/lib/complaints/history-actions';
import { HEARING_SKIP_GROUNDS, OPEN_STATUSES, type Status } from '@/lib/procedure/vocabulary';
import { checkStep, nextStatus, STEPS, type Step, TRANSITIONS, type WorkflowFacts } from '@/lib/procedure/workflow';
import type { Db } from './client';
import {
  categories,
  complaintHistory,
  complaintInvolved,
  complaintMeasures,
  complaints,
  contractingParties,
  informationRequests,
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
    expect(first.complaints).toBeGreaterThanOrEqual(55);
    expect(first.complaints).toBeLessThanOrEqual(65);
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

  it('spreads complaints over the past 14 months with statuses that fit their age', async () => {
    const rows = await db.select().from(complaints).orderBy(asc(complaints.id));
    const earliest = addCalendarMonths(TODAY, -14);
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
    // Not admissible only for conduct more than a year before receipt.
    for (const c of rows.filter((r) => r.status === 'not_admissible')) {
      expect(c.incidentDate! < addCalendarMonths(c.receivedOn, -12), c.reference).toBe(true);
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
    const [named] = await db.select({ n: count() }).from(complaints).where(sql`${complaints.concernsStaffId} is not null`);
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
      const outcomes = mine.filter((m) => m.kind === 'outcome');
      expect(outcomes).toHaveLength(['resolved', 'escalated', 'closed_by_party'].includes(c.status) ? 1 : 0);
      expect(mine.filter((m) => m.kind === 'not_admissible')).toHaveLength(c.status === 'not_admissible' ? 1 : 0);
      expect(mine.filter((m) => m.kind === 'escalation')).toHaveLength(['escalated', 'closed_by_party'].includes(c.status) ? 1 : 0);
      for (const m of mine) if (m.status === 'sent') expect(m.sentAt!.getTime()).toBeLessThan(NOW.getTime());
    }
    const kinds = new Set(messages.map((m) => m.kind));
    expect([...kinds].sort()).toEqual(['acknowledgement', 'escalation', 'extension', 'info_request', 'not_admissible', 'outcome', 'withdrawal']);
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
        const actor = people.find((p) => p.id === entry.actorUserId);
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

      // Outcome: from the resolved step, kept through escalation; a complaint resolved to satisfaction is not escalated.
      const resolved = of('resolved');
      expect(resolved.length, label).toBe(closedWithOutcome.includes(c.status) ? 1 : 0);
      expect(c.outcome ?? null, label).toBe((resolved[0]?.details?.outcome as string | undefined) ?? null);
      if (c.status !== 'resolved' && c.outcome) expect(c.outcome, label).not.toBe('resolved_to_satisfaction');
      for (const step of resolved) {
        expect(Object.keys(step.details ?? {}).sort(), label).toEqual(['judgement', 'measures', 'outcome']);
        expect(Array.isArray(step.details!.measures), label).toBe(true);
      }

      // Not admissible: the ground on the row and in the history.
      const notAdmissible = of('not_admissible');
      expect(c.notAdmissibleGround ?? null, label).toBe((notAdmissible[0]?.details?.ground as string | undefined) ?? null);
      expect(c.notAdmissibleGround !== null, label).toBe(c.status === 'not_admissible');

      // Extensions: counted, the last one's new date in force, without the client's consent.
      const extended = of('extended');
      expect(c.extensionCount, label).toBe(extended.length);
      expect(c.resolutionExtendedTo ?? null, label).toBe((extended.at(-1)?.details?.newDue as string | undefined) ?? null);
      for (const step of extended) {
        expect(Object.keys(step.details ?? {}).sort(), label).toEqual(['consent', 'newDue', 'previousDue']);
        expect(step.details!.consent, label).toBe(false);
      }

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
          expect(Object.keys(planned[0]!.details ?? {}).sort(), label).toEqual(['on', 'participants']);
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
      for (const step of notAdmissible) expect(Object.keys(step.details ?? {}), label).toEqual(['ground']);
    }
    // Something of each for the file pages.
    const states = new Set(rows.map((c) => c.hearingState));
    for (const state of ['planned', 'held', 'skipped'] as const) expect(states.has(state), state).toBe(true);
    expect(rows.some((c) => c.extensionCount > 0 && c.hearingState === 'held')).toBe(true); // e2e/file.spec.ts looks for one
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

  it('links the measures of upheld complaints, some shared by two complaints', async () => {
    const rows = await db.select().from(complaints).orderBy(asc(complaints.id));
    const history = await db.select().from(complaintHistory).where(eq(complaintHistory.action, 'resolved'));
    const all = await db.select().from(measures).orderBy(asc(measures.id));
    const links = await db.select().from(complaintMeasures);
    for (const c of rows) {
      const linked = links.filter((l) => l.complaintId === c.id).map((l) => all.find((m) => m.id === l.measureId)!);
      const resolved = history.find((h) => h.complaintId === c.id);
      const described = (resolved?.details?.measures as string[] | undefined) ?? [];
      expect(linked.map((m) => m.description).sort(), c.reference).toEqual([...described].sort());
      if (linked.length > 0) expect(['upheld', 'partly_upheld'], c.reference).toContain(c.outcome);
      for (const l of links.filter((x) => x.complaintId === c.id)) expect(l.linkedAt.getTime(), c.reference).toBe(resolved!.at.getTime());
    }
    expect(all.length).toBeGreaterThan(5);
    for (const m of all) {
      const mine = links.filter((l) => l.measureId === m.id);
      expect(mine.length, m.description).toBeGreaterThanOrEqual(1);
      expect(m.owner.trim(), m.description).not.toBe('');
      expect(m.dueOn, m.description).not.toBeNull();
      expect(m.createdBy, m.description).not.toBeNull();
      // Recorded when the first complaint was resolved; a later complaint may be linked to it.
      expect(Math.min(...mine.map((l) => l.linkedAt.getTime())), m.description).toBe(m.createdAt.getTime());
      expect(m.updatedAt.getTime()).toBeGreaterThanOrEqual(m.createdAt.getTime());
      expect(m.updatedAt.getTime()).toBeLessThan(NOW.getTime());
      if (m.status === 'planned') expect(m.dueOn! >= TODAY, m.description).toBe(true);
    }
    expect(all.filter((m) => links.filter((l) => l.measureId === m.id).length === 2).length).toBeGreaterThanOrEqual(2);
    expect(new Set(all.map((m) => m.status))).toEqual(new Set(['planned', 'in_progress', 'done']));
  });

  it('keeps the history append-only', async () => {
    await expect(db.update(complaintHistory).set({ reason: 'x' }).where(and(eq(complaintHistory.id, 1)))).rejects.toThrow();
  });
});
