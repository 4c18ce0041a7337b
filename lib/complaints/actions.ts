'use server';

import { submitComplaint as submit } from './submit';

/** Server action behind the public complaint form. */
export async function submitComplaint(input: unknown) {
  return submit(input);
}
