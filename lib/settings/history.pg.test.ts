import { randomUUID } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { outbox, settingsHistory, users } from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import { settingsHistoryPage } from '@/db/settings-history';
import { runAs } from '@/lib/auth/actor';
import { DEFAULT_ORGANISATION } from '@/lib/organisation';
import { PRESETS } from '@/lib/procedure/terms';
import * as lists from './lists';
import { saveOrganisationSettings } from './organisation';
import { saveProcedureTerms } from './terms';
import * as accounts from './users';
import { migratedThrowawayDatabase } from '@/db/testing';

/**
 * The settings history against a real PostgreSQL (issue 12, review item 9): every kind of settings change writes
 * exactly one history row with who, when and the changed fields before and after (never a password hash, a one-time
 * password or an invitation link); the database refuses to edit or remove a row; a role that reads complaints, given
 * to a new user or by a role change, is mailed to every active admin.
 */

let db: Db;
let close: (() => Promise<void>) | undefined;
let admin = 0;
let handler = 0;

beforeAll(async () => {
  process.env.DEMO_PASSWORD = 'demo-wachtwoord-voor-tests';
  ({ db, close } = await migratedThrowawayDatabase());
  await seedDemoData(db);
  const rows = await db.select({ id: users.id, email: users.email }).from(users);
  admin = rows.find((r) => r.email === 'admin@klachtloket.test')!.id;
  handler = rows.find((r) => r.email === 'behandelaar1@klachtloket.test')!.id;
}, 120_000);

afterAll(async () => {
  await close?.();
});

const asAdmin = <T>(fn: () => Promise<T>) => runAs(admin, fn);

async function maxId(): Promise<number> {
  const [row] = await db.select({ id: sql<number>`coalesce(max(${settingsHistory.id}), 0)::int` }).from(settingsHistory);
  return row!.id;
}

/** Runs one settings action as the admin and answers the history rows it wrote (there must be exactly one). */
async function onlyEntry(run: () => Promise<{ ok: boolean }>) {
  const before = await maxId();
  const result = await asAdmin(run);
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  const rows = await db.select().from(settingsHistory).where(sql`${settingsHistory.id} > ${before}`);
  expect(rows).toHaveLength(1);
  const [row] = rows;
  expect(row!.actorUserId).toBe(admin);
  expect(Date.now() - row!.at.getTime()).toBeLessThan(60_000);
  return row!;
}

const email = () => `hist-${randomUUID().slice(0, 8)}@example.test`;

describe('every kind of settings change writes one history row with the changed fields before and after', () => {
  it('users: create, details, role, deactivate/reactivate, reset, delete — never a password or link', async () => {
    const address = email();
    const created = await onlyEntry(() => accounts.createUser({ name: 'Hist Eén', email: address, role: 'admin', method: 'password' }));
    expect(created).toMatchObject({ kind: 'user', action: 'create', subjectLabel: 'Hist Eén' });
    expect(created.changes).toEqual({
      name: { from: null, to: 'Hist Eén' },
      email: { from: null, to: address },
      role: { from: null, to: 'admin' },
      active: { from: null, to: true },
      method: { from: null, to: 'password' },
    });
    const userId = created.subjectId!;

    const details = await onlyEntry(() => accounts.updateUserDetails({ userId, name: 'Hist Twee', email: address }));
    expect(details).toMatchObject({ action: 'details', subjectId: userId, changes: { name: { from: 'Hist Eén', to: 'Hist Twee' } } });

    const role = await onlyEntry(() => accounts.changeUserRole({ userId, role: 'handler' }));
    expect(role).toMatchObject({ action: 'role', subjectId: userId, changes: { role: { from: 'admin', to: 'handler' } } });

    const off = await onlyEntry(() => accounts.setUserActive({ userId, active: false }));
    expect(off).toMatchObject({ action: 'deactivate', changes: { active: { from: true, to: false } } });
    const on = await onlyEntry(() => accounts.setUserActive({ userId, active: true }));
    expect(on).toMatchObject({ action: 'reactivate', changes: { active: { from: false, to: true } } });

    const reset = await onlyEntry(() => accounts.resetUserPassword({ userId, method: 'invite' }));
    expect(reset).toMatchObject({ action: 'reset', changes: { method: { from: null, to: 'invite' } } });

    const removed = await onlyEntry(() => accounts.deleteUser({ userId }));
    expect(removed).toMatchObject({ action: 'delete', subjectId: userId, changes: { name: { from: 'Hist Twee', to: null }, role: { from: 'handler', to: null } } });

    // Nothing secret anywhere in the user's history.
    const all = await db.select().from(settingsHistory).where(eq(settingsHistory.subjectId, userId));
    expect(JSON.stringify(all)).not.toMatch(/argon2|uitnodiging\//i);
    for (const row of all) expect(Object.keys(row.changes).filter((key) => /password|hash|token/i.test(key))).toEqual([]);
  });

  it('a change that changes nothing writes no row', async () => {
    const before = await maxId();
    expect(await asAdmin(() => accounts.changeUserRole({ userId: handler, role: 'handler' }))).toMatchObject({ ok: true, data: { changed: false } });
    expect(await maxId()).toBe(before);
  });

  it('categories: create, rename, move, deactivate', async () => {
    const created = await onlyEntry(() => lists.createCategory({ nameNl: 'Hist categorie', nameEn: 'Hist category' }));
    expect(created).toMatchObject({ kind: 'category', action: 'create', changes: { nameNl: { from: null, to: 'Hist categorie' }, active: { from: null, to: true } } });
    const id = created.subjectId!;
    const renamed = await onlyEntry(() => lists.renameCategory({ id, nameNl: 'Hist onderwerp', nameEn: 'Hist category' }));
    expect(renamed.changes).toEqual({ nameNl: { from: 'Hist categorie', to: 'Hist onderwerp' } });
    const moved = await onlyEntry(() => lists.moveCategory({ id, direction: 'up' }));
    expect(moved.action).toBe('move');
    const { from, to } = moved.changes.position as { from: number; to: number };
    expect(to).toBe(from - 1);
    const off = await onlyEntry(() => lists.setCategoryActive({ id, active: false }));
    expect(off).toMatchObject({ action: 'deactivate', subjectLabel: 'Hist onderwerp', changes: { active: { from: true, to: false } } });
  });

  it('staff: create, update, deactivate', async () => {
    const created = await onlyEntry(() => lists.saveStaff({ name: 'Hist Adviseur', team: 'Noord', userId: '' }));
    expect(created).toMatchObject({ kind: 'staff', action: 'create', changes: { name: { from: null, to: 'Hist Adviseur' }, team: { from: null, to: 'Noord' } } });
    const id = created.subjectId!;
    const updated = await onlyEntry(() => lists.saveStaff({ id, name: 'Hist Adviseur', team: 'Zuid', userId: String(handler) }));
    expect(updated.changes).toEqual({ team: { from: 'Noord', to: 'Zuid' }, userId: { from: null, to: handler } });
    const off = await onlyEntry(() => lists.setStaffActive({ id, active: false }));
    expect(off).toMatchObject({ action: 'deactivate', changes: { active: { from: true, to: false } } });
  });

  it('contracting parties: create, update, deactivate', async () => {
    const created = await onlyEntry(() => lists.saveParty({ type: 'municipality', name: 'Gemeente Hist', contactEmail: '' }));
    expect(created).toMatchObject({ kind: 'party', action: 'create', changes: { type: { from: null, to: 'municipality' } } });
    const id = created.subjectId!;
    const updated = await onlyEntry(() => lists.saveParty({ id, type: 'municipality', name: 'Gemeente Hist', contactEmail: 'klachten@hist.example' }));
    expect(updated.changes).toEqual({ contactEmail: { from: null, to: 'klachten@hist.example' } });
    const off = await onlyEntry(() => lists.setPartyActive({ id, active: false }));
    expect(off).toMatchObject({ kind: 'party', action: 'deactivate' });
  });

  it('organisation details: only the changed fields', async () => {
    const first = await onlyEntry(() => saveOrganisationSettings({ ...DEFAULT_ORGANISATION, website: DEFAULT_ORGANISATION.website ?? '', name: 'Hist BV' }));
    expect(first).toMatchObject({ kind: 'organisation', action: 'update' });
    expect(first.changes.name).toEqual({ from: expect.any(String), to: 'Hist BV' });
    const second = await onlyEntry(() => saveOrganisationSettings({ ...DEFAULT_ORGANISATION, website: DEFAULT_ORGANISATION.website ?? '', name: 'Hist BV', phone: '030 123 45 67' }));
    expect(second.changes).toEqual({ phone: { from: DEFAULT_ORGANISATION.phone, to: '030 123 45 67' } });
  });

  it('procedure terms: the preset and the changed terms', async () => {
    const row = await onlyEntry(() => saveProcedureTerms({ preset: 'awb', ...PRESETS.awb, resolutionDays: 77 }));
    expect(row).toMatchObject({ kind: 'terms', action: 'update' });
    expect(row.changes.resolutionDays).toEqual({ from: expect.any(Number), to: 77 });
  });

  it('the page query: newest first, by kind, paged', async () => {
    const page = await settingsHistoryPage(db, { kind: null, page: 1, pageSize: 3 });
    expect(page.rows).toHaveLength(3);
    expect(page.total).toBeGreaterThan(10);
    expect(page.rows[0]!.at.getTime()).toBeGreaterThanOrEqual(page.rows[2]!.at.getTime());
    expect(page.rows[0]!.actorName).toBeTruthy();
    const parties = await settingsHistoryPage(db, { kind: 'party', page: 1, pageSize: 50 });
    expect(parties.rows.every((r) => r.kind === 'party')).toBe(true);
    expect(parties.total).toBe(3);
  });
});

describe('the history is append-only in the database', () => {
  it('refuses update, delete and truncate, whoever asks', async () => {
    const [row] = await db.select({ id: settingsHistory.id }).from(settingsHistory).orderBy(desc(settingsHistory.id)).limit(1);
    await expect(db.update(settingsHistory).set({ action: 'forged' }).where(eq(settingsHistory.id, row!.id))).rejects.toThrow();
    await expect(db.delete(settingsHistory).where(eq(settingsHistory.id, row!.id))).rejects.toThrow();
    await expect(db.execute(sql`truncate settings_history`)).rejects.toThrow();
    const [still] = await db.select().from(settingsHistory).where(eq(settingsHistory.id, row!.id));
    expect(still!.action).not.toBe('forged');
  });
});

describe('a role that reads complaints is mailed to every active admin', () => {
  async function roleMailsSince(id: number) {
    return db.select().from(outbox).where(sql`${outbox.id} > ${id} and ${outbox.kind} = 'role-granted'`);
  }
  async function lastOutboxId() {
    const [row] = await db.select({ id: sql<number>`coalesce(max(${outbox.id}), 0)::int` }).from(outbox);
    return row!.id;
  }
  async function adminEmails() {
    const rows = await db.select({ email: users.email }).from(users).where(sql`${users.role} = 'admin' and ${users.active}`);
    return rows.map((r) => r.email).sort();
  }

  it('a new manager account: every active admin gets a Dutch letter', async () => {
    const since = await lastOutboxId();
    const address = email();
    expect(await asAdmin(() => accounts.createUser({ name: 'Nieuwe Manager', email: address, role: 'manager', method: 'password' }))).toMatchObject({ ok: true });
    const mails = await roleMailsSince(since);
    expect(mails.map((m) => m.recipient).sort()).toEqual(await adminEmails());
    expect(mails[0]!.subject).toBe('Nieuwe Manager kan nu klachten inzien (kwaliteitsmanager)');
    expect(mails[0]!.bodyText).toContain(`een account gemaakt voor Nieuwe Manager (${address}) met de rol kwaliteitsmanager`);
    expect(mails[0]!.bodyText).toContain('/beheer/instellingen/geschiedenis');
    expect(mails[0]!.letter).toBeTruthy();
    expect(mails[0]!.bodyText).not.toMatch(/wachtwoord:/i);
  });

  it('a role change from admin to handler is mailed; a new admin account is not', async () => {
    let since = await lastOutboxId();
    const created = await asAdmin(() => accounts.createUser({ name: 'Later Behandelaar', email: email(), role: 'admin', method: 'password' }));
    expect(created.ok).toBe(true);
    expect(await roleMailsSince(since)).toHaveLength(0);
    since = await lastOutboxId();
    const userId = (created as { data: { userId: number } }).data.userId;
    expect(await asAdmin(() => accounts.changeUserRole({ userId, role: 'handler' }))).toMatchObject({ ok: true });
    const mails = await roleMailsSince(since);
    expect(mails.length).toBe((await adminEmails()).length);
    expect(mails[0]!.bodyText).toContain('gewijzigd van beheerder in klachtbehandelaar');
  });
});
