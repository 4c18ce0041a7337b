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
  if (isPublicBackofficePath(path)) {
    // Signed-in users who open the sign-in page go to their start page.
    return user && path.startsWith(SIGN_IN_PATH) ? { kind: 'home', path: homeFor(user.role) } : { kind: 'allow' };
  }
  if (!user) return { kind: 'signIn' };
  if (user.mustChangePassword && path !== CHANGE_PASSWORD_PATH) return { kind: 'changePassword' };
  if (path === ACCESS_DENIED_PATH) return { kind: 'allow' };
  const permission = permissionForPath(path);
  if (permission === null || can(user.role, permission)) return { kind: 'allow' };
  // The bare /beheer is the inbox; an admin, who has none, lands on the settings instead.
  if (path === '/beheer') return { kind: 'home', path: homeFor(user.role) };
  return { kind: 'denied' };
}
