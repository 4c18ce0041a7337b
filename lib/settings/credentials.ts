import { randomBytes, randomInt } from 'node:crypto';
import { hashToken } from '@/lib/server/tokens';

/** Server-only: one-time passwords and invitation tokens for new or reset accounts. */

/** Letters and digits that cannot be mistaken for each other when read aloud or copied from a screen (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A one-time password: four groups of four ("k7mp-x3qa-9vtr-h2wd"), 19 characters, about 79 bits of randomness.
 * Shown once to the admin; the user must replace it at the first sign-in.
 */
export function generateOneTimePassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  return groups.join('-');
}

/** How long an invitation link stays valid. */
export const INVITE_VALID_DAYS = 7;

/** A new invitation: the token goes into the link (shown once and mailed), only its SHA-256 hash is stored. */
export function newInvite(now: Date): { token: string; tokenHash: string; expiresAt: Date } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + INVITE_VALID_DAYS * 86_400_000) };
}

export const invitePath = (token: string) => `/beheer/uitnodiging/${token}`;

export type InviteState = 'valid' | 'expired' | 'used' | 'inactive';

/** Whether an invitation can still be used: not used before, not expired, and the account still active. */
export function inviteState(invite: { expiresAt: Date; usedAt: Date | null; userActive: boolean }, now: Date): InviteState {
  if (invite.usedAt) return 'used';
  if (!invite.userActive) return 'inactive';
  if (invite.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}
