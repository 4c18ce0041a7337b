import type { Role } from '@/lib/procedure/vocabulary';
import { CATEGORY_CODE_MAX, CATEGORY_CODE_PATTERN } from './schemas';

/** The settings' rules: pure functions, table-tested in rules.test.ts; the actions check them inside their transaction. */

export type UserFacts = { id: number; role: Role; active: boolean };

export type UserChange = { kind: 'deactivate' } | { kind: 'reactivate' } | { kind: 'role'; role: Role } | { kind: 'delete' } | { kind: 'details' };

/**
 * Why an admin may not make this change to a user account, as an error key, or null when it is allowed.
 * - An admin cannot deactivate, delete or change the role of their own account (they would lock themselves out
 *   halfway through; another admin can do it).
 * - The last active admin cannot be deactivated, deleted or given another role: someone must be able to manage users.
 * - Name and e-mail address (`details`) may always be corrected, also one's own: nobody loses access by it (a new
 *   e-mail address only means signing in again with it).
 * `activeAdmins` is the number of active admins now, counted in the same transaction.
 */
export function userChangeRefusal(actorId: number, target: UserFacts, change: UserChange, activeAdmins: number): string | null {
  const self = actorId === target.id;
  const removesAnAdmin =
    target.active && target.role === 'admin' && (change.kind === 'deactivate' || change.kind === 'delete' || (change.kind === 'role' && change.role !== 'admin'));
  switch (change.kind) {
    case 'deactivate':
      if (self) return 'cannotDeactivateSelf';
      break;
    case 'delete':
      if (self) return 'cannotDeleteSelf';
      break;
    case 'role':
      if (self && change.role !== target.role) return 'cannotChangeOwnRole';
      break;
    case 'reactivate':
    case 'details':
      return null;
  }
  if (removesAnAdmin && activeAdmins <= 1) return 'lastAdmin';
  return null;
}

/**
 * A category code from its Dutch name: lower case, no accents, words joined by dashes ("Wachttijden en planning" →
 * "wachttijden-en-planning"); "-2", "-3", … when the code is already taken.
 */
export function deriveCategoryCode(nameNl: string, taken: ReadonlySet<string>): string {
  const slug = nameNl
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Room for a "-2" suffix; a long name is cut after its last whole word that fits.
  const room = CATEGORY_CODE_MAX - 3;
  const cut = slug.length <= room ? slug : slug.lastIndexOf('-', room) > 0 ? slug.slice(0, slug.lastIndexOf('-', room)) : slug.slice(0, room);
  const base = cut || 'onderwerp';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function isCategoryCode(code: string): boolean {
  return code.length <= CATEGORY_CODE_MAX && CATEGORY_CODE_PATTERN.test(code);
}

/** The order after moving one item a place up or down; unchanged when it is already first or last (or unknown). */
export function moveInOrder<T>(items: readonly T[], item: T, direction: 'up' | 'down'): T[] {
  const list = [...items];
  const from = list.indexOf(item);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= list.length) return list;
  [list[from], list[to]] = [list[to]!, list[from]!];
  return list;
}

/** Sort order values for a list in this order: 10, 20, 30 … (gaps leave room for manual edits in the database). */
export function sortOrders<T>(items: readonly T[]): { item: T; sortOrder: number }[] {
  return items.map((item, i) => ({ item, sortOrder: (i + 1) * 10 }));
}

/** The public form needs at least one category to choose from. */
export function categoryDeactivationRefusal(category: { active: boolean }, activeCategories: number): string | null {
  return category.active && activeCategories <= 1 ? 'lastActiveCategory' : null;
}

/**
 * A user account can be linked to at most one staff record: the refusal when `userId` is already linked to another
 * record than `staffId` (null: a new record).
 */
export function staffLinkRefusal(userId: number | null, staffId: number | null, linkedStaffIds: readonly number[]): string | null {
  if (userId === null) return null;
  return linkedStaffIds.some((id) => id !== staffId) ? 'userAlreadyLinked' : null;
}
