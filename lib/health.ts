import { loggableError } from '@/lib/server/log-error';
import { getDb, getDriver } from '@/db/client';
import { pingDatabase } from '@/db/complaints';

const TIMEOUT_MS = 3_000;

export async function databaseHealth(): Promise<{ status: 'ok' | 'unavailable'; driver?: string; latencyMs?: number }> {
  const started = performance.now();
  try {
    const check = (async () => {
      await pingDatabase(await getDb());
      return getDriver();
    })();
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS).unref());
    const driver = await Promise.race([check, timeout]);
    return { status: 'ok', driver, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    console.error('[health] database check failed:', loggableError(error));
    return { status: 'unavailable' };
  }
}
