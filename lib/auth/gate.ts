import type { Role } from '@/lib/procedure/vocabulary';
import { can, homeFor, isPublicBackofficePath, permissionForPath } from './policy';

export const SIGN_IN_PATH = '/beheer/inloggen';
export const CHANGE_PASSWORD_PATH = '/beheer/account/wachtwoord';
export const ACCESS_DENIED_PATH = '/beheer/geen-toegang';

export type GateUser = { role: Role; mustChangePassword: boolean } | null;

export type GateDecision =
  | { kind: 'allow' }
  | { kind: 'signIn' }
  | { kind: 'changePassword' }
  | { kind: 'denied' }
  | { kind: 'home'; path: string };

/** What the proxy does with a back-office request: pure, table-tested (gate.test.ts). */
export function backofficeDecision(path: string, user: GateUser): GateDecision {
  // The sign-in page itself sends signed-in users on, after checking them in the database (a cookie alone could be
  // stale: sending such a user from the sign-in page to a page that sends them back would loop).
  if (isPublicBackofficePath(path)) return { kind: 'allow' };
  if (!user) return { kind: 'signIn' };
  if (user.mustChangePassword && path !== CHANGE_PASSWORD_PATH) return { kind: 'changePassword' };
  if (path === ACCESS_DENIED_PATH) return { kind: 'allow' };
  const permission = permissionForPath(path);
  if (permission === null || can(user.role, permission)) return { kind: 'allow' };
  // The bare /beheer is the inbox; an admin, who has none, lands on the settings instead.
  if (path === '/beheer') return { kind: 'home', path: homeFor(user.role) };
  return { kind: 'denied' };
}
