import fc from 'fast-check';
import { expect, vi } from 'vitest';
import type { Db } from '@/db/client';
import { installWriteCounter, writeCount } from '@/db/testing';
import type { ActionResult } from '@/lib/actions/pipeline';
import { runAs } from '@/lib/auth/actor';
import en from '@/lib/i18n/messages/en.json';
import nl from '@/lib/i18n/messages/nl.json';

/**
 * Property-based tests of the server actions (issue 12): every action, through the real pipeline (`runAs` + the
 * action as the browser calls it) against a real PostgreSQL database, gets a stream of generated inputs — arbitrary
 * junk and valid inputs with one field changed — and must, for every one of them:
 *  - answer `{ ok: true }` or `{ ok: false }` with a known error kind, never throw, never "unavailable" (which is
 *    what a failing insert answers) and never log an error;
 *  - on a refusal, name each problem with a message key that both message files translate (`errors.<key>`), and a
 *    specific one (not the generic "reload the page") when a visible field got a string, as a form sends;
 *  - on a refusal, have written nothing (a row trigger on every table counts the rows written: db/testing.ts).
 */

export const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
/** Per action: generous, as the machine may be busy. */
export const TIMEOUT = 600_000;

const KNOWN_FAILURES = new Set(['invalid', 'forbidden', 'conflict', 'limited']);

type Tree = { [key: string]: string | Tree };
const at = (tree: Tree, path: string) => path.split('.').reduce<Tree | string | undefined>((t, k) => (t && typeof t === 'object' ? t[k] : undefined), tree);

/**
 * Message keys in a refusal that a message file does not translate: under `errors` (where most forms look them up), or
 * under the namespace a page uses instead (`answer.errors`), apart from keys that page maps to a message of its own.
 */
export function untranslatedKeys(fieldErrors: Record<string, string[]>, dictionary = 'errors', mapped: readonly string[] = []): string[] {
  const nlTexts = at(nl as Tree, dictionary) as Record<string, unknown>;
  const enTexts = at(en as Tree, dictionary) as Record<string, unknown>;
  return Object.values(fieldErrors)
    .flat()
    .filter((key) => !mapped.includes(key) && (typeof nlTexts[key] !== 'string' || typeof enTexts[key] !== 'string'));
}

// --- generators ----------------------------------------------------------------------------------------------------

const HUGE = 'x'.repeat(200_000);
const TRICKY_STRINGS = [
  '',
  ' ',
  '   \t\n ',
  '\u0000',
  'a\u0000b',
  'tekst\u0007met bel',
  '\u001b[31mrood',
  '\u007f',
  '\uD800',
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦'.repeat(50),
  '\u202Eomgekeerd',
  HUGE,
  'a'.repeat(2001),
  'a'.repeat(8001),
  '0',
  '-1',
  '1.5',
  '1e3',
  '2147483647',
  '2147483648',
  '99999999999999999999',
  'NaN',
  'null',
  'true',
  '2026-02-30',
  '0000-01-01',
  '1899-12-31',
  '9999-12-31',
  '+275760-09-13',
  '2026-1-1',
  ' 2026-01-01 ',
  '25:00',
  '23:59',
  'KL-2026-0001',
  'kl 2026 0001',
  'KL-9999-99999999999',
  "'; drop table complaints; --",
  '%_\\',
  '<script>alert(1)</script>',
  'https://evil.example/inloggen',
  'naam@voorbeeld.nl',
  'not-an-email',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq',
  '00000000-0000-0000-0000-000000000000',
  'yes',
  'no',
];
const TRICKY_NUMBERS = [0, -1, 1, 2, 1.5, -0, 2_147_483_647, 2_147_483_648, -2_147_483_649, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MIN_VALUE];

/** Strings as a form could send them: tricky ones, any code points, long ones. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1990, maxLength: 2010 }) },
);

/** Any value a script could post: JSON-ish values, wrong types, numbers beyond int4, nested junk. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyString },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...TRICKY_NUMBERS, null, undefined, true, false, [], {}, [[[[[[[[[[]]]]]]]]]]) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 3, maxKeys: 5, withNullPrototype: true, withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true, withUnicodeString: true }) },
);

/** How one run's input is made from a valid input. */
export type Mutation =
  | { kind: 'valid' }
  | { kind: 'junk'; value: unknown }
  | { kind: 'replace'; field: number; value: unknown }
  | { kind: 'replaceString'; field: number; value: string }
  | { kind: 'delete'; field: number }
  | { kind: 'extra'; key: string; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Mutation>({ kind: 'valid' }) },
  { weight: 3, arbitrary: junk.map((value): Mutation => ({ kind: 'junk', value })) },
  { weight: 4, arbitrary: fc.record({ field: fc.nat(), value: junk }).map((m): Mutation => ({ kind: 'replace', ...m })) },
  { weight: 5, arbitrary: fc.record({ field: fc.nat(), value: anyString }).map((m): Mutation => ({ kind: 'replaceString', ...m })) },
  { weight: 2, arbitrary: fc.nat().map((field): Mutation => ({ kind: 'delete', field })) },
  { weight: 1, arbitrary: fc.record({ key: fc.constantFrom('__proto__', 'constructor', 'id', 'extra', 'status', 'version'), value: junk }).map((m): Mutation => ({ kind: 'extra', ...m })) },
);

type Plain = Record<string, unknown>;

/** The input for one run, and which field (if any) got a string as a form would send it. */
export function applyMutation(valid: Plain, m: Mutation, paths: string[][]): { input: unknown; stringField: string | null } {
  if (m.kind === 'valid') return { input: valid, stringField: null };
  if (m.kind === 'junk') return { input: m.value, stringField: null };
  const copy = structuredClone(valid);
  if (m.kind === 'extra') {
    Object.defineProperty(copy, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    return { input: copy, stringField: null };
  }
  const path = paths[m.field % paths.length]!;
  let parent: Plain = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Plain;
  const last = path[path.length - 1]!;
  const wasString = typeof parent[last] === 'string';
  if (m.kind === 'delete') delete parent[last];
  else parent[last] = m.value;
  // A text field that got other text, as a form sends it (a checkbox or a list that got text cannot come from a form).
  return { input: copy, stringField: m.kind === 'replaceString' && wasString ? path.join('.') : null };
}

/** Every leaf field of a valid input (nested objects followed; arrays of objects at their first item). */
export function fieldPaths(value: Plain, prefix: string[] = []): string[][] {
  return Object.entries(value).flatMap(([key, item]) => {
    if (item && typeof item === 'object' && !Array.isArray(item) && !(item instanceof Uint8Array)) return fieldPaths(item as Plain, [...prefix, key]);
    if (Array.isArray(item) && item.length > 0 && item[0] && typeof item[0] === 'object' && !(item[0] instanceof Uint8Array)) {
      return [[...prefix, key], ...fieldPaths(item[0] as Plain, [...prefix, key, '0'])];
    }
    return [[...prefix, key]];
  });
}

// --- the property --------------------------------------------------------------------------------------------------

export type ActionUnderTest = {
  name: string;
  action: (raw: unknown) => Promise<ActionResult<unknown>>;
  /** Who runs it (a user id), or null for the public. */
  actor: () => number | null;
  /**
   * A valid input for the world as it is now (e.g. the current version of a fresh complaint in the right state). It may
   * write to the database only on its first call and after a success (the runs in between are checked against one
   * checksum).
   */
  valid: () => Promise<Plain> | Plain;
  /** Called after a successful run, so the next valid input fits again (e.g. a fresh complaint). */
  afterSuccess?: (input: unknown, data: unknown) => Promise<void> | void;
  /** Fields a form does not let the user type (ids, versions, tokens, keys): a generic message is right there. */
  hidden?: string[];
  /** Where the page looks up the refusal's keys (default `errors`), and keys it maps to a message of its own. */
  dictionary?: string;
  mapped?: readonly string[];
  /** Extra tables a refusal may write (e.g. an attempts counter): none by default. */
  runs?: number;
};

export type Tally = { runs: number; ok: number; refused: Record<string, number> };

/** Once per database, before the first `checkAction`. */
export const countWrites = installWriteCounter;

/** Runs the property for one action and returns how the runs ended (so a test can show both paths were hit). */
export async function checkAction(db: Db, subject: ActionUnderTest): Promise<Tally> {
  const tally: Tally = { runs: 0, ok: 0, refused: {} };
  const logged = vi.spyOn(console, 'error');
  const hidden = new Set(subject.hidden ?? []);
  const profile = { prepare: 0, action: 0, after: 0 };
  let known: number | null = null;
  try {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        let t = performance.now();
        const valid = await subject.valid();
        // After a refusal the database is as it was (checked below), so its checksum is still known.
        const before = known ?? (await writeCount(db));
        known = null;
        profile.prepare += performance.now() - t;
        t = performance.now();
        const { input, stringField } = applyMutation(valid, m, fieldPaths(valid));
        logged.mockClear();
        let result: ActionResult<unknown>;
        try {
          result = await runAs(subject.actor(), () => subject.action(input));
        } catch (error) {
          throw new Error(`${subject.name} threw: ${error instanceof Error ? error.stack : String(error)}`);
        }
        tally.runs++;
        profile.action += performance.now() - t;
        t = performance.now();
        expect(logged, `${subject.name} logged an error`).not.toHaveBeenCalled();
        expect(typeof result === 'object' && result !== null && typeof result.ok === 'boolean', `${subject.name} answered ${String(result)}`).toBe(true);
        if (result.ok) {
          tally.ok++;
          await subject.afterSuccess?.(input, result.data);
          return;
        }
        tally.refused[result.error] = (tally.refused[result.error] ?? 0) + 1;
        expect(KNOWN_FAILURES.has(result.error), `${subject.name}: error kind ${result.error}`).toBe(true);
        expect(Object.keys(result.fieldErrors).length, `${subject.name}: a refusal without a message`).toBeGreaterThan(0);
        expect(untranslatedKeys(result.fieldErrors, subject.dictionary, subject.mapped), `${subject.name}: untranslated message keys in ${JSON.stringify(result.fieldErrors)}`).toEqual([]);
        if (stringField && !hidden.has(stringField)) {
          const generic = (result.fieldErrors[stringField] ?? []).filter((key) => key === 'invalid');
          expect(generic, `${subject.name}: the generic message for the visible field ${stringField}`).toEqual([]);
        }
        const after = await writeCount(db);
        expect(after, `${subject.name}: a refusal wrote to the database`).toBe(before);
        known = after;
        profile.after += performance.now() - t;
      }),
      { numRuns: subject.runs ?? RUNS, endOnFailure: true },
    );
  } finally {
    if (process.env.PROPERTY_PROFILE) console.log(subject.name, JSON.stringify(profile, (_k, v) => (typeof v === 'number' ? Math.round(v) : v)));
    logged.mockRestore();
  }
  return tally;
}
