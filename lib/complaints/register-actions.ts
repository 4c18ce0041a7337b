'use server';

import { registerComplaint as register } from './register';

/** Server action behind the back-office form "Klacht registreren" (access checked inside the action). */
export async function registerComplaintAction(input: unknown) {
  return register(input);
}
