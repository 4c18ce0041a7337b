/**
 * The inbox's free-text search: every word typed must begin a word of the complainant's name or a part of the
 * reference ("jans" finds Jansen, "van der" finds Van der Linden, "0042" and "KL-2026-0042" find KL-2026-0042).
 *
 * It runs on PostgreSQL's built-in full-text search ('simple' configuration: no stemming, no stop words, case folded by
 * the database) over a GIN index, so it stays fast with volume without a database extension; db/inbox.ts holds the
 * indexed expression. This module only turns the typed text into a tsquery.
 */

/** More words than this are ignored: a longer query only narrows further. */
export const MAX_SEARCH_WORDS = 8;

/** Reference numbers are padded to four digits (KL-2026-0042): "42" also looks for "0042". */
const REFERENCE_DIGITS = 4;

/** The words of a search text: runs of letters and digits (hyphens, dots, apostrophes and spaces separate them). */
export function searchWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_SEARCH_WORDS);
}

/**
 * A `to_tsquery('simple', …)` text matching documents that contain, for every word, a word starting with it; null when
 * the text has no words. Words consist of letters and digits only, so nothing needs quoting beyond the quotes added.
 */
export function toPrefixQuery(text: string): string | null {
  const words = searchWords(text);
  if (!words.length) return null;
  return words
    .map((word) => {
      const prefix = `'${word}':*`;
      if (!/^\d+$/.test(word) || word.length >= REFERENCE_DIGITS) return prefix;
      return `(${prefix} | '${word.padStart(REFERENCE_DIGITS, '0')}':*)`;
    })
    .join(' & ');
}
