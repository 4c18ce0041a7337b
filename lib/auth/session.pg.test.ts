import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { users, userSessions } from '@/db/schema';
import { migratedThrowawayDatabase } from '@/db/testing';
import { hashPassword } from './passwords';

/**
 * Issue 12, item 1, through Auth.js's own route handlers (app/api/auth/[...nextauth]) on a real PostgreSQL: a copied
 * session cookie stops working at sign-out, after the idle timeout and after the absolute lifetime.
 */
let db: Db;
let close: () => Promise<void>;
let handlers: { GET: typeof import('./route').GET; POST: typeof import('./route').POST };
const PASSWORD = 'tulp regen zolder vijftig';
const BASE = 'http://localhost:3000/api/auth';
const COOKIE = 'authjs.session-token';

beforeAll(async () => {
  process.env.AUTH_SECRET = 'a-test-secret-of-enough-length-for-authjs-0123456789';
  ({ db, close } = await migratedThrowawayDatabase());
  handlers = await import('./route');
  await db.insert(users).values([
    { email: 'sanne@example.test', name: 'Sanne', role: 'handler', passwordHash: await hashPassword(PASSWORD) },
    { email: 'thijs@example.test', name: 'Thijs', role: 'manager', passwordHash: await hashPassword(PASSWORD) },
  ]);
}, 60_000);

afterAll(async () => {
  vi.useRealTimers();
  await close?.();
});

type Jar = Map<string, string>;
const header = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
function keep(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    const [name, value] = [pair!.slice(0, at), pair!.slice(at + 1)];
    if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}
const get = (path: string, jar: Jar) => handlers.GET(new NextRequest(`${BASE}${path}`, { headers: { cookie: header(jar) } }));
const post = (path: string, jar: Jar, form: Record<string, string>) =>
  handlers.POST(
    new NextRequest(`${BASE}${path}`, {
      method: 'POST',
      headers: { cookie: header(jar), 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.1.1.1' },
      body: new URLSearchParams(form).toString(),
    }),
  );

async function csrf(jar: Jar): Promise<string> {
  const response = await get('/csrf', jar);
  keep(jar, response);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

async function signIn(email: string): Promise<Jar> {
  const jar: Jar = new Map();
  keep(jar, await post('/callback/credentials', jar, { email, password: PASSWORD, csrfToken: await csrf(jar) }));
  expect(jar.get(COOKIE)).toBeTruthy();
  return jar;
}

async function sessionOf(jar: Jar) {
  const response = await get('/session', jar);
  return { body: (await response.json()) as { user?: { email: string } } | null, cookies: response.headers.getSetCookie() };
}

const sessionRow = async (email: string) => {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const rows = await db.select().from(userSessions).where(eq(userSessions.userId, user!.id));
  return rows.at(-1)!;
};

describe('a back-office session (Auth.js handlers, real database)', () => {
  it('ends at sign-out: a copied cookie gets no session any more', async () => {
    const browser = await signIn('sanne@example.test');
    const copied = new Map(browser);
    expect((await sessionOf(copied)).body?.user?.email).toBe('sanne@example.test');

    keep(browser, await post('/signout', browser, { csrfToken: await csrf(browser) }));
    expect(browser.get(COOKIE)).toBeUndefined();

    // Before issue 12 this answered with the user and a fresh 10-hour cookie.
    const after = await sessionOf(copied);
    expect(after.body).toBeNull();
    expect(after.cookies.some((c) => c.startsWith(`${COOKIE}=`) && !/expires=thu, 01 jan 1970|max-age=0/i.test(c) && !c.startsWith(`${COOKIE}=;`))).toBe(false);
    expect(await sessionRow('sanne@example.test')).toMatchObject({ endReason: 'signed-out' });
  }, 30_000);

  it('ends after 60 minutes without a request (idle), and 10 hours after sign-in whatever happens (absolute)', async () => {
    const idle = await signIn('thijs@example.test');
    const idleRow = await sessionRow('thijs@example.test');
    await db.update(userSessions).set({ lastSeenAt: new Date(Date.now() - 61 * 60_000) }).where(eq(userSessions.id, idleRow.id));
    expect((await sessionOf(idle)).body).toBeNull();
    expect(await sessionRow('thijs@example.test')).toMatchObject({ endReason: 'idle' });

    const busy = await signIn('thijs@example.test');
    const busyRow = await sessionRow('thijs@example.test');
    await db.update(userSessions).set({ signedInAt: new Date(Date.now() - 10 * 3_600_000) }).where(eq(userSessions.id, busyRow.id));
    expect((await sessionOf(busy)).body).toBeNull(); // seen a second ago, but signed in 10 hours ago
    expect(await sessionRow('thijs@example.test')).toMatchObject({ endReason: 'expired' });
  }, 30_000);

  it('hands out no token that outlives the absolute end, however often the session is read', async () => {
    const jar = await signIn('sanne@example.test');
    const { decode } = await import('next-auth/jwt');
    const signedIn = Date.now();
    vi.useFakeTimers({ toFake: ['Date'], now: signedIn + 9.5 * 3_600_000 });
    try {
      const row = await sessionRow('sanne@example.test');
      await db.update(userSessions).set({ lastSeenAt: new Date() }).where(eq(userSessions.id, row.id));
      const { body, cookies } = await sessionOf(jar);
      expect(body?.user?.email).toBe('sanne@example.test');
      const fresh = cookies.find((c) => c.startsWith(`${COOKIE}=`))!;
      const token = await decode({ token: fresh.split(';')[0]!.slice(COOKIE.length + 1), secret: process.env.AUTH_SECRET!, salt: COOKIE });
      // Without the cap this would be 9.5 h + 10 h after sign-in.
      expect(token!.exp! * 1000).toBeLessThanOrEqual(signedIn + 10 * 3_600_000 + 1000);
      // And the cookie itself expires then too, not 10 hours from now.
      const expires = new Date(fresh.match(/Expires=([^;]*)/i)![1]!).getTime();
      expect(expires).toBeLessThanOrEqual(signedIn + 10 * 3_600_000 + 1000);
      expect(expires).toBeGreaterThan(signedIn + 9.9 * 3_600_000);
    } finally {
      vi.useRealTimers();
    }
  }, 30_000);
});
