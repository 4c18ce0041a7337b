import type { Db, Tx } from '@/db/client';
import { activeCategories, currentTerms } from '@/db/complaints';
import { organisationOrDefault } from '@/db/settings';
import type { Organisation } from '@/lib/organisation';
import type { ProcedureTerms } from '@/lib/procedure/terms';

/**
 * The settings a submission reads (issue 13): the terms in force, the active categories and the organisation's
 * details, kept in memory so a submission does not spend three round trips on them.
 *
 * - This instance: the settings actions (categories, terms, organisation) call `forgetSettings()` after they commit;
 *   the next submission loads them again. A load that was already under way when they were forgotten is used for its
 *   own submission but not kept (the generation changed), so an older read never outlives the change.
 * - Other instances (several serverless functions or servers on one database): they do not hear of the change and
 *   keep what they have for at most SETTINGS_TTL_MS, then load again. A complaint filed there within those seconds
 *   of a change gets the terms and categories of just before it, as one filed a moment earlier would have.
 * - Tests and scripts that change these tables behind the app's back call `forgetSettings()` too (db/fixtures.ts).
 */
export const SETTINGS_TTL_MS = 10_000;

export type CachedSettings = {
  terms: ProcedureTerms;
  /** Active categories by code → id. */
  categories: ReadonlyMap<string, number>;
  organisation: Organisation;
};

type State = { generation: number; entry: { generation: number; source: string; at: number; value: CachedSettings } | null };
// On globalThis, like the database connection, so that Next's separately bundled modules share one cache.
const store = globalThis as unknown as { __klachtloketSettings?: State };
const state = (): State => (store.__klachtloketSettings ??= { generation: 0, entry: null });

/** The cached settings, loaded through `db` (the caller's transaction: PGlite has one connection) when stale. */
export async function cachedSettings(db: Db | Tx, nowMs = Date.now()): Promise<CachedSettings> {
  const s = state();
  const hit = s.entry;
  // Which database (tests and scripts point one process at several in turn): never another one's settings.
  const source = `${process.env.DATABASE_URL ?? ''}|${process.env.DATABASE_DRIVER ?? ''}|${process.env.KLACHTLOKET_DATA_DIR ?? ''}`;
  if (hit && hit.generation === s.generation && hit.source === source && nowMs - hit.at < SETTINGS_TTL_MS) return hit.value;
  const generation = s.generation;
  const value = await loadSettings(db);
  if (s.generation === generation) s.entry = { generation, source, at: nowMs, value };
  return value;
}

/** The same settings straight from the database (staff registration, rare enough to read them every time). */
export async function loadSettings(db: Db | Tx): Promise<CachedSettings> {
  // One after the other: a transaction runs its statements in turn anyway.
  const terms = await currentTerms(db);
  const categories = new Map((await activeCategories(db)).map((c) => [c.code, c.id] as const));
  const organisation = await organisationOrDefault(db);
  return { terms, categories, organisation };
}

/** After a settings change has committed: this instance loads the settings again on their next use. */
export function forgetSettings(): void {
  const s = state();
  s.generation++;
  s.entry = null;
}
