import { createTranslator } from 'next-intl';
import type { Locale } from '@/lib/procedure/vocabulary';

/**
 * One message text (ICU syntax, as in the message files: `{minutes, plural, one {# minuut} other {# minuten}}`) filled
 * in with its values, for client components that get the raw texts as props rather than through next-intl's hooks.
 */
export function formatTemplate(template: string, values: Record<string, string | number>, locale: Locale): string {
  const translate = createTranslator({ locale, messages: { text: template } });
  return (translate as unknown as (key: string, values: Record<string, string | number>) => string)('text', values);
}
