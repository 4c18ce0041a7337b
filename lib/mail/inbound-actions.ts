'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult, FieldErrors } from '@/lib/actions/pipeline';
import type { Registration } from '@/lib/complaints/register';
import { markMailNoComplaint, registerFromMail } from './inbound-drafts';

/** Server actions behind the draft page of a mail that came in (access checked inside the actions). */

/** The registration form's errors under its own field names (without the `registration.` of the action's input). */
function formErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([key, value]) => [key.replace(/^registration\./, ''), value]));
}

export async function registerFromMailAction(mailId: number, input: unknown): Promise<ActionResult<Registration>> {
  const result = await registerFromMail({ mailId: String(mailId), registration: input });
  if (!result.ok) return { ...result, fieldErrors: formErrors(result.fieldErrors) };
  revalidatePath('/beheer');
  return result;
}

export async function markMailNoComplaintAction(input: unknown) {
  const result = await markMailNoComplaint(input);
  if (result.ok) revalidatePath('/beheer');
  return result;
}
