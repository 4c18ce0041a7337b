// Pure parts of the fault tests (scripts/faults.ts): reading a server action's answer as the browser does, judging it,
// and checking the reference numbers. Unit-tested in checks.test.ts.

/**
 * The value a server action returned, from the React Flight answer Next sends (`text/x-component`): row 0 names the
 * row that holds the action's result (`"a":"$@1"`). Undefined when the answer is not such a stream.
 */
export function actionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  const head = rows.get('0');
  if (!head) return undefined;
  try {
    const root = JSON.parse(head) as { a?: unknown };
    const ref = typeof root.a === 'string' ? /^\$@([0-9a-f]+)$/.exec(root.a) : null;
    if (!ref) return root.a;
    const row = rows.get(ref[1]!);
    return row === undefined ? undefined : JSON.parse(row);
  } catch {
    return undefined;
  }
}

export type Answer = { status: number; contentType: string; body: string } | { networkError: string };

/** How a request ended, as the user would see it. */
export type Outcome =
  | { kind: 'confirmed'; data: Record<string, unknown> }
  /** A refusal the form shows as a clear "probeer het (over …) opnieuw" (unavailable, limited) or conflict. */
  | { kind: 'refused'; error: string }
  /** Anything else: a 500, an empty or unreadable answer, a lost connection, an unexpected error. */
  | { kind: 'broken'; detail: string };

/** The errors the forms turn into a clear message to try again (see the `unavailable` and `rateLimited` texts). */
const TRY_AGAIN = new Set(['unavailable', 'limited']);

/** The route's statuses that carry a refusal the form shows (app/api/klachten/route.ts): 429 limited, 503 unavailable. */
const JSON_REFUSALS = new Set([429, 503]);

export function judge(answer: Answer, alsoAcceptable: readonly string[] = []): Outcome {
  if ('networkError' in answer) return { kind: 'broken', detail: `no answer: ${answer.networkError}` };
  const short = answer.body.slice(0, 200).replace(/\s+/g, ' ');
  // A route handler's JSON answer (the public complaint form posts to /api/klachten).
  if (answer.contentType.includes('application/json') && (answer.status === 200 || JSON_REFUSALS.has(answer.status))) return judgeResult(tryJson(answer.body), short, alsoAcceptable);
  if (answer.status !== 200) return { kind: 'broken', detail: `HTTP ${answer.status}: ${short}` };
  if (!answer.contentType.includes('text/x-component')) return { kind: 'broken', detail: `content type ${answer.contentType}: ${short}` };
  return judgeResult(actionResult(answer.body), short, alsoAcceptable);
}

function tryJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function judgeResult(value: unknown, short: string, alsoAcceptable: readonly string[]): Outcome {
  const result = value as { ok?: unknown; data?: unknown; error?: unknown } | undefined;
  if (!result || typeof result !== 'object') return { kind: 'broken', detail: `no action result: ${short}` };
  if (result.ok === true) return { kind: 'confirmed', data: (result.data ?? {}) as Record<string, unknown> };
  const error = String(result.error);
  if (TRY_AGAIN.has(error) || alsoAcceptable.includes(error)) return { kind: 'refused', error };
  return { kind: 'broken', detail: `unexpected answer: ${JSON.stringify(result).slice(0, 200)}` };
}

/** Per year: references used twice, numbers skipped, and whether the year's counter stands at the highest number. */
export function referenceProblems(references: readonly string[], counters: ReadonlyMap<number, number>): string[] {
  const byYear = new Map<number, number[]>();
  const problems: string[] = [];
  for (const reference of references) {
    const match = /^KL-(\d{4})-(\d+)$/.exec(reference);
    if (!match) {
      problems.push(`malformed reference ${reference}`);
      continue;
    }
    const year = Number(match[1]);
    (byYear.get(year) ?? byYear.set(year, []).get(year)!).push(Number(match[2]));
  }
  for (const [year, numbers] of [...byYear].sort(([a], [b]) => a - b)) {
    numbers.sort((a, b) => a - b);
    const seen = new Set<number>();
    for (const n of numbers) {
      if (seen.has(n)) problems.push(`${year}: number ${n} used twice`);
      seen.add(n);
    }
    const max = numbers[numbers.length - 1] ?? 0;
    const missing: number[] = [];
    for (let n = 1; n <= max; n++) if (!seen.has(n)) missing.push(n);
    if (missing.length) problems.push(`${year}: numbers skipped: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ` … (${missing.length})` : ''}`);
    if (counters.get(year) !== max) problems.push(`${year}: counter at ${counters.get(year) ?? 'none'}, highest reference ${max}`);
  }
  for (const [year, last] of counters) if (!byYear.has(year)) problems.push(`${year}: counter at ${last} without references`);
  return problems;
}
