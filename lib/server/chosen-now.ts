import { AsyncLocalStorage } from 'node:async_hooks';
import { setNowSource } from '@/lib/procedure/now';

/**
 * A chosen moment for server-side code that replays the procedure (the demo seed, db/seed.ts): inside `atInstant`,
 * `currentInstant()` (lib/procedure/now.ts) — and with it the schemas' "today" — is that moment. Everywhere else, and
 * in every request, it stays the system clock.
 */
const chosen = new AsyncLocalStorage<Date>();
setNowSource(() => chosen.getStore());

export function atInstant<T>(at: Date, fn: () => T): T {
  return chosen.run(at, fn);
}
