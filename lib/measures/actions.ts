'use server';

import * as commands from './commands';

/**
 * The measures register's server actions as the browser calls them (managers only; see ./commands.ts). Inputs are
 * `unknown`: the browser is not trusted.
 */

export async function createMeasureAction(input: unknown) {
  return commands.createMeasure(input);
}
export async function updateMeasureAction(input: unknown) {
  return commands.updateMeasureDetails(input);
}
export async function changeMeasureStatusAction(input: unknown) {
  return commands.changeMeasureStatus(input);
}
export async function linkComplaintAction(input: unknown) {
  return commands.linkComplaint(input);
}
export async function unlinkComplaintAction(input: unknown) {
  return commands.unlinkComplaint(input);
}
