'use server';

import { redirect } from 'next/navigation';
import { type FieldErrors } from '@/lib/actions/pipeline';
import { LOCALES, type Locale } from '@/lib/procedure/vocabulary';
import { statusPath } from './links';
import { requestStatusLink } from './lost-link';
import { judgeOutcome, requestForward } from './steps/satisfaction';

/**
 * The client's server actions on the public pages. The status link token is the credential (not a session); each runs
 * through the one action pipeline (lib/complaints/steps/define.ts defineClientStep, lib/complaints/lost-link.ts).
 * The status page's buttons are plain forms (they work without JavaScript): after the step the browser goes back to
 * the status page, with `?reactie=ok` or `?reactie=<refusal>` for the message.
 */

const field = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};
const localeOf = (data: FormData): Locale => (LOCALES.includes(field(data, 'locale') as Locale) ? (field(data, 'locale') as Locale) : 'nl');

/** Where the status page's message comes from: `ok`, a refusal key, or `unavailable`. */
function reaction(result: { ok: true } | { ok: false; error: string; fieldErrors: FieldErrors; retryAfterMinutes?: number }): string {
  if (result.ok) return 'ok';
  if (result.error === 'unavailable') return 'unavailable';
  if (result.error === 'limited') return `rateLimited-${Math.min(result.retryAfterMinutes ?? 1, 999)}`;
  return result.fieldErrors._form?.[0] ?? 'other';
}

function back(token: string, locale: Locale, outcome: string): never {
  // A token that is not a token never reaches a page: the status page answers it with "not found".
  const safe = /^[A-Za-z0-9_-]{43}$/.test(token) ? token : 'onbekend';
  redirect(`${statusPath(safe, locale)}?reactie=${encodeURIComponent(outcome)}#oordeel`);
}

/** "Ik ben tevreden" / "Ik ben niet tevreden" (form fields token, locale, satisfied = yes | no). */
export async function judgeOutcomeAction(data: FormData) {
  const token = field(data, 'token');
  const result = await judgeOutcome({ token, satisfied: field(data, 'satisfied') });
  back(token, localeOf(data), reaction(result));
}

/** "Vraag ons uw klacht door te sturen" (form fields token, locale). */
export async function requestForwardAction(data: FormData) {
  const token = field(data, 'token');
  const result = await requestForward({ token });
  back(token, localeOf(data), reaction(result));
}

/** What the lost-link form shows: the same "check your e-mail" whether anything matched or not. */
export type LostLinkState =
  | { state: 'idle' }
  | { state: 'done' }
  | { state: 'invalid'; fieldErrors: FieldErrors; values: { reference: string; email: string } }
  | { state: 'unavailable'; values: { reference: string; email: string }; retryAfterMinutes?: number };

/** The lost-link form (`/status/kwijt`): reference + e-mail address → a new link by mail when they match. */
export async function requestStatusLinkAction(_previous: LostLinkState, data: FormData): Promise<LostLinkState> {
  // Bounded before anything else: a field can be at most this long, whatever was posted.
  const values = { reference: field(data, 'reference').slice(0, 200), email: field(data, 'email').slice(0, 1000) };
  const result = await requestStatusLink({ ...values, locale: localeOf(data) });
  if (result.ok) return { state: 'done' };
  if (result.error === 'invalid') return { state: 'invalid', fieldErrors: result.fieldErrors, values };
  if (result.error === 'limited') return { state: 'unavailable', values, retryAfterMinutes: result.retryAfterMinutes ?? 1 };
  return { state: 'unavailable', values };
}
