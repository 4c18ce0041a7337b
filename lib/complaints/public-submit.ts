import { botVerdict } from './form-stamp';
import { submitComplaint as submit } from './submit';

/**
 * The public complaint form's submission, as `POST /api/klachten` runs it (app/api/klachten/route.ts). A bot (honeypot
 * filled, no valid form stamp, or sent within seconds of the form being shown: ./form-stamp.ts) gets the neutral
 * refusal of a malformed form, and nothing is written; everything else goes through the action pipeline (./submit.ts).
 */
export async function submitComplaint(input: unknown) {
  if (botVerdict(input, new Date()) !== 'human') {
    return { ok: false as const, error: 'invalid' as const, fieldErrors: { _form: ['invalid'] } };
  }
  return submit(input);
}

/** The largest body `POST /api/klachten` reads: more than any complaint the form allows (texts of 5,000 and 2,000 characters). */
export const SUBMISSION_MAX_BYTES = 64 * 1024;

export type SubmissionResult = Awaited<ReturnType<typeof submitComplaint>>;
