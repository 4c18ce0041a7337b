// The built app for the fault tests, and how a browser talks to it: pages, server actions, the complaint route, Auth.js sign-in.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Answer } from './checks';

export type App = { base: string; log: string; stop: () => void };

/** `next start` on the existing build, in its own process group (as scripts/start.mjs serves it). */
export async function startApp(root: string, port: number, env: Record<string, string>, log: string): Promise<App> {
  const out = openSync(log, 'a');
  const child: ChildProcess = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(port)], {
    cwd: root,
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stop();
  throw new Error(`The app did not start on port ${port}. Its log:\n${readFileSync(log, 'utf8').slice(-3000)}`);
}

/** The id of a server action by its exported name, from the build's manifest (as e2e/authz.spec.ts reads it). */
export function actionId(root: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName: string; filename?: string }>;
  };
  const ids = Object.entries(manifest.node).filter(([, entry]) => entry.exportedName === exportedName);
  if (ids.length !== 1) throw new Error(`server action ${exportedName}: ${ids.length} in the build's manifest`);
  return ids[0]![0];
}

/** Calls a server action as React does from the page at `pagePath`: a POST with the arguments as JSON. */
export async function callAction(base: string, pagePath: string, id: string, input: unknown, cookie?: string, timeoutMs = 30_000): Promise<Answer> {
  try {
    const response = await fetch(base + pagePath, {
      method: 'POST',
      headers: {
        'Next-Action': id,
        'Content-Type': 'text/plain;charset=UTF-8',
        Accept: 'text/x-component',
        Origin: base,
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: JSON.stringify([input]),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { networkError: `${error instanceof Error ? error.message : String(error)}${cause ? ` (${cause})` : ''}` };
  }
}

/** Posts JSON to a route handler as the complaint form does (`POST /api/klachten`). */
export async function postJson(base: string, routePath: string, input: unknown, timeoutMs = 30_000): Promise<Answer> {
  try {
    const response = await fetch(base + routePath, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: base },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { networkError: `${error instanceof Error ? error.message : String(error)}${cause ? ` (${cause})` : ''}` };
  }
}

/**
 * The signed form stamp the complaint form carries (lib/complaints/form-stamp.ts), as the form gets it when it mounts:
 * from /api/form-stamp (the form page itself is served from Next's cache, issue 13).
 */
export async function formStamp(base: string): Promise<string> {
  const response = await fetch(`${base}/api/form-stamp`);
  const stamp = response.ok ? ((await response.json()) as { stamp?: unknown }).stamp : undefined;
  if (typeof stamp !== 'string' || !/^\d{13}\.[A-Za-z0-9_-]{43}$/.test(stamp)) throw new Error(`no form stamp from /api/form-stamp (${response.status})`);
  return stamp;
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

/** Signs in through Auth.js (csrf token, then the credentials callback) and returns the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookiesOf(csrf).join('; '), Origin: base },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/beheer` }),
    redirect: 'manual',
  });
  // Auth.js splits a large token over `authjs.session-token.0`, `.1`, …
  const session = cookiesOf(response).filter((c) => c.startsWith('authjs.session-token')).join('; ');
  if (!session) throw new Error(`sign-in as ${email} failed: HTTP ${response.status} ${response.headers.get('location') ?? ''}`);
  return session;
}
