'use server';

import { addInvolved, assign, recuse, removeInvolved } from './assignment';
import { declareNotAdmissible, extend, reopen } from './decision';
import { planHearing, recordAnswer, recordHearing, requestInfo, sendCopy, skipHearing } from './inquiry';
import { acknowledge, withdraw } from './intake';
import { escalate, linkParty, recordPartyResponse, resolve } from './resolution';

/**
 * The steps on a complaint file as the browser calls them. Each runs through `defineStep` (./define.ts): role → zod →
 * lock + version → transition table and guards → one transaction with history and mail. Inputs are `unknown`: the
 * browser is not trusted.
 */

export async function acknowledgeAction(input: unknown) {
  return acknowledge(input);
}
export async function withdrawAction(input: unknown) {
  return withdraw(input);
}

export async function assignAction(input: unknown) {
  return assign(input);
}
export async function recuseAction(input: unknown) {
  return recuse(input);
}
export async function addInvolvedAction(input: unknown) {
  return addInvolved(input);
}
export async function removeInvolvedAction(input: unknown) {
  return removeInvolved(input);
}

export async function declareNotAdmissibleAction(input: unknown) {
  return declareNotAdmissible(input);
}
export async function extendAction(input: unknown) {
  return extend(input);
}
export async function reopenAction(input: unknown) {
  return reopen(input);
}
export async function requestInfoAction(input: unknown) {
  return requestInfo(input);
}
export async function recordAnswerAction(input: unknown) {
  return recordAnswer(input);
}
export async function sendCopyAction(input: unknown) {
  return sendCopy(input);
}
export async function planHearingAction(input: unknown) {
  return planHearing(input);
}
export async function recordHearingAction(input: unknown) {
  return recordHearing(input);
}
export async function skipHearingAction(input: unknown) {
  return skipHearing(input);
}
export async function resolveAction(input: unknown) {
  return resolve(input);
}
export async function linkPartyAction(input: unknown) {
  return linkParty(input);
}
export async function escalateAction(input: unknown) {
  return escalate(input);
}
export async function recordPartyResponseAction(input: unknown) {
  return recordPartyResponse(input);
}
