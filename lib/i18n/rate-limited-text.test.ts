import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { formatTemplate } from './format-template';
import en from './messages/en.json';
import nl from './messages/nl.json';

/** "Probeer het over 1 minuten opnieuw" was wrong: the rate-limit message counts its minutes (ICU plural). */
describe('the rate-limit message', () => {
  const cases = [
    { locale: 'nl', messages: nl, minutes: 1, text: 'Er zijn nu te veel verzoeken binnengekomen. Probeer het over 1 minuut opnieuw.' },
    { locale: 'nl', messages: nl, minutes: 7, text: 'Er zijn nu te veel verzoeken binnengekomen. Probeer het over 7 minuten opnieuw.' },
    { locale: 'en', messages: en, minutes: 1, text: 'We have received too many requests just now. Please try again in 1 minute.' },
    { locale: 'en', messages: en, minutes: 60, text: 'We have received too many requests just now. Please try again in 60 minutes.' },
  ] as const;

  it.each(cases)('$locale, $minutes: through next-intl (server pages)', ({ locale, messages, minutes, text }) => {
    expect(createTranslator({ locale, messages, namespace: 'errors' })('rateLimited', { minutes })).toBe(text);
  });

  it.each(cases)('$locale, $minutes: from the raw text (client forms)', ({ locale, messages, minutes, text }) => {
    expect(formatTemplate(messages.errors.rateLimited, { minutes }, locale)).toBe(text);
  });
});
