import { verifyPassword } from '@/lib/auth/passwords';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { addCalendarDays, addCalendarMonths, amsterdamDate } from '@/lib/procedure/dates';
import { HISTORY_ACTIONS } from '@/lib/complaints/history-actions';
import { OPEN_STATUSES } from '@/lib/procedure/vocabulary';
import type { Db } from './client';
import {
  categories,
  complaintHistory,
  complaintInvolved,
  complaints,
  contractingParties,
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
  const tables = { categories, users, staff, contractingParties, procedureSettings, complaints, complaintHistory, complaintInvolved, outbox };
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
        if (['not_admissible', 'extended', 'withdrawn'].includes(step.action)) expect(step.reason, step.action).toBeTruthy();
      }
      expect(status, c.reference).toBe(c.status);
      expect(steps[0]!.at.getTime()).toBe(c.createdAt.getTime());
      expect(steps.at(-1)!.at.getTime()).toBe(c.updatedAt.getTime());

      const mine = messages.filter((m) => m.complaintId === c.id);
      const acks = mine.filter((m) => m.kind === 'acknowledgement');
      expect(acks, c.reference).toHaveLength(1);
      const ack = acks[0]!;
      expect(ack.medium).toBe(c.complainantEmail ? 'email' : 'post');
      expect(ack.recipient).toContain(c.complainantEmail ?? c.addressPostcode!);
      expect(ack.bodyText).toContain(c.reference);
      if (c.status === 'received') expect(ack.status).not.toBe('sent');
      else expect(ack.status).toBe('sent');
      const outcomes = mine.filter((m) => m.kind === 'outcome');
      expect(outcomes).toHaveLength(['resolved', 'escalated', 'closed_by_party'].includes(c.status) ? 1 : 0);
      expect(mine.filter((m) => m.kind === 'not_admissible')).toHaveLength(c.status === 'not_admissible' ? 1 : 0);
      expect(mine.filter((m) => m.kind === 'escalation')).toHaveLength(['escalated', 'closed_by_party'].includes(c.status) ? 1 : 0);
      for (const m of mine) if (m.status === 'sent') expect(m.sentAt!.getTime()).toBeLessThan(NOW.getTime());
    }
    const kinds = new Set(messages.map((m) => m.kind));
    expect([...kinds].sort()).toEqual(['acknowledgement', 'escalation', 'extension', 'info_request', 'not_admissible', 'outcome', 'withdrawal']);
  });

  it('keeps the history append-only', async () => {
    await expect(db.update(complaintHistory).set({ reason: 'x' }).where(and(eq(complaintHistory.id, 1)))).rejects.toThrow();
  });
});
