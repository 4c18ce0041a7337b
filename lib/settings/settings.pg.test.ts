import { randomUUID } from 'node:crypto';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import {
  categories,
  complaints,
  contractingParties,
  organisationSettings,
  outbox,
  procedureSettings,
  staff,
  userInvites,
  userSessions,
  users,
} from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import { migratedThrowawayDatabase } from '@/db/testing';
import { FORBIDDEN } from '@/lib/actions/pipeline';
import { currentActor, runAs } from '@/lib/auth/actor';
import { verifyPassword } from '@/lib/auth/passwords';
import { submitComplaint } from '@/lib/complaints/public-submit';
import { validComplaint } from '@/lib/complaints/submit.contract';
import { DEFAULT_ORGANISATION } from '@/lib/organisation';
import { DEFAULT_TERMS, PRESETS } from '@/lib/procedure/terms';
import { hashToken } from '@/lib/server/tokens';
import * as lists from './lists';
import { saveOrganisationSettings } from './organisation';
import { saveProcedureTerms } from './terms';
import * as accounts from './users';

/**
 * The settings' server actions against a real PostgreSQL with the demo data: each action's success and refusal paths,
 * authorization (only active admins; others get 'forbidden' and nothing is written), invitations, session ends.
 */

let db: Db;
let close: (() => Promise<void>) | undefined;
const ids = { admin: 0, manager: 0, handler1: 0, handler2: 0, handler3: 0, former: 0 };

beforeAll(async () => {
  process.env.DEMO_PASSWORD = 'demo-wachtwoord-voor-tests';
  ({ db, close } = await migratedThrowawayDatabase());
  await seedDemoData(db);
  const rows = await db.select({ id: users.id, email: users.email }).from(users);
  const id = (email: string) => rows.find((r) => r.email === email)!.id;
  ids.admin = id('admin@klachtloket.test');
  ids.manager = id('kwaliteit@klachtloket.test');
  ids.handler1 = id('behandelaar1@klachtloket.test');
  ids.handler2 = id('behandelaar2@klachtloket.test');
  ids.handler3 = id('behandelaar3@klachtloket.test');
  ids.former = id('oud-behandelaar@klachtloket.test');
}, 120_000);

afterAll(async () => {
  await close?.();
});

const asAdmin = <T>(fn: () => Promise<T>) => runAs(ids.admin, fn);

/** A fingerprint of every table the settings write: equal before and after means nothing was written. */
async function fingerprint() {
  const tables = { users, userInvites, categories, staff, contractingParties, organisationSettings, procedureSettings, outbox };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => {
      const [row] = await db.select({ digest: sql<string>`coalesce(md5(string_agg(t::text, '|' order by t::text)), '')` }).from(sql`${table} as t`);
      return [name, row!.digest] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function userRow(id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row!;
}

let counter = 0;
const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${++counter}@example.test`;

async function newUser(method: 'password' | 'invite', role: 'admin' | 'manager' | 'handler' = 'handler', label = 'nieuw') {
  const result = await asAdmin(() => accounts.createUser({ name: `Test ${label}`, email: uniqueEmail(label), role, method }));
  if (!result.ok) throw new Error(`createUser failed: ${JSON.stringify(result)}`);
  return result.data;
}

/** As if the user had replaced their one-time password (only then may they run actions, issue 12). */
async function hasChosenOwnPassword(userId: number) {
  await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, userId));
}

function tokenOf(url: string): string {
  return url.split('/').at(-1)!;
}

describe('authorization: only active admins may change settings, and a refusal writes nothing', () => {
  // Valid input for every action, so that only the caller decides the outcome.
  const calls: [string, () => Promise<{ ok: boolean }>][] = [
    ['createUser', () => accounts.createUser({ name: 'Indringer', email: 'indringer@example.test', role: 'admin', method: 'password' })],
    ['updateUserDetails', () => accounts.updateUserDetails({ userId: ids.handler1, name: 'Indringer', email: 'indringer@example.test' })],
    ['changeUserRole', () => accounts.changeUserRole({ userId: ids.handler1, role: 'admin' })],
    ['setUserActive', () => accounts.setUserActive({ userId: ids.handler1, active: false })],
    ['resetUserPassword', () => accounts.resetUserPassword({ userId: ids.handler1, method: 'password' })],
    ['deleteUser', () => accounts.deleteUser({ userId: ids.handler1 })],
    ['createCategory', () => lists.createCategory({ nameNl: 'Indringers', nameEn: 'Intruders' })],
    ['renameCategory', () => lists.renameCategory({ id: 1, nameNl: 'X', nameEn: 'X' })],
    ['moveCategory', () => lists.moveCategory({ id: 2, direction: 'up' })],
    ['setCategoryActive', () => lists.setCategoryActive({ id: 1, active: false })],
    ['saveStaff', () => lists.saveStaff({ name: 'Indringer', team: '', userId: '' })],
    ['setStaffActive', () => lists.setStaffActive({ id: 1, active: false })],
    ['saveParty', () => lists.saveParty({ type: 'uwv', name: 'UWV Indringer', contactEmail: '' })],
    ['setPartyActive', () => lists.setPartyActive({ id: 1, active: false })],
    ['saveOrganisationSettings', () => saveOrganisationSettings({ ...DEFAULT_ORGANISATION, name: 'Overgenomen BV' })],
    ['saveProcedureTerms', () => saveProcedureTerms({ preset: 'awb', ...PRESETS.awb, resolutionDays: 120 })],
  ];
  const callers: [string, () => number | null][] = [
    ['anonymous', () => null],
    ['a handler', () => ids.handler1],
    ['the manager', () => ids.manager],
    ['a deactivated user', () => ids.former],
  ];

  it.each(callers.flatMap(([who, id]) => calls.map(([action, call]) => [who, action, id, call] as const)))(
    '%s calling %s gets forbidden',
    async (_who, _action, id, call) => {
      const before = await fingerprint();
      expect(await runAs(id(), call)).toEqual(FORBIDDEN);
      expect(await fingerprint()).toEqual(before);
    },
  );

  it('a deactivated admin is refused too', async () => {
    const formerAdmin = await newUser('password', 'admin', 'oud-admin');
    expect((await asAdmin(() => accounts.setUserActive({ userId: formerAdmin.userId, active: false }))).ok).toBe(true);
    const before = await fingerprint();
    for (const [, call] of calls) expect(await runAs(formerAdmin.userId, call)).toEqual(FORBIDDEN);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('users', () => {
  it('creates a user with a one-time password that must be changed at the first sign-in', async () => {
    const result = await asAdmin(() => accounts.createUser({ name: ' Eva Smit ', email: ' Eva.Smit@Example.TEST ', role: 'handler', method: 'password' }));
    expect(result.ok).toBe(true);
    if (!result.ok || result.data.method !== 'password') return;
    expect(result.data).toMatchObject({ name: 'Eva Smit', email: 'eva.smit@example.test' });
    const user = await userRow(result.data.userId);
    expect(user).toMatchObject({ name: 'Eva Smit', email: 'eva.smit@example.test', role: 'handler', active: true, mustChangePassword: true });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(result.data.password);
    expect(await verifyPassword(user.passwordHash, result.data.password)).toBe(true);
    // The actor behind a session now knows they must change it (the proxy sends them to the change page).
    expect(await runAs(user.id, currentActor)).toMatchObject({ mustChangePassword: true });
  });

  it('refuses an e-mail address that is already in use, whatever its case', async () => {
    const before = await fingerprint();
    const result = await asAdmin(() => accounts.createUser({ name: 'Dubbel', email: 'BEHANDELAAR1@klachtloket.test', role: 'handler', method: 'invite' }));
    expect(result).toEqual({ ok: false, error: 'invalid', fieldErrors: { email: ['emailTaken'] } });
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses bad input with a message per field', async () => {
    const result = await asAdmin(() => accounts.createUser({ name: '', email: 'geen-adres', role: 'baas', method: 'password' }));
    expect(result).toEqual({ ok: false, error: 'invalid', fieldErrors: { name: ['required'], email: ['email'], role: ['choose'] } });
  });

  it('corrects name and e-mail address; a new address ends the sessions, a new name alone does not', async () => {
    const created = await newUser('password', 'handler', 'gegevens');
    const start = await userRow(created.userId);

    // Only the name: stored trimmed, sessions stay.
    expect(await asAdmin(() => accounts.updateUserDetails({ userId: created.userId, name: '  Eva de Vries ', email: created.email }))).toEqual({
      ok: true,
      data: { changed: true, signedOut: false },
    });
    let user = await userRow(created.userId);
    expect(user).toMatchObject({ name: 'Eva de Vries', email: created.email, sessionVersion: start.sessionVersion });
    expect(await runAs(created.userId, currentActor)).toMatchObject({ id: created.userId });

    // The same address in other case is the same address: nothing changes.
    expect(await asAdmin(() => accounts.updateUserDetails({ userId: created.userId, name: 'Eva de Vries', email: created.email.toUpperCase() }))).toEqual({
      ok: true,
      data: { changed: false, signedOut: false },
    });
    expect((await userRow(created.userId)).sessionVersion).toBe(start.sessionVersion);

    // A new address: stored in lower case, the session version goes up (signed out), the password stays.
    const newEmail = uniqueEmail('nieuw-adres');
    expect(await asAdmin(() => accounts.updateUserDetails({ userId: created.userId, name: 'Eva de Vries', email: ` ${newEmail.toUpperCase()} ` }))).toEqual({
      ok: true,
      data: { changed: true, signedOut: true },
    });
    user = await userRow(created.userId);
    expect(user).toMatchObject({ name: 'Eva de Vries', email: newEmail, sessionVersion: start.sessionVersion + 1, passwordHash: start.passwordHash });
    expect(user.role).toBe(start.role);
  });

  it('refuses an e-mail address another user has, whatever its case, and changes nothing', async () => {
    const created = await newUser('password', 'handler', 'bezet');
    const before = await fingerprint();
    expect(await asAdmin(() => accounts.updateUserDetails({ userId: created.userId, name: 'Andere Naam', email: 'Behandelaar2@KLACHTLOKET.test' }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { email: ['emailTaken'] },
    });
    expect(await fingerprint()).toEqual(before);
    expect(await asAdmin(() => accounts.updateUserDetails({ userId: 999_999, name: 'Niemand', email: uniqueEmail('niemand') }))).toMatchObject({
      fieldErrors: { _form: ['notFound'] },
    });
    expect(await asAdmin(() => accounts.updateUserDetails({ userId: created.userId, name: ' ', email: 'geen-adres' }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { name: ['required'], email: ['email'] },
    });
    expect(await fingerprint()).toEqual(before);
  });

  it('an admin may correct their own details; a new address of their own signs them out too', async () => {
    const other = await newUser('password', 'admin', 'zelf');
    await hasChosenOwnPassword(other.userId); // issue 12: with a one-time password no action runs
    const start = await userRow(other.userId);
    expect(await runAs(other.userId, () => accounts.updateUserDetails({ userId: other.userId, name: 'Zelf Gewijzigd', email: other.email }))).toMatchObject({
      ok: true,
      data: { signedOut: false },
    });
    const newEmail = uniqueEmail('zelf-nieuw');
    expect(await runAs(other.userId, () => accounts.updateUserDetails({ userId: other.userId, name: 'Zelf Gewijzigd', email: newEmail }))).toMatchObject({
      ok: true,
      data: { signedOut: true },
    });
    expect(await userRow(other.userId)).toMatchObject({ name: 'Zelf Gewijzigd', email: newEmail, sessionVersion: start.sessionVersion + 1 });
    // Back to one active admin: later tests count on it.
    expect((await asAdmin(() => accounts.setUserActive({ userId: other.userId, active: false }))).ok).toBe(true);
  });

  it('changing the role ends the sessions (session version up); the own role and the last admin are protected', async () => {
    const created = await newUser('password', 'handler', 'rol');
    const before = (await userRow(created.userId)).sessionVersion;
    expect((await asAdmin(() => accounts.changeUserRole({ userId: created.userId, role: 'manager' }))).ok).toBe(true);
    const after = await userRow(created.userId);
    expect(after.role).toBe('manager');
    expect(after.sessionVersion).toBe(before + 1);
    // The same role again: nothing changes, sessions stay.
    expect(await asAdmin(() => accounts.changeUserRole({ userId: created.userId, role: 'manager' }))).toEqual({ ok: true, data: { changed: false } });
    expect((await userRow(created.userId)).sessionVersion).toBe(before + 1);

    expect(await asAdmin(() => accounts.changeUserRole({ userId: ids.admin, role: 'handler' }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { role: ['cannotChangeOwnRole'] },
    });
    expect(await asAdmin(() => accounts.changeUserRole({ userId: 999_999, role: 'handler' }))).toMatchObject({ fieldErrors: { _form: ['notFound'] } });
  });

  it('deactivating ends the sessions at once and the user can do nothing more; reactivating lets them back in', async () => {
    const created = await newUser('password', 'handler', 'weg');
    const before = (await userRow(created.userId)).sessionVersion;
    expect(await runAs(created.userId, currentActor)).not.toBeNull();
    expect((await asAdmin(() => accounts.setUserActive({ userId: created.userId, active: false }))).ok).toBe(true);
    const after = await userRow(created.userId);
    expect(after.active).toBe(false);
    expect(after.sessionVersion).toBe(before + 1);
    expect(await runAs(created.userId, currentActor)).toBeNull();

    expect((await asAdmin(() => accounts.setUserActive({ userId: created.userId, active: true }))).ok).toBe(true);
    expect(await runAs(created.userId, currentActor)).toMatchObject({ id: created.userId });
  });

  it('an admin cannot deactivate themself', async () => {
    const before = await fingerprint();
    expect(await asAdmin(() => accounts.setUserActive({ userId: ids.admin, active: false }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { _form: ['cannotDeactivateSelf'] },
    });
    expect(await fingerprint()).toEqual(before);
  });

  it('two admins deactivating each other at the same moment leave one active admin', async () => {
    const a = await newUser('password', 'admin', 'admin-a');
    const b = await newUser('password', 'admin', 'admin-b');
    await Promise.all([a, b].map((admin) => hasChosenOwnPassword(admin.userId)));
    // Only a and b are active admins now.
    expect((await asAdmin(() => accounts.setUserActive({ userId: a.userId, active: false }))).ok).toBe(true);
    expect((await runAs(b.userId, () => accounts.setUserActive({ userId: ids.admin, active: false }))).ok).toBe(true);
    expect((await runAs(b.userId, () => accounts.setUserActive({ userId: a.userId, active: true }))).ok).toBe(true);
    const results = await Promise.all([
      runAs(a.userId, () => accounts.setUserActive({ userId: b.userId, active: false })),
      runAs(b.userId, () => accounts.setUserActive({ userId: a.userId, active: false })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok)!;
    // Refused by the rule (the count inside the transaction) or, if it came in after the other committed, as a deactivated user.
    expect([['lastAdmin'], ['forbidden']]).toContainEqual(refused.ok ? null : refused.fieldErrors._form);
    const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(users).where(sql`${users.role} = 'admin' and ${users.active}`)) as [{ n: number }];
    expect(n).toBe(1);
    // Restore the demo admin for the other tests.
    const survivor = results[0]!.ok ? a.userId : b.userId;
    expect((await runAs(survivor, () => accounts.setUserActive({ userId: ids.admin, active: true }))).ok).toBe(true);
  });

  it('a new one-time password: must be changed, other sessions end, open invitations stop working', async () => {
    const created = await newUser('invite', 'handler', 'reset');
    const oldToken = created.method === 'invite' ? tokenOf(created.url) : '';
    const before = (await userRow(created.userId)).sessionVersion;
    const result = await asAdmin(() => accounts.resetUserPassword({ userId: created.userId, method: 'password' }));
    expect(result.ok).toBe(true);
    if (!result.ok || result.data.method !== 'password') return;
    const user = await userRow(created.userId);
    expect(user.mustChangePassword).toBe(true);
    expect(user.sessionVersion).toBe(before + 1);
    expect(await verifyPassword(user.passwordHash, result.data.password)).toBe(true);
    expect(await accounts.acceptInvite({ token: oldToken, password: 'een lang nieuw wachtwoord', confirm: 'een lang nieuw wachtwoord' })).toMatchObject({
      fieldErrors: { _form: ['inviteExpired'] },
    });
    expect(await asAdmin(() => accounts.resetUserPassword({ userId: ids.admin, method: 'password' }))).toMatchObject({ fieldErrors: { _form: ['resetOwnPassword'] } });
  });

  it('deletes only a user who appears nowhere; everyone else must be deactivated', async () => {
    // Handler 1 handles complaints and appears in their history.
    let before = await fingerprint();
    expect(await asAdmin(() => accounts.deleteUser({ userId: ids.handler1 }))).toEqual({ ok: false, error: 'invalid', fieldErrors: { _form: ['userReferenced'] } });
    expect(await fingerprint()).toEqual(before);

    // A new account linked to an adviser record is referred to as well.
    const linked = await newUser('password', 'handler', 'gekoppeld');
    expect((await asAdmin(() => lists.saveStaff({ name: 'Gekoppelde Adviseur', team: 'Team Oss', userId: String(linked.userId) }))).ok).toBe(true);
    before = await fingerprint();
    expect(await asAdmin(() => accounts.deleteUser({ userId: linked.userId }))).toMatchObject({ fieldErrors: { _form: ['userReferenced'] } });
    expect(await fingerprint()).toEqual(before);

    expect(await asAdmin(() => accounts.deleteUser({ userId: ids.admin }))).toMatchObject({ fieldErrors: { _form: ['cannotDeleteSelf'] } });

    // A mistaken invitation: never used anywhere, so it goes, with its invitation.
    const mistake = await newUser('invite', 'handler', 'vergissing');
    expect(await asAdmin(() => accounts.deleteUser({ userId: mistake.userId }))).toEqual({ ok: true, data: { deleted: mistake.userId } });
    expect(await db.select().from(users).where(eq(users.id, mistake.userId))).toEqual([]);
    expect(await db.select().from(userInvites).where(eq(userInvites.userId, mistake.userId))).toEqual([]);

    // Issue 12: having signed in (a session row) is no use of the account: it still goes, with its sessions.
    const signedInOnly = await newUser('password', 'handler', 'alleen-ingelogd');
    await db.insert(userSessions).values({ id: randomUUID(), userId: signedInOnly.userId, signedInAt: new Date(), lastSeenAt: new Date() });
    expect(await asAdmin(() => accounts.deleteUser({ userId: signedInOnly.userId }))).toEqual({ ok: true, data: { deleted: signedInOnly.userId } });
    expect(await db.select().from(userSessions).where(eq(userSessions.userId, signedInOnly.userId))).toEqual([]);
  });
});

describe('invitations', () => {
  it('mails a link of which only the hash is stored; the link sets the password once', async () => {
    const created = await newUser('invite', 'manager', 'uitgenodigd');
    if (created.method !== 'invite') throw new Error('expected an invitation');
    const token = tokenOf(created.url);
    expect(created.url).toBe(`http://localhost:3000/beheer/uitnodiging/${token}`);
    const user = await userRow(created.userId);
    expect(user.passwordHash).toBeNull();

    const [invite] = await db.select().from(userInvites).where(eq(userInvites.userId, created.userId));
    expect(invite!.tokenHash).toBe(hashToken(token));
    expect(invite!.createdBy).toBe(ids.admin);
    expect(invite!.expiresAt.getTime() - invite!.createdAt.getTime()).toBe(7 * 86_400_000);
    const [mail] = await db.select().from(outbox).where(eq(outbox.recipient, created.email));
    expect(mail).toMatchObject({ complaintId: null, kind: 'invite', medium: 'email', status: 'pending' });
    expect(mail!.bodyText).toContain(created.url);
    expect(mail!.subject).toContain(DEFAULT_ORGANISATION.name);

    // Not the same password twice: field errors, nothing used up.
    expect(await accounts.acceptInvite({ token, password: 'kort', confirm: 'kort' })).toMatchObject({ fieldErrors: { password: ['passwordTooShort'] } });
    expect(await accounts.acceptInvite({ token, password: 'een lang wachtwoord', confirm: 'een ander wachtwoord' })).toMatchObject({
      fieldErrors: { confirm: ['passwordMismatch'] },
    });
    // Issue 12: a long but trivial password, or the organisation's name, is refused (zxcvbn-ts).
    expect(await accounts.acceptInvite({ token, password: 'aaaaaaaaaaaa', confirm: 'aaaaaaaaaaaa' })).toMatchObject({ fieldErrors: { password: ['passwordWeakRepeat'] } });
    const orgPassword = `${DEFAULT_ORGANISATION.name} 2026`;
    expect(await accounts.acceptInvite({ token, password: orgPassword, confirm: orgPassword })).toMatchObject({ fieldErrors: { password: ['passwordWeakPersonal'] } });

    expect(await accounts.acceptInvite({ token, password: 'mijn eigen lange wachtwoord', confirm: 'mijn eigen lange wachtwoord' })).toEqual({
      ok: true,
      data: { email: created.email },
    });
    const after = await userRow(created.userId);
    expect(after.mustChangePassword).toBe(false);
    expect(await verifyPassword(after.passwordHash, 'mijn eigen lange wachtwoord')).toBe(true);

    // Used once: a second use is refused and changes nothing.
    const before = await fingerprint();
    expect(await accounts.acceptInvite({ token, password: 'iemand anders zijn wachtwoord', confirm: 'iemand anders zijn wachtwoord' })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { _form: ['inviteUsed'] },
    });
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses an expired link, an unknown link, and a link for a deactivated account', async () => {
    const expired = await newUser('invite', 'handler', 'verlopen');
    if (expired.method !== 'invite') throw new Error('expected an invitation');
    await db.update(userInvites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(userInvites.userId, expired.userId));
    const password = { password: 'een goed lang wachtwoord', confirm: 'een goed lang wachtwoord' };
    const before = await fingerprint();
    expect(await accounts.acceptInvite({ token: tokenOf(expired.url), ...password })).toMatchObject({ fieldErrors: { _form: ['inviteExpired'] } });
    expect(await accounts.acceptInvite({ token: 'A'.repeat(43), ...password })).toMatchObject({ fieldErrors: { _form: ['inviteInvalid'] } });
    expect(await accounts.acceptInvite({ token: 'te-kort', ...password })).toMatchObject({ fieldErrors: { token: ['inviteInvalid'] } });
    expect(await fingerprint()).toEqual(before);

    const gone = await newUser('invite', 'handler', 'uitgeschakeld');
    if (gone.method !== 'invite') throw new Error('expected an invitation');
    expect((await asAdmin(() => accounts.setUserActive({ userId: gone.userId, active: false }))).ok).toBe(true);
    expect(await accounts.acceptInvite({ token: tokenOf(gone.url), ...password })).toMatchObject({ fieldErrors: { _form: ['inviteInactive'] } });
    expect((await userRow(gone.userId)).passwordHash).toBeNull();
  });

  it('a new invitation replaces the previous one', async () => {
    const first = await newUser('invite', 'handler', 'opnieuw');
    if (first.method !== 'invite') throw new Error('expected an invitation');
    const second = await asAdmin(() => accounts.resetUserPassword({ userId: first.userId, method: 'invite' }));
    if (!second.ok || second.data.method !== 'invite') throw new Error('expected an invitation');
    const password = { password: 'een goed lang wachtwoord', confirm: 'een goed lang wachtwoord' };
    expect(await accounts.acceptInvite({ token: tokenOf(first.url), ...password })).toMatchObject({ fieldErrors: { _form: ['inviteExpired'] } });
    expect((await accounts.acceptInvite({ token: tokenOf(second.data.url), ...password })).ok).toBe(true);
  });
});

describe('categories', () => {
  it('adds a category with a code from its Dutch name, or a typed one that must be free', async () => {
    const result = await asAdmin(() => lists.createCategory({ nameNl: 'Wachttijden', nameEn: 'Waiting times' }));
    expect(result).toMatchObject({ ok: true, data: { code: 'wachttijden' } });
    const again = await asAdmin(() => lists.createCategory({ nameNl: 'Wachttijden', nameEn: 'Waiting times (2)' }));
    expect(again).toMatchObject({ ok: true, data: { code: 'wachttijden-2' } });
    const before = await fingerprint();
    expect(await asAdmin(() => lists.createCategory({ nameNl: 'Iets', nameEn: 'Something', code: 'privacy' }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { code: ['categoryCodeTaken'] },
    });
    expect(await asAdmin(() => lists.createCategory({ nameNl: 'Iets', nameEn: 'Something', code: 'met spatie' }))).toMatchObject({
      fieldErrors: { code: ['categoryCode'] },
    });
    expect(await fingerprint()).toEqual(before);
    const typed = await asAdmin(() => lists.createCategory({ nameNl: 'Vervoer', nameEn: 'Transport', code: 'vervoer-en-reizen' }));
    expect(typed).toMatchObject({ ok: true, data: { code: 'vervoer-en-reizen' } });
    // New categories come last in the list.
    const order = await db.select({ code: categories.code }).from(categories).orderBy(asc(categories.sortOrder), asc(categories.id));
    expect(order.map((c) => c.code).slice(-3)).toEqual(['wachttijden', 'wachttijden-2', 'vervoer-en-reizen']);
  });

  it('renames and reorders', async () => {
    const [first, second] = await db.select().from(categories).orderBy(asc(categories.sortOrder), asc(categories.id)).limit(2);
    expect((await asAdmin(() => lists.renameCategory({ id: first!.id, nameNl: 'Het traject', nameEn: 'The trajectory' }))).ok).toBe(true);
    expect((await asAdmin(() => lists.moveCategory({ id: second!.id, direction: 'up' }))).ok).toBe(true);
    const order = await db.select().from(categories).orderBy(asc(categories.sortOrder), asc(categories.id)).limit(2);
    expect(order.map((c) => [c.id, c.nameNl, c.code])).toEqual([
      [second!.id, second!.nameNl, second!.code],
      [first!.id, 'Het traject', first!.code],
    ]);
    expect(await asAdmin(() => lists.renameCategory({ id: 999_999, nameNl: 'X', nameEn: 'X' }))).toMatchObject({ fieldErrors: { _form: ['notFound'] } });
  });

  it('deactivates and reactivates, but never the last active one', async () => {
    const all = await db.select().from(categories).orderBy(asc(categories.id));
    for (const c of all.slice(1)) expect((await asAdmin(() => lists.setCategoryActive({ id: c.id, active: false }))).ok).toBe(true);
    const before = await fingerprint();
    expect(await asAdmin(() => lists.setCategoryActive({ id: all[0]!.id, active: false }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { _form: ['lastActiveCategory'] },
    });
    expect(await fingerprint()).toEqual(before);
    for (const c of all) expect((await asAdmin(() => lists.setCategoryActive({ id: c.id, active: true }))).ok).toBe(true);
  });
});

describe('staff and contracting parties', () => {
  it('links a user account to at most one staff record', async () => {
    const account = await newUser('password', 'handler', 'adviseur');
    const first = await asAdmin(() => lists.saveStaff({ name: 'Anna de Boer', team: 'Team Oss', userId: String(account.userId) }));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const before = await fingerprint();
    expect(await asAdmin(() => lists.saveStaff({ name: 'Anna de Boer (2)', team: '', userId: String(account.userId) }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { userId: ['userAlreadyLinked'] },
    });
    // Handler 3 is already the adviser Fatima El Amrani.
    expect(await asAdmin(() => lists.saveStaff({ id: first.data.id, name: 'Anna de Boer', team: 'Team Oss', userId: String(ids.handler3) }))).toMatchObject({
      fieldErrors: { userId: ['userAlreadyLinked'] },
    });
    expect(await asAdmin(() => lists.saveStaff({ name: 'Niemand', team: '', userId: '999999' }))).toMatchObject({ fieldErrors: { userId: ['userUnknown'] } });
    expect(await asAdmin(() => lists.saveStaff({ name: '', team: '', userId: 'x' }))).toMatchObject({ fieldErrors: { name: ['required'], userId: ['invalid'] } });
    expect(await fingerprint()).toEqual(before);

    // Saving the record with its own link, a new team, then without a link; then deactivating.
    expect((await asAdmin(() => lists.saveStaff({ id: first.data.id, name: 'Anna de Boer', team: 'Team Veghel', userId: String(account.userId) }))).ok).toBe(true);
    expect((await asAdmin(() => lists.saveStaff({ id: first.data.id, name: 'Anna de Boer', team: '', userId: '' }))).ok).toBe(true);
    expect((await asAdmin(() => lists.setStaffActive({ id: first.data.id, active: false }))).ok).toBe(true);
    const [row] = await db.select().from(staff).where(eq(staff.id, first.data.id));
    expect(row).toMatchObject({ name: 'Anna de Boer', team: null, userId: null, active: false });
  });

  it('keeps contracting parties with type, name and contact address', async () => {
    const created = await asAdmin(() => lists.saveParty({ type: 'municipality', name: 'Gemeente Maasdonk', contactEmail: 'Klachten@Maasdonk.example' }));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(await asAdmin(() => lists.saveParty({ type: 'bank', name: '', contactEmail: 'geen' }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { type: ['choose'], name: ['required'], contactEmail: ['email'] },
    });
    expect((await asAdmin(() => lists.saveParty({ id: created.data.id, type: 'municipality', name: "Gemeente 's-Hertogenbosch", contactEmail: '' }))).ok).toBe(true);
    expect((await asAdmin(() => lists.setPartyActive({ id: created.data.id, active: false }))).ok).toBe(true);
    const [row] = await db.select().from(contractingParties).where(eq(contractingParties.id, created.data.id));
    expect(row).toMatchObject({ type: 'municipality', name: "Gemeente 's-Hertogenbosch", contactEmail: null, active: false });
    expect(await asAdmin(() => lists.setPartyActive({ id: 999_999, active: true }))).toMatchObject({ fieldErrors: { _form: ['notFound'] } });
  });

  it.each<[string, () => Promise<unknown>]>([
    ['setCategoryActive', () => lists.setCategoryActive({ id: 999_999, active: false })],
    ['setStaffActive', () => lists.setStaffActive({ id: 999_999, active: false })],
    ['saveStaff (checked before the linked account)', () => lists.saveStaff({ id: 999_999, name: 'X', team: '', userId: '999999' })],
    ['saveParty', () => lists.saveParty({ id: 999_999, type: 'municipality', name: 'X', contactEmail: '' })],
    ['setUserActive', () => accounts.setUserActive({ userId: 999_999, active: false })],
    ['deleteUser', () => accounts.deleteUser({ userId: 999_999 })],
    ['resetUserPassword', () => accounts.resetUserPassword({ userId: 999_999, method: 'password' })],
  ])('%s of an unknown id is refused as not found, writing nothing', async (_, call) => {
    const before = await fingerprint();
    expect(await asAdmin(call)).toEqual({ ok: false, error: 'invalid', fieldErrors: { _form: ['notFound'] } });
    expect(await fingerprint()).toEqual(before);
  });
});

describe('organisation details', () => {
  it('are stored (who, when) and used in the acknowledgement of the next complaint', async () => {
    const details = {
      name: 'Werkpunt Oost',
      phone: '053 123 45 67',
      email: 'klachten@werkpunt.example',
      postalAddress: 'Postbus 1, 7500 AA Enschede',
      website: '',
      signature: 'Hartelijke groet,\nTeam Kwaliteit Werkpunt Oost',
    };
    expect(await asAdmin(() => saveOrganisationSettings({ ...details, website: 'geen-url' }))).toMatchObject({ fieldErrors: { website: ['url'] } });
    expect((await asAdmin(() => saveOrganisationSettings(details))).ok).toBe(true);
    const [row] = await db.select().from(organisationSettings);
    expect(row).toMatchObject({ ...details, website: null, updatedBy: ids.admin });

    const submitted = await submitComplaint(validComplaint({ email: 'org-test@example.test' }));
    expect(submitted.ok).toBe(true);
    const [mail] = await db.select().from(outbox).where(eq(outbox.recipient, 'org-test@example.test'));
    expect(mail!.bodyText).toContain('Hartelijke groet,\nTeam Kwaliteit Werkpunt Oost\n053 123 45 67 · klachten@werkpunt.example · Postbus 1, 7500 AA Enschede');
    expect(mail!.bodyText).not.toContain(DEFAULT_ORGANISATION.phone);

    // Back to the demo details for anything that follows.
    expect((await asAdmin(() => saveOrganisationSettings({ ...DEFAULT_ORGANISATION, website: DEFAULT_ORGANISATION.website ?? '' }))).ok).toBe(true);
  });
});

describe('procedure terms', () => {
  it('a change applies to complaints received afterwards; every complaint keeps the terms it was received under', async () => {
    const earlier = await submitComplaint(validComplaint({ idempotencyKey: randomUUID() }));
    if (!earlier.ok) throw new Error('submission failed');
    const existing = await db.select({ id: complaints.id, terms: complaints.terms }).from(complaints).orderBy(asc(complaints.id));
    expect(existing.find((c) => c.id === existing.at(-1)!.id)!.terms).toEqual(DEFAULT_TERMS);

    const adjusted = { ...PRESETS.awb, resolutionDays: 70, maxExtensionDays: 14 };
    expect(await asAdmin(() => saveProcedureTerms({ preset: 'awb', ...adjusted, resolutionDays: 500 }))).toMatchObject({
      fieldErrors: { resolutionDays: ['termTooHigh'] },
    });
    expect(await asAdmin(() => saveProcedureTerms({ preset: 'awb', ...adjusted }))).toEqual({ ok: true, data: { preset: 'awb', terms: adjusted } });
    const [latest] = await db.select().from(procedureSettings).orderBy(desc(procedureSettings.id)).limit(1);
    expect(latest).toMatchObject({ preset: 'awb', terms: adjusted, changedBy: ids.admin });
    expect(await asAdmin(() => saveProcedureTerms({ preset: 'awb', ...adjusted }))).toMatchObject({ fieldErrors: { _form: ['termsUnchanged'] } });

    const later = await submitComplaint(validComplaint({ idempotencyKey: randomUUID() }));
    if (!later.ok) throw new Error('submission failed');
    const [newComplaint] = await db.select().from(complaints).where(eq(complaints.reference, later.data.reference));
    expect(newComplaint!.terms).toEqual(adjusted);
    expect(newComplaint!.resolutionDue).not.toBeNull();

    // Nothing that was there before changed its terms.
    const afterwards = await db.select({ id: complaints.id, terms: complaints.terms }).from(complaints).where(sql`${complaints.id} <= ${existing.at(-1)!.id}`).orderBy(asc(complaints.id));
    expect(afterwards).toEqual(existing);
    const [old] = await db.select().from(complaints).where(eq(complaints.reference, earlier.data.reference));
    expect(old!.terms).toEqual(DEFAULT_TERMS);

    // Back to the procedure's own preset: a third version in the history.
    expect((await asAdmin(() => saveProcedureTerms({ preset: 'bijstand-naar-werk', ...DEFAULT_TERMS }))).ok).toBe(true);
    const history = await db.select({ preset: procedureSettings.preset }).from(procedureSettings).orderBy(asc(procedureSettings.id));
    expect(history.map((h) => h.preset)).toEqual(['bijstand-naar-werk', 'awb', 'bijstand-naar-werk']);
  });

});
