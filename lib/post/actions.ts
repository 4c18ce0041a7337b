'use server';

import * as commands from './commands';

/**
 * The post room's server actions as the browser calls them (see ./commands.ts). Inputs are `unknown`: the browser is
 * not trusted.
 */

export async function markLetterPostedAction(input: unknown) {
  return commands.markLetterPosted(input);
}
export async function resendMailAction(input: unknown) {
  return commands.resendMail(input);
}
export async function sendMailByPostAction(input: unknown) {
  return commands.sendMailByPost(input);
}
