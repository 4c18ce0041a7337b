'use server';

import { botVerdict } from './form-stamp';
import { submitComplaint as submit } from './submit';

/**
 * Server action behind the public complaint form. A bot (honeypot filled, no valid form stamp, or sent within seconds
 * of the form being shown: ./form-stamp.ts) gets the neutral refusal of a malformed form, and nothing is written.
 */
export async function submitComplaint(input: unknown) {
  if (botVerdict(input, new Date()) !== 'human') {
    return { ok: false as const, error: 'invalid' as const, fieldErrors: { _form: ['invalid'] } };
  }
  return submit(input);
}
