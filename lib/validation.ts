/**
 * Input rules shared by every schema (public and staff) and by the action pipeline (issue 12, review item 7): text
 * with a NUL byte or other control characters, and ids beyond PostgreSQL's integer range, are refused with a field
 * message before they reach the database (where they failed as an insert error that logged the whole row).
 */

/** The largest value of a PostgreSQL `integer` (int4): every id and version column. */
export const INT4_MAX = 2_147_483_647;

/** Control characters other than tab, line feed and carriage return (which multi-line text may hold). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Half of a surrogate pair without its other half: not a character at all, and PostgreSQL refuses it in JSON (22P02). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasControlChars(value: string): boolean {
  return CONTROL.test(value) || LONE_SURROGATE.test(value);
}

const MAX_DEPTH = 8;

/**
 * Every string in an action's raw input that holds a control character, as field errors (`controlChars`), or null.
 * Runs in the pipeline before any schema, so it covers every form, now and later, with the same message.
 */
export function controlCharErrors(raw: unknown): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  const walk = (value: unknown, path: string[], depth: number) => {
    if (typeof value === 'string') {
      if (hasControlChars(value)) errors[path.join('.') || '_form'] = ['controlChars'];
    } else if (value && typeof value === 'object' && depth < MAX_DEPTH && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype)) {
      // Plain objects and arrays only: file contents (Uint8Array) and other binary values are not text.
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key], depth + 1);
    }
  };
  walk(raw, [], 0);
  return Object.keys(errors).length > 0 ? errors : null;
}

/** A name that contains a link or web address ("Please log in at https://evil.example"): refused (review item 2). */
const LINK = /(https?:|ftp:|www\.|:\/\/|\b[a-z0-9-]+\.(?:[a-z]{2,}\.)*(?:com|net|org|nl|io|info|biz|ru|cn|xyz|top|app|dev|example|online|site|shop|link|click)\b)/i;

export function containsLink(value: string): boolean {
  return LINK.test(value);
}
