'use client';

import { type Control, type FieldValues, type Path, useWatch } from 'react-hook-form';
import { fillIn, formatCount, lengthBand, textLength } from '@/lib/complaints/text-length';

/** The message templates of the count; placeholders `{count}`, `{max}`, `{over}`. */
export type CharCountTexts = { count: string; over: string; near: string; overAnnounce: string };

/**
 * "1.234 van 5.000 tekens" under a long text field, red with "15.000 tekens te veel" when the text is too long. The
 * visible count is part of the field's description (read when the field gets focus); a separate polite live region
 * speaks only when the text comes near the limit or goes over it, once per change of band, not on every keystroke.
 * Watching the one field here keeps the rest of the form from re-rendering while the user types.
 */
export function CharCount<T extends FieldValues>({
  id,
  control,
  name,
  max,
  locale,
  texts,
}: {
  id: string;
  control: Control<T>;
  name: Path<T>;
  max: number;
  locale: string;
  texts: CharCountTexts;
}) {
  const value = useWatch({ control, name });
  const count = textLength(value);
  const band = lengthBand(count, max);
  const values = { count: formatCount(count, locale), max: formatCount(max, locale), over: formatCount(count - max, locale) };
  return (
    <>
      <span id={id} data-testid={`${name}-count`} className={`mt-1 block text-sm ${band === 'over' ? 'font-semibold text-red-700' : 'text-stone-700'}`}>
        {fillIn(texts.count, values)}
        {band === 'over' ? <> – {fillIn(texts.over, values)}</> : null}
      </span>
      <span className="sr-only" aria-live="polite">
        {band === 'near' ? fillIn(texts.near, values) : band === 'over' ? fillIn(texts.overAnnounce, values) : ''}
      </span>
    </>
  );
}
