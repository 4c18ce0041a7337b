import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { loginAttempts, outbox, users } from '@/db/schema';
import { createThrowawayDatabase, type ThrowawayDatabase } from '@/db/testing';
import { runAs } from './actor';
import { hashPassword, verifyPassword } from './passwords';

let database: ThrowawayDatabase;
let db: Db;
let closeDb: () => Promise<void>;
let authenticate: typeof import('./authenticate').authenticate;
let changePassword: typeof import('./account').changePassword;
let currentActor: typeof import('./actor').currentActor;
const PASSWORD = 'correct horse battery';
const ids: Record<string, number> = {};

beforeAll(async () => {
  database = await createThrowawayDatabase();
  process.env.DATABASE_URL = database.url;
  delete process.env.DATABASE_DRIVER;
  const client = await import('@/db/client');
  closeDb = client.closeDb;
  await (await import('@/db/migrate')).runMigrations();
  db = await client.getDb();
  ({ authenticate } = await import('./authenticate'));
  ({ changePassword } = await import('./account'));
  ({ currentActor } = await import('./actor'));
  const hash = await hashPassword(PASSWORD);
  const rows = await db
    .insert(users)
    .values([
      { email: 'sanne@example.test', name: 'Sanne', role: 'handler', passwordHash: hash },
      { email: 'thijs@example.test', name: 'Thijs', role: 'handler', passwordHash: hash },
      { email: 'left@example.test', name: 'Left', role: 'handler', passwordHash: hash, active: false },
      { email: 'nopassword@example.test', name: 'No password', role: 'manager', passwordHash: null },
      ...Array.from({ length: 6 }, (_, i) => ({ email: `user${i}@example.test`, name: `User ${i}`, role: 'handler' as const, passwordHash: hash })),
    ])
    .returning({ id: users.id, email: users.email });
  for (const row of rows) ids[row.email] = row.id;
}, 60_000);

afterAll(async () => {
  await closeDb?.();
  await database?.drop();
});

const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 9, minute));
let ipCounter = 0;
const freshIp = () => `10.0.0.${++ipCounter}`;

describe('signing in', () => {
  it('accepts the right password (e-mail in any case) and records the attempt and the sign-in time', async () => {
    const ip = freshIp();
    const result = await authenticate({ email: 'Sanne@Example.test', password: PASSWORD }, ip, at(0));
    expect(result).toEqual({ ok: true, user: { id: ids['sanne@example.test'], name: 'Sanne', email: 'sanne@example.test' } });
    const [user] = await db.select({ lastSignInAt: users.lastSignInAt }).from(users).where(eq(users.id, ids['sanne@example.test']!));
    expect(user?.lastSignInAt?.toISOString()).toBe(at(0).toISOString());
    const attempts = await db.select().from(loginAttempts).where(eq(loginAttempts.ip, ip));
    expect(attempts.map((a) => [a.email, a.success])).toEqual([['sanne@example.test', true]]);
  });

  it.each([
    ['a wrong password', { email: 'thijs@example.test', password: 'wrong password' }],
    ['an unknown account', { email: 'nobody@example.test', password: PASSWORD }],
    ['a deactivated account, even with its right password', { email: 'left@example.test', password: PASSWORD }],
    ['an account without a password', { email: 'nopassword@example.test', password: PASSWORD }],
    ['no password at all', { email: 'thijs@example.test', password: '' }],
    ['not an e-mail address', { email: 'thijs', password: PASSWORD }],
  ])('refuses %s with the same answer', async (_label, credentials) => {
    expect(await authenticate(credentials, freshIp(), at(0))).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('the sign-in limits', () => {
  const slept: number[] = [];
  const sleep = async (ms: number) => void slept.push(ms);
  const attempt = (email: string, password: string, ip: string, now: Date) => authenticate({ email, password }, ip, now, { sleep });
  const failures = (email: string, n: number, now: Date, ip = () => freshIp()) =>
    db.insert(loginAttempts).values(Array.from({ length: n }, () => ({ email, ip: ip(), success: false, at: now })));

  it('locks the (account, address) pair after 5 wrong passwords, while the right password from elsewhere still works', async () => {
    const email = 'user0@example.test';
    const attacker = freshIp();
    for (let i = 0; i < 5; i++) expect(await attempt(email, `wrong ${i}`, attacker, at(i))).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt(email, PASSWORD, attacker, at(5))).toEqual({ ok: false, reason: 'locked', minutes: 10 });
    // Issue 12: before, the account itself was locked and the real user was refused too.
    expect((await attempt(email, PASSWORD, freshIp(), at(5))).ok).toBe(true);
    // The attacker's pair stays locked: a success elsewhere does not open it.
    expect(await attempt(email, 'wrong again', attacker, at(6))).toMatchObject({ ok: false, reason: 'locked' });
    // Refused attempts did not count: 15 minutes after the first failure the pair opens again.
    expect((await attempt(email, PASSWORD, attacker, at(15))).ok).toBe(true);
  });

  it('slows the account down (doubling, capped) after repeated failures from any address', async () => {
    const email = 'user1@example.test';
    slept.length = 0;
    for (let i = 0; i < 8; i++) await attempt(email, 'wrong', freshIp(), at(20));
    expect(slept).toEqual([500, 1000, 2000, 4000, 4000]);
    slept.length = 0;
    expect((await attempt(email, PASSWORD, freshIp(), at(21))).ok).toBe(true);
    expect(slept).toEqual([4000]);
    slept.length = 0;
    await attempt(email, 'wrong', freshIp(), at(22));
    expect(slept).toEqual([]); // the success started the count afresh
  });

  it('locks an address that tries many accounts (20 failures), not other addresses', async () => {
    const ip = freshIp();
    await failures('nobody@example.test', 19, at(30), () => ip);
    expect(await attempt('user2@example.test', 'wrong', ip, at(30))).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt('thijs@example.test', PASSWORD, ip, at(31))).toMatchObject({ ok: false, reason: 'locked', minutes: 14 });
    expect((await attempt('thijs@example.test', PASSWORD, freshIp(), at(31))).ok).toBe(true);
  });

  it('locks the account itself only at 50 failures within the hour, and mails the user and the admins once', async () => {
    const email = 'user5@example.test';
    await db.insert(users).values({ email: 'admin@example.test', name: 'Annemiek', role: 'admin', passwordHash: null });
    await failures(email, 48, at(40));
    expect(await attempt(email, 'wrong', freshIp(), at(41))).toEqual({ ok: false, reason: 'invalid' });
    expect((await db.select().from(outbox).where(eq(outbox.kind, 'account-locked')))).toHaveLength(0);
    expect(await attempt(email, 'wrong', freshIp(), at(42))).toEqual({ ok: false, reason: 'invalid' }); // the 50th
    expect(await attempt(email, PASSWORD, freshIp(), at(43))).toEqual({ ok: false, reason: 'locked', minutes: 57 });
    const mails = await db.select().from(outbox).where(eq(outbox.kind, 'account-locked'));
    expect(mails.map((m) => m.recipient).sort()).toEqual(['admin@example.test', email]);
    expect(mails.find((m) => m.recipient === email)?.bodyText).toContain('uw account');
    expect(mails.find((m) => m.recipient === 'admin@example.test')?.bodyText).toContain('User 5 (user5@example.test)');
    // An hour after the failures the account opens again.
    expect((await attempt(email, PASSWORD, freshIp(), at(101))).ok).toBe(true);
  });

  it('holds under parallel guessing from one address: no more than 5 failures are ever checked', async () => {
    const email = 'user4@example.test';
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(email, `guess ${i}`, ip, at(50))));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(5);
    const recorded = await db.select().from(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.at, at(50))));
    expect(recorded).toHaveLength(5);
  });
});

describe('the signed-in user (actor)', () => {
  it('is looked up afresh: a deactivated user is nobody', async () => {
    expect(await runAs(ids['sanne@example.test']!, currentActor)).toMatchObject({ email: 'sanne@example.test', role: 'handler' });
    expect(await runAs(ids['left@example.test']!, currentActor)).toBeNull();
    expect(await runAs(null, currentActor)).toBeNull();
    expect(await runAs(999_999, currentActor)).toBeNull();
  });
});

describe('changing one’s own password', () => {
  const input = (overrides: Record<string, string> = {}) => ({ current: PASSWORD, password: 'a brand new passphrase', confirm: 'a brand new passphrase', ...overrides });
  const stored = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0]!;

  it.each([
    ['the current password is wrong', { current: 'not it at all' }, { current: ['passwordWrong'] }],
    ['the new one is too short', { password: 'short', confirm: 'short' }, { password: ['passwordTooShort'] }],
    ['the two do not match', { confirm: 'a brand new passphrasE' }, { confirm: ['passwordMismatch'] }],
    ['the new one is the old one', { password: PASSWORD, confirm: PASSWORD }, { password: ['passwordUnchanged'] }],
    // Issue 12: a long but trivial password was accepted.
    ['the new one is one character repeated', { password: 'aaaaaaaaaaaa', confirm: 'aaaaaaaaaaaa' }, { password: ['passwordWeakRepeat'] }],
    ['the new one is a common password', { password: 'password1234', confirm: 'password1234' }, { password: ['passwordWeakCommon'] }],
    ['the new one is the user’s own name', { password: 'Thijs-Thijs-2026', confirm: 'Thijs-Thijs-2026' }, { password: ['passwordWeakPersonal'] }],
  ])('is refused when %s, and nothing changes', async (_label, overrides, fieldErrors) => {
    const before = await stored('thijs@example.test');
    const result = await runAs(ids['thijs@example.test']!, () => changePassword(input(overrides)));
    expect(result).toEqual({ ok: false, error: 'invalid', fieldErrors });
    expect(await stored('thijs@example.test')).toEqual(before);
  });

  it('is refused for nobody and for a deactivated user', async () => {
    expect(await runAs(null, () => changePassword(input()))).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await runAs(ids['left@example.test']!, () => changePassword(input()))).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('stores the new password (argon2id) and ends other sessions by raising the session version', async () => {
    const before = await stored('user3@example.test');
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, before.id));
    const result = await runAs(before.id, () => changePassword(input()));
    expect(result).toEqual({ ok: true, data: { email: 'user3@example.test' } });
    const after = await stored('user3@example.test');
    expect(await verifyPassword(after.passwordHash, 'a brand new passphrase')).toBe(true);
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.mustChangePassword).toBe(false);
  });
});

describe('issue 12: the password-change form', () => {
  const input = (current: string) => ({ current, password: 'tulp regen zolder vijftig', confirm: 'tulp regen zolder vijftig' });

  it('limits the attempts at the current password like sign-in: after 5 wrong ones even the right one is refused', async () => {
    const id = ids['user2@example.test']!;
    for (let i = 0; i < 5; i++) {
      expect(await runAs(id, () => changePassword(input(`wrong ${i}`)))).toEqual({ ok: false, error: 'invalid', fieldErrors: { current: ['passwordWrong'] } });
    }
    expect(await runAs(id, () => changePassword(input(PASSWORD)))).toEqual({ ok: false, error: 'invalid', fieldErrors: { current: ['passwordAttempts'] } });
    expect(await verifyPassword((await db.select().from(users).where(eq(users.id, id)))[0]!.passwordHash, PASSWORD)).toBe(true);
  }, 30_000);
});

describe('issue 12: a user who must change their password (one-time password)', () => {
  it('can run no other server action, only the password change', async () => {
    const { createUser } = await import('@/lib/settings/users');
    const [admin] = await db
      .insert(users)
      .values({ email: 'newadmin@example.test', name: 'New Admin', role: 'admin', passwordHash: await hashPassword(PASSWORD), mustChangePassword: true })
      .returning({ id: users.id });
    const create = () => createUser({ name: 'Someone', email: 'someone@example.test', role: 'manager', method: 'password' });
    expect(await runAs(admin!.id, create)).toEqual({ ok: false, error: 'forbidden', fieldErrors: { _form: ['passwordChangeRequired'] } });
    expect(await db.select().from(users).where(eq(users.email, 'someone@example.test'))).toHaveLength(0);
    const changed = await runAs(admin!.id, () => changePassword({ current: PASSWORD, password: 'tulp regen zolder vijftig', confirm: 'tulp regen zolder vijftig' }));
    expect(changed.ok).toBe(true);
    expect((await runAs(admin!.id, create)).ok).toBe(true);
  });
});

