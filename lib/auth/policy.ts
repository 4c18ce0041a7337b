import type { Role } from '@/lib/procedure/vocabulary';

/**
 * Who may do what in the back-office: the one place where roles meet permissions. Pure; used by `proxy.ts` for
 * pages, by the action pipeline for every server action, and by route handlers.
 *
 * - admin: users and settings (no access to complaints: least privilege for personal data)
 * - manager: everything in complaints, assignment, measures, reports
 * - handler: the complaints assigned to them, registering new ones
 */
export const PERMISSIONS = {
  /** Open the inbox and complaint files (handlers: only their own, see `canSeeComplaint`). */
  'complaints.read': ['manager', 'handler'],
  /** See every complaint, not only one's own. */
  'complaints.readAll': ['manager'],
  /** Register a complaint that came in by phone, e-mail or post. */
  'complaints.register': ['manager', 'handler'],
  /** Assign and reassign handlers. */
  'complaints.assign': ['manager'],
  /** Take up a resolved complaint again. */
  'complaints.reopen': ['manager'],
  'measures.manage': ['manager'],
  'reports.read': ['manager'],
  /** Who opened a complaint file (the access log on the file, issue 12); admins never open files, managers do. */
  'privacy.accessLog': ['manager', 'admin'],
  /** Privacy requests (AVG access, correction, erasure): register, export, correct, erase (issue 12). */
  'privacy.manage': ['admin', 'manager'],
  /** Users, categories, staff, contracting parties, organisation details, procedure terms. */
  'settings.manage': ['admin'],
  /** One's own account: change password, sign out. */
  'account.manage': ['admin', 'manager', 'handler'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Back-office pages anyone may open (signing in, accepting an invitation). */
export const PUBLIC_BACKOFFICE_PATHS = ['/beheer/inloggen', '/beheer/uitnodiging'] as const;

/** Back-office pages by path prefix, most specific first. */
const PAGE_RULES: readonly { prefix: string; permission: Permission }[] = [
  { prefix: '/beheer/instellingen', permission: 'settings.manage' },
  { prefix: '/beheer/klachten/nieuw', permission: 'complaints.register' },
  { prefix: '/beheer/klachten', permission: 'complaints.read' },
  { prefix: '/beheer/maatregelen', permission: 'measures.manage' },
  { prefix: '/beheer/rapportage', permission: 'reports.read' },
  { prefix: '/beheer/bewaartermijn', permission: 'reports.read' },
  { prefix: '/beheer/privacy', permission: 'privacy.manage' },
  { prefix: '/beheer/account', permission: 'account.manage' },
  { prefix: '/beheer/geen-toegang', permission: 'account.manage' },
  { prefix: '/beheer', permission: 'complaints.read' },
];

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

export function isPublicBackofficePath(path: string): boolean {
  return PUBLIC_BACKOFFICE_PATHS.some((prefix) => under(path, prefix));
}

/** The permission a back-office page needs, or null for a public one. */
export function permissionForPath(path: string): Permission | null {
  if (isPublicBackofficePath(path)) return null;
  return PAGE_RULES.find((rule) => under(path, rule.prefix))?.permission ?? 'complaints.read';
}

/** Where a role lands after signing in (and when it opens a page it may not see). */
export function homeFor(role: Role): string {
  return can(role, 'complaints.read') ? '/beheer' : '/beheer/instellingen';
}

export type ComplaintAccessFacts = { handlerId: number | null; registeredBy: number | null };

/**
 * Managers see every complaint. A handler sees the complaints assigned to them, and a complaint they registered
 * themselves until someone else is assigned to it. Admins see none.
 */
export function canSeeComplaint(actor: { id: number; role: Role }, complaint: ComplaintAccessFacts): boolean {
  if (can(actor.role, 'complaints.readAll')) return true;
  if (!can(actor.role, 'complaints.read')) return false;
  return complaint.handlerId === actor.id || (complaint.handlerId === null && complaint.registeredBy === actor.id);
}

/** A safe place to return to after signing in: only back-office paths of this site. */
export function safeCallbackPath(raw: string | null | undefined): string | null {
  if (!raw || !raw.startsWith('/beheer') || raw.startsWith('//') || raw.includes('\\')) return null;
  if (isPublicBackofficePath(raw.split('?')[0]!)) return null;
  return raw;
}
