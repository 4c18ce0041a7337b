import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/**
 * Password strength (issue 12), server-side only (the dictionaries are large: never import this from a client
 * component or from lib/auth/schemas.ts). zxcvbn-ts with the common-password and name dictionaries; a new password
 * needs score ≥ 3 ("safely unguessable") and must not lean on the user's own name, e-mail address or the
 * organisation's name. The refusal is a message key (`errors.<key>`), chosen from zxcvbn's own warning.
 */
export const MIN_SCORE = 3;

let factory: ZxcvbnFactory | null = null;
const zxcvbn = () => (factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }));

export type WeakPassword = 'passwordWeak' | 'passwordWeakRepeat' | 'passwordWeakCommon' | 'passwordWeakPersonal';

const REPEAT_WARNINGS = new Set(['simpleRepeat', 'extendedRepeat', 'sequences', 'straightRow', 'keyPattern']);
const COMMON_WARNINGS = new Set(['topTen', 'topHundred', 'common', 'similarToCommon', 'pwned', 'wordByItself', 'namesByThemselves', 'commonNames']);

/** The words a user's password must not lean on: their name, e-mail address (and its parts), the organisation. */
export function personalWords(i: { name?: string; email?: string; organisation?: string }): string[] {
  const words = [i.name, i.email, i.email?.split('@')[0], i.organisation, 'klachtloket'];
  for (const text of [i.name, i.organisation, i.email?.split('@')[0]]) words.push(...(text ?? '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3));
  return [...new Set(words.filter((w): w is string => !!w).map((w) => w.toLowerCase()))];
}

/** Null when the password is strong enough, else why not (a message key). */
export function weakPassword(password: string, userInputs: readonly string[] = []): WeakPassword | null {
  const result = zxcvbn().check(password, [...userInputs]);
  const lower = password.toLowerCase();
  const personal =
    result.feedback.warning === 'userInputs' ||
    result.sequence.some((m) => 'dictionaryName' in m && m.dictionaryName === 'userInputs') ||
    userInputs.some((word) => word.length >= 4 && lower.includes(word.toLowerCase()));
  if (result.score >= MIN_SCORE && !personal) return null;
  if (personal) return 'passwordWeakPersonal';
  const warning = result.feedback.warning ?? '';
  if (REPEAT_WARNINGS.has(warning)) return 'passwordWeakRepeat';
  if (COMMON_WARNINGS.has(warning)) return 'passwordWeakCommon';
  return 'passwordWeak';
}
