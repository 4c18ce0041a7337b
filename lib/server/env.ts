import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The local data folder (embedded database, generated secret). Never committed. */
export function dataDir(): string {
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.KLACHTLOKET_DATA_DIR ?? path.join(process.cwd(), '.data'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The app's secret (`AUTH_SECRET`): from the environment, or generated once and kept in the data folder so that a
 * zero-configuration run works and stays stable across restarts.
 */
export function appSecret(): string {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir(), 'auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  return readFileSync(file, 'utf8').trim();
}

/** The public address of the app, used in links in mails. */
export function appUrl(): string {
  return (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
}
