/**
 * What the server log may say about an error (issue 12, review item 7): never the SQL parameters, which hold names,
 * e-mail addresses and complaint text. A database error is logged as its class and SQLSTATE code only (plus the
 * constraint name); any other error as its class and message, with a failed query's text cut off.
 */
export function loggableError(error: unknown): string {
  let name = error instanceof Error ? error.name : typeof error;
  let code: string | null = null;
  let constraint: string | null = null;
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const candidate = (e as { code?: unknown }).code;
    if (!code && typeof candidate === 'string' && /^[0-9A-Z]{5}$/.test(candidate)) {
      code = candidate;
      if (e instanceof Error) name = `${name}/${e.name}`;
    }
    const c = (e as { constraint?: unknown }).constraint;
    if (!constraint && typeof c === 'string') constraint = c;
  }
  if (code) return `${name} sqlstate=${code}${constraint ? ` constraint=${constraint}` : ''}`;
  const message = error instanceof Error ? error.message : String(error);
  if (/failed query|params:|insert into|update |select /i.test(message)) return `${name} (query failed; parameters not logged)`;
  return `${name}: ${message.slice(0, 200)}`;
}
