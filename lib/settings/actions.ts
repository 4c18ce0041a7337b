'use server';

import { loggableError } from '@/lib/server/log-error';
import { unstable_rethrow } from 'next/navigation';
import { signIn } from '@/lib/auth/config';
import * as lists from './lists';
import { thenRevalidatePublicPages } from './public-pages';
import { saveOrganisationSettings } from './organisation';
import { saveProcedureTerms } from './terms';
import * as users from './users';

/**
 * The settings' server actions as the browser calls them. Each one runs through `defineAction` (lib/actions/pipeline.ts):
 * signed in with 'settings.manage' (admins) → zod → rules → one transaction. Inputs are `unknown`: the browser is not trusted.
 */

export async function createUserAction(input: unknown) {
  return users.createUser(input);
}
export async function changeUserRoleAction(input: unknown) {
  return users.changeUserRole(input);
}
export async function updateUserDetailsAction(input: unknown) {
  return users.updateUserDetails(input);
}
export async function setUserActiveAction(input: unknown) {
  return users.setUserActive(input);
}
export async function resetUserPasswordAction(input: unknown) {
  return users.resetUserPassword(input);
}
export async function deleteUserAction(input: unknown) {
  return users.deleteUser(input);
}

/** Public: sets the password through an invitation link, then signs the new user in. */
export async function acceptInviteAction(input: unknown) {
  const result = await users.acceptInvite(input);
  if (!result.ok) return result;
  let signedIn = false;
  try {
    await signIn('credentials', { email: result.data.email, password: (input as { password: string }).password, redirect: false });
    signedIn = true;
  } catch (error) {
    unstable_rethrow(error);
    console.error('[acceptInvite] signing in failed:', loggableError(error));
  }
  return { ok: true as const, data: { signedIn } };
}

export async function createCategoryAction(input: unknown) {
  return thenRevalidatePublicPages(await lists.createCategory(input));
}
export async function renameCategoryAction(input: unknown) {
  return thenRevalidatePublicPages(await lists.renameCategory(input));
}
export async function moveCategoryAction(input: unknown) {
  return thenRevalidatePublicPages(await lists.moveCategory(input));
}
export async function setCategoryActiveAction(input: unknown) {
  return thenRevalidatePublicPages(await lists.setCategoryActive(input));
}

export async function saveStaffAction(input: unknown) {
  return thenRevalidatePublicPages(await lists.saveStaff(input));
}
export async function setStaffActiveAction(input: unknown) {
  return thenRevalidatePublicPages(await lists.setStaffActive(input));
}

export async function savePartyAction(input: unknown) {
  return lists.saveParty(input);
}
export async function setPartyActiveAction(input: unknown) {
  return lists.setPartyActive(input);
}

export async function saveOrganisationAction(input: unknown) {
  return thenRevalidatePublicPages(await saveOrganisationSettings(input));
}

export async function saveProcedureTermsAction(input: unknown) {
  return thenRevalidatePublicPages(await saveProcedureTerms(input));
}
