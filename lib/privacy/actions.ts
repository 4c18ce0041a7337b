'use server';

import * as commands from './commands';

/**
 * The privacy requests' server actions as the browser calls them (managers and admins; see ./commands.ts). Inputs are
 * `unknown`: the browser is not trusted.
 */

export async function registerPrivacyRequestAction(input: unknown) {
  return commands.registerPrivacyRequest(input);
}
export async function suggestPrivacyComplaintsAction(input: unknown) {
  return commands.suggestPrivacyComplaints(input);
}
export async function extendPrivacyRequestAction(input: unknown) {
  return commands.extendPrivacyRequest(input);
}
export async function refusePrivacyRequestAction(input: unknown) {
  return commands.refusePrivacyRequest(input);
}
export async function completePrivacyRequestAction(input: unknown) {
  return commands.completePrivacyRequest(input);
}
export async function correctPrivacyContactsAction(input: unknown) {
  return commands.correctPrivacyContacts(input);
}
export async function erasePrivacyComplaintsAction(input: unknown) {
  return commands.erasePrivacyComplaints(input);
}
