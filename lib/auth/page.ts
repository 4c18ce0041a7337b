import { redirect } from 'next/navigation';
import { type Actor, currentActor } from './actor';
import { ACCESS_DENIED_PATH, CHANGE_PASSWORD_PATH, SIGN_IN_PATH } from './gate';
import { can, type Permission } from './policy';

/**
 * For back-office pages: the signed-in actor with this permission, or a redirect (sign in / access denied). The proxy
 * checks the same before the page runs; this second check makes a page safe on its own.
 */
export async function requireActor(permission: Permission, options: { allowPasswordChange?: boolean } = {}): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(SIGN_IN_PATH);
  if (actor.mustChangePassword && !options.allowPasswordChange) redirect(CHANGE_PASSWORD_PATH);
  if (!can(actor.role, permission)) redirect(ACCESS_DENIED_PATH);
  return actor;
}
