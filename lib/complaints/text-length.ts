/**
 * The live character count under the long text fields of the complaint forms. Pure and tiny (no validation library),
 * so the public form can use it without growing its first load. Nothing is ever cut: a text over the limit is kept in
 * the field, the count shows how much too long it is and the schema refuses it (`tooLong`) in the browser and on the
 * server alike.
 */

/** From this share of the limit on, the count is announced to screen readers (not on every keystroke before). */
export const NEAR_SHARE = 0.9;

export type LengthBand = 'ok' | 'near' | 'over';

/**
 * The length as the schema counts it: the trimmed text, in UTF-16 code units (zod's `maxLength`, the browser's
 * `maxLength`). Counting the same way keeps the count and the server's refusal in step.
 */
export function textLength(value: unknown): number {
  return typeof value === 'string' ? value.trim().length : 0;
}

export function lengthBand(count: number, max: number): LengthBand {
  if (count > max) return 'over';
  if (count >= Math.ceil(max * NEAR_SHARE)) return 'near';
  return 'ok';
}

/** A whole number the way the locale writes it: 20.000 in Dutch, 20,000 in English. */
export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 0 }).format(n);
}

/** Fill `{name}` placeholders of a message from the message files (the public form has no ICU formatter). */
export function fillIn(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
