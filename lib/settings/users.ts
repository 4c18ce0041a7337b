import { setPassword } from '@/db/auth';
import type { Tx } from '@/db/client';
import {
  countActiveAdmins,
  deleteUserRow,
  emailInUse,
  enqueueAccountMail,
  expireOpenInvites,
  insertInvite,
  insertUser,
  lockInviteByHash,
  lockSettings,
  lockUser,
  markInviteUsed,
  organisationOrDefault,
  updateUserActive,
  updateUserDetails as storeUserDetails,
  updateUserRole,
  userReferences,
  type UserRow,
} from '@/db/settings';
import { defineAction, ruleViolation } from '@/lib/actions/pipeline';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/passwords';
import { personalWords, weakPassword } from '@/lib/auth/strength';
import { deliverOutboxAfterResponse } from '@/lib/mail/schedule';
import { appUrl } from '@/lib/server/env';
import { hashToken } from '@/lib/server/tokens';
import { generateOneTimePassword, invitePath, inviteState, newInvite } from './credentials';
import { inviteMessage } from './invite-mail';
import { mailAdminsOnComplaintAccess, recordSettingsChange } from './history';
import { existing } from './records';
import { type UserChange, userChangeRefusal } from './rules';
import {
  acceptInviteSchema,
  changeRoleSchema,
  createUserSchema,
  deleteUserSchema,
  resetPasswordSchema,
  setUserActiveSchema,
  updateUserDetailsSchema,
  type UserCreationMethod,
} from './schemas';

/**
 * What the admin sees once after creating a user or resetting a password: the one-time password, or the invitation
 * link (also mailed). Neither is stored: only the password's argon2id hash and the link's SHA-256.
 */
export type IssuedCredentials =
  | { userId: number; name: string; email: string; method: 'password'; password: string }
  | { userId: number; name: string; email: string; method: 'invite'; url: string; expiresAt: string };

async function issueInvite(tx: Tx, user: { id: number; name: string; email: string }, actor: Actor, now: Date): Promise<IssuedCredentials> {
  await expireOpenInvites(tx, user.id, now);
  const invite = newInvite(now);
  await insertInvite(tx, { userId: user.id, tokenHash: invite.tokenHash, expiresAt: invite.expiresAt, createdBy: actor.id, createdAt: now });
  const url = appUrl() + invitePath(invite.token);
  const message = inviteMessage({ name: user.name, url, expiresAt: invite.expiresAt, invitedBy: actor.name, organisation: await organisationOrDefault(tx) });
  await enqueueAccountMail(tx, { kind: 'invite', recipient: user.email, subject: message.subject, bodyText: message.text, at: now });
  return { userId: user.id, name: user.name, email: user.email, method: 'invite', url, expiresAt: invite.expiresAt.toISOString() };
}

/** Loads and locks the user an action is about, after taking the users lock; refuses when it does not exist. */
async function targetUser(tx: Tx, userId: number): Promise<UserRow> {
  await lockSettings(tx, 'users');
  return existing(lockUser(tx, userId));
}

/** The user a change is about (loaded and locked, see targetUser), once the rules allow the actor that change. */
async function userToChange(tx: Tx, actor: Actor, userId: number, change: UserChange, field: string): Promise<UserRow> {
  const user = await targetUser(tx, userId);
  const refusal = userChangeRefusal(actor.id, user, change, await countActiveAdmins(tx));
  if (refusal) throw ruleViolation(field, refusal);
  return user;
}

/**
 * Refuses an e-mail address that another account already has, in any case. The caller holds the users lock
 * (lockSettings(tx, 'users'), also taken by targetUser), so two admins cannot both give out the same address.
 */
async function refuseTakenEmail(tx: Tx, email: string): Promise<void> {
  if (await emailInUse(tx, email)) throw ruleViolation('email', 'emailTaken');
}

/** A new back-office user, with a one-time password (must be changed at the first sign-in) or an invitation link. */
export const createUser = defineAction({
  name: 'createUser',
  access: 'settings.manage',
  schema: createUserSchema,
  async run(tx, input, { now, actor }): Promise<IssuedCredentials> {
    await lockSettings(tx, 'users');
    await refuseTakenEmail(tx, input.email);
    const base = { name: input.name, email: input.email, role: input.role, createdAt: now };
    const created = async (userId: number) => {
      const after = { name: input.name, email: input.email, role: input.role, active: true, method: input.method };
      await recordSettingsChange(tx, { actor, at: now, kind: 'user', action: 'create', subject: { id: userId, label: input.name }, before: null, after });
      await mailAdminsOnComplaintAccess(tx, { user: input, role: input.role, previousRole: null, actor, at: now });
    };
    if (input.method === 'password') {
      const password = generateOneTimePassword();
      const userId = await insertUser(tx, { ...base, passwordHash: await hashPassword(password), mustChangePassword: true });
      await created(userId);
      return { userId, name: input.name, email: input.email, method: 'password', password };
    }
    const userId = await insertUser(tx, { ...base, passwordHash: null, mustChangePassword: false });
    await created(userId);
    return issueInvite(tx, { id: userId, name: input.name, email: input.email }, actor, now);
  },
  // The invitation, and the admins' notice of a role that reads complaints.
  after: () => deliverOutboxAfterResponse(),
});

/** Another role; the user's sessions end at once (they sign in again and get the new menu). */
export const changeUserRole = defineAction({
  name: 'changeUserRole',
  access: 'settings.manage',
  schema: changeRoleSchema,
  async run(tx, input, { now, actor }) {
    const user = await userToChange(tx, actor, input.userId, { kind: 'role', role: input.role }, 'role');
    if (user.role === input.role) return { changed: false };
    await updateUserRole(tx, user.id, input.role);
    await recordSettingsChange(tx, { actor, at: now, kind: 'user', action: 'role', subject: { id: user.id, label: user.name }, before: { role: user.role }, after: { role: input.role } });
    await mailAdminsOnComplaintAccess(tx, { user, role: input.role, previousRole: user.role, actor, at: now });
    return { changed: true };
  },
  after: (data) => {
    if (data.changed) deliverOutboxAfterResponse();
  },
});

/**
 * A corrected name and/or e-mail address (stored in lower case, unique whatever its case). A new e-mail address ends
 * the user's sessions: they sign in again with it (also an admin correcting their own). A new name alone does not.
 */
export const updateUserDetails = defineAction({
  name: 'updateUserDetails',
  access: 'settings.manage',
  schema: updateUserDetailsSchema,
  async run(tx, input, { now, actor }) {
    const user = await userToChange(tx, actor, input.userId, { kind: 'details' }, '_form');
    // Only the case differs (an address stored before addresses were lower-cased): the same address, no new sign-in.
    const emailChanged = user.email.toLowerCase() !== input.email;
    if (emailChanged) await refuseTakenEmail(tx, input.email);
    const changed = emailChanged || user.name !== input.name || user.email !== input.email;
    if (!changed) return { changed: false, signedOut: false };
    await storeUserDetails(tx, user.id, { name: input.name, email: input.email }, emailChanged);
    await recordSettingsChange(tx, {
      actor,
      at: now,
      kind: 'user',
      action: 'details',
      subject: { id: user.id, label: input.name },
      before: { name: user.name, email: user.email },
      after: { name: input.name, email: input.email },
    });
    return { changed: true, signedOut: emailChanged };
  },
});

/** Deactivate (the user is signed out at once and can no longer sign in) or reactivate an account. */
export const setUserActive = defineAction({
  name: 'setUserActive',
  access: 'settings.manage',
  schema: setUserActiveSchema,
  async run(tx, input, { now, actor }) {
    const user = await userToChange(tx, actor, input.userId, { kind: input.active ? 'reactivate' : 'deactivate' }, '_form');
    if (user.active === input.active) return { changed: false };
    await updateUserActive(tx, user.id, input.active);
    await recordSettingsChange(tx, {
      actor,
      at: now,
      kind: 'user',
      action: input.active ? 'reactivate' : 'deactivate',
      subject: { id: user.id, label: user.name },
      before: { active: user.active },
      after: { active: input.active },
    });
    return { changed: true };
  },
});

/** A new one-time password or a new invitation for someone who lost theirs; their sessions end (new password). */
export const resetUserPassword = defineAction({
  name: 'resetUserPassword',
  access: 'settings.manage',
  schema: resetPasswordSchema,
  async run(tx, input, { now, actor }): Promise<IssuedCredentials> {
    const user = await targetUser(tx, input.userId);
    if (user.id === actor.id) throw ruleViolation('_form', 'resetOwnPassword');
    if (!user.active) throw ruleViolation('_form', 'userInactive');
    // Only how the new credentials went out: never the password, its hash or the link.
    await recordSettingsChange(tx, { actor, at: now, kind: 'user', action: 'reset', subject: { id: user.id, label: user.name }, before: { method: null }, after: { method: input.method } });
    return issue(tx, user, input.method, actor, now);
  },
  after: (data) => {
    if (data.method === 'invite') deliverOutboxAfterResponse();
  },
});

async function issue(tx: Tx, user: UserRow, method: UserCreationMethod, actor: Actor, now: Date): Promise<IssuedCredentials> {
  if (method === 'invite') return issueInvite(tx, user, actor, now);
  await expireOpenInvites(tx, user.id, now);
  const password = generateOneTimePassword();
  await setPassword(tx, user.id, await hashPassword(password), true);
  return { userId: user.id, name: user.name, email: user.email, method: 'password', password };
}

/** Foreign-key violation: someone refers to the user after all (a table the reference check did not know). */
function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '23503') return true;
  }
  return false;
}

/** Deletes an account that was never used anywhere (a typo, a mistaken invitation). Anyone else: deactivate. */
export const deleteUser = defineAction({
  name: 'deleteUser',
  access: 'settings.manage',
  schema: deleteUserSchema,
  async run(tx, input, { now, actor }) {
    const user = await userToChange(tx, actor, input.userId, { kind: 'delete' }, '_form');
    if ((await userReferences(tx, [user.id])).size > 0) throw ruleViolation('_form', 'userReferenced');
    try {
      await tx.transaction((savepoint) => deleteUserRow(savepoint, user.id));
    } catch (error) {
      if (isForeignKeyViolation(error)) throw ruleViolation('_form', 'userReferenced');
      throw error;
    }
    await recordSettingsChange(tx, {
      actor,
      at: now,
      kind: 'user',
      action: 'delete',
      subject: { id: user.id, label: user.name },
      before: { name: user.name, email: user.email, role: user.role },
      after: null,
    });
    return { deleted: user.id };
  },
});

/** A new user follows their invitation link and chooses a password; the link works once, for seven days. */
export const acceptInvite = defineAction({
  name: 'acceptInvite',
  access: 'public',
  schema: acceptInviteSchema,
  async run(tx, input, { now }) {
    const invite = await lockInviteByHash(tx, hashToken(input.token));
    if (!invite) throw ruleViolation('_form', 'inviteInvalid');
    const state = inviteState(invite, now);
    if (state !== 'valid') throw ruleViolation('_form', `invite${state[0]!.toUpperCase()}${state.slice(1)}`);
    const weak = weakPassword(input.password, personalWords({ name: invite.userName, email: invite.userEmail, organisation: (await organisationOrDefault(tx)).name }));
    if (weak) throw ruleViolation('password', weak);
    await setPassword(tx, invite.userId, await hashPassword(input.password), false);
    await markInviteUsed(tx, invite.id, now);
    await expireOpenInvites(tx, invite.userId, now);
    return { email: invite.userEmail };
  },
});
