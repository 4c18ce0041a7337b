import { and, asc, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { LetterDoc } from '@/lib/mail/letter';
import { DEFAULT_ORGANISATION, type Organisation } from '@/lib/organisation';
import type { ProcedureTerms } from '@/lib/procedure/terms';
import type { ContractingPartyType, Role } from '@/lib/procedure/vocabulary';
import type { Db, Tx } from './client';
import {
  categories,
  complaints,
  contractingParties,
  organisationSettings,
  outbox,
  procedureSettings,
  staff,
  userInvites,
  users,
} from './schema';

/** Queries of the settings area (/beheer/instellingen). */

type Executor = Db | Tx;

/** Changes to users, staff links and categories take turns, so two admins cannot both remove "the other" last admin. */
export async function lockSettings(tx: Tx, what: 'users' | 'categories' | 'staff'): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`klachtloket:settings:${what}`}, 0))`);
}

// ---------------------------------------------------------------------------------------------------------------
// Organisation

export async function findOrganisation(db: Executor) {
  const [row] = await db
    .select({
      name: organisationSettings.name,
      phone: organisationSettings.phone,
      email: organisationSettings.email,
      postalAddress: organisationSettings.postalAddress,
      website: organisationSettings.website,
      signature: organisationSettings.signature,
      updatedAt: organisationSettings.updatedAt,
      updatedByName: users.name,
    })
    .from(organisationSettings)
    .leftJoin(users, eq(users.id, organisationSettings.updatedBy))
    .where(eq(organisationSettings.id, 1));
  return row ?? null;
}

/** The stored organisation details, or the published defaults while none are stored. */
export async function organisationOrDefault(db: Executor): Promise<Organisation> {
  const row = await findOrganisation(db);
  if (!row) return DEFAULT_ORGANISATION;
  const { updatedAt: _at, updatedByName: _by, ...organisation } = row;
  return organisation;
}

export async function saveOrganisation(tx: Tx, values: Organisation, userId: number, now: Date): Promise<void> {
  const row = { ...values, updatedBy: userId, updatedAt: now };
  await tx
    .insert(organisationSettings)
    .values({ id: 1, ...row })
    .onConflictDoUpdate({ target: organisationSettings.id, set: row });
}

// ---------------------------------------------------------------------------------------------------------------
// Users

export type UserRow = {
  id: number;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  hasPassword: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
};

const userColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};

export async function listUsers(db: Executor): Promise<UserRow[]> {
  return db.select(userColumns).from(users).orderBy(desc(users.active), asc(users.name), asc(users.id));
}

export async function findUser(db: Executor, id: number): Promise<UserRow | null> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

/** Locks the user's row for the rest of the transaction. */
export async function lockUser(tx: Tx, id: number): Promise<UserRow | null> {
  const [row] = await tx.select(userColumns).from(users).where(eq(users.id, id)).for('update');
  return row ?? null;
}

export async function emailInUse(db: Executor, email: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return Boolean(row);
}

export async function insertUser(
  tx: Tx,
  values: { name: string; email: string; role: Role; passwordHash: string | null; mustChangePassword: boolean; createdAt: Date },
): Promise<number> {
  const [row] = await tx.insert(users).values(values).returning({ id: users.id });
  if (!row) throw new Error('user insert returned no row');
  return row.id;
}

export async function countActiveAdmins(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true)));
  return row?.n ?? 0;
}

/** A new role; raising the session version ends the user's sessions at once (lib/auth/config.ts). */
export async function updateUserRole(tx: Tx, id: number, role: Role): Promise<void> {
  await tx.update(users).set({ role, sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, id));
}

/** (De)activates an account; deactivating raises the session version, so the user is signed out at once. */
export async function updateUserActive(tx: Tx, id: number, active: boolean): Promise<void> {
  await tx
    .update(users)
    .set(active ? { active } : { active, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, id));
}

/**
 * A corrected name and e-mail address. A new e-mail address raises the session version: the user signs in again,
 * with the new address (lib/auth/config.ts); a corrected name alone leaves the sessions alone.
 */
export async function updateUserDetails(tx: Tx, id: number, details: { name: string; email: string }, endSessions: boolean): Promise<void> {
  await tx
    .update(users)
    .set(endSessions ? { ...details, sessionVersion: sql`${users.sessionVersion} + 1` } : details)
    .where(eq(users.id, id));
}

export async function sessionVersionOf(db: Executor, id: number): Promise<number | null> {
  const [row] = await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, id));
  return row?.v ?? null;
}

/**
 * Where users are referred to, per user: every foreign key to users(id) in the database (complaints, their history,
 * registrations, staff links, settings changes, invitations sent, and whatever later tables add), except the user's
 * own invitations. Read from the catalogue, so a table added later is covered without changing this function.
 */
export async function userReferences(db: Executor, ids: readonly number[]): Promise<Map<number, string[]>> {
  const found = new Map<number, string[]>();
  if (ids.length === 0) return found;
  const keys = await db.execute(sql`
    select n.nspname as schema_name, cl.relname as table_name, a.attname as column_name
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
    where c.contype = 'f' and c.confrelid = 'users'::regclass
    order by 1, 2, 3`);
  const idList = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  for (const { schema_name: schema, table_name: table, column_name: column } of rowsOf<{ schema_name: string; table_name: string; column_name: string }>(keys)) {
    if (table === 'user_invites' && column === 'user_id') continue; // the user's own invitations go with them
    if (table === 'user_sessions' && column === 'user_id') continue; // and their sign-ins (on delete cascade)
    const rows = await db.execute(
      sql`select distinct ${sql.identifier(column)} as id from ${sql.identifier(schema)}.${sql.identifier(table)} where ${sql.identifier(column)} in (${idList})`,
    );
    for (const { id } of rowsOf<{ id: number }>(rows)) {
      const list = found.get(Number(id)) ?? [];
      list.push(`${table}.${column}`);
      found.set(Number(id), list);
    }
  }
  return found;
}

/** node-postgres and Neon return `{ rows }`, PGlite too; keep the one place that knows. */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

/** Deletes a user nobody refers to, with their own invitations. */
export async function deleteUserRow(tx: Tx, id: number): Promise<void> {
  await tx.delete(userInvites).where(eq(userInvites.userId, id));
  await tx.delete(users).where(eq(users.id, id));
}

// ---------------------------------------------------------------------------------------------------------------
// Invitations

export async function insertInvite(tx: Tx, values: { userId: number; tokenHash: string; expiresAt: Date; createdBy: number; createdAt: Date }) {
  await tx.insert(userInvites).values(values);
}

export async function findInviteByHash(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({
      id: userInvites.id,
      userId: userInvites.userId,
      expiresAt: userInvites.expiresAt,
      usedAt: userInvites.usedAt,
      userName: users.name,
      userEmail: users.email,
      userActive: users.active,
    })
    .from(userInvites)
    .innerJoin(users, eq(users.id, userInvites.userId))
    .where(eq(userInvites.tokenHash, tokenHash));
  return row ?? null;
}

/** The invitation, locked for the rest of the transaction (a link clicked twice at once is used once). */
export async function lockInviteByHash(tx: Tx, tokenHash: string) {
  const [row] = await tx.select({ id: userInvites.id }).from(userInvites).where(eq(userInvites.tokenHash, tokenHash)).for('update');
  return row ? findInviteByHash(tx, tokenHash) : null;
}

export async function markInviteUsed(tx: Tx, id: number, now: Date): Promise<void> {
  await tx.update(userInvites).set({ usedAt: now }).where(eq(userInvites.id, id));
}

/** Ends a user's open invitations (a new password or a new invitation replaces them). */
export async function expireOpenInvites(tx: Tx, userId: number, now: Date): Promise<void> {
  await tx
    .update(userInvites)
    .set({ expiresAt: now })
    .where(and(eq(userInvites.userId, userId), isNull(userInvites.usedAt), gt(userInvites.expiresAt, now)));
}

/** Users with an invitation that can still be used. */
export async function usersWithOpenInvite(db: Executor, now: Date): Promise<Map<number, Date>> {
  const rows = await db
    .select({ userId: userInvites.userId, expiresAt: sql<Date>`max(${userInvites.expiresAt})`.mapWith(userInvites.expiresAt) })
    .from(userInvites)
    .where(and(isNull(userInvites.usedAt), gt(userInvites.expiresAt, now)))
    .groupBy(userInvites.userId);
  return new Map(rows.map((r) => [r.userId, r.expiresAt]));
}

/** A mail that belongs to no complaint (an invitation), into the outbox in the caller's transaction. */
export async function enqueueAccountMail(
  tx: Tx,
  mail: { kind: string; recipient: string; subject: string; bodyText: string; at: Date; letter?: LetterDoc },
) {
  await tx.insert(outbox).values({
    complaintId: null,
    kind: mail.kind,
    medium: 'email',
    recipient: mail.recipient,
    subject: mail.subject,
    bodyText: mail.bodyText,
    letter: mail.letter ?? null,
    nextAttemptAt: mail.at,
    createdAt: mail.at,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Categories

export type CategoryRow = { id: number; code: string; nameNl: string; nameEn: string; sortOrder: number; active: boolean; complaints: number };

export async function listCategories(db: Executor): Promise<CategoryRow[]> {
  const used = db
    .select({ categoryId: complaints.categoryId, n: count().as('n') })
    .from(complaints)
    .groupBy(complaints.categoryId)
    .as('used');
  return db
    .select({
      id: categories.id,
      code: categories.code,
      nameNl: categories.nameNl,
      nameEn: categories.nameEn,
      sortOrder: categories.sortOrder,
      active: categories.active,
      complaints: sql<number>`coalesce(${used.n}, 0)::int`,
    })
    .from(categories)
    .leftJoin(used, eq(used.categoryId, categories.id))
    .orderBy(asc(categories.sortOrder), asc(categories.id));
}

export async function findCategory(db: Executor, id: number) {
  const [row] = await db.select().from(categories).where(eq(categories.id, id));
  return row ?? null;
}

export async function categoryCodes(db: Executor): Promise<Set<string>> {
  return new Set((await db.select({ code: categories.code }).from(categories)).map((r) => r.code));
}

export async function insertCategory(tx: Tx, values: { code: string; nameNl: string; nameEn: string; sortOrder: number }): Promise<number> {
  const [row] = await tx.insert(categories).values(values).returning({ id: categories.id });
  if (!row) throw new Error('category insert returned no row');
  return row.id;
}

export async function nextCategorySortOrder(db: Executor): Promise<number> {
  const [row] = await db.select({ max: sql<number>`coalesce(max(${categories.sortOrder}), 0)::int` }).from(categories);
  return (row?.max ?? 0) + 10;
}

export async function renameCategory(tx: Tx, id: number, names: { nameNl: string; nameEn: string }): Promise<void> {
  await tx.update(categories).set(names).where(eq(categories.id, id));
}

export async function updateCategoryActive(tx: Tx, id: number, active: boolean): Promise<void> {
  await tx.update(categories).set({ active }).where(eq(categories.id, id));
}

export async function countActiveCategories(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(categories).where(eq(categories.active, true));
  return row?.n ?? 0;
}

export async function categoryIdsInOrder(db: Executor): Promise<number[]> {
  return (await db.select({ id: categories.id }).from(categories).orderBy(asc(categories.sortOrder), asc(categories.id))).map((r) => r.id);
}

export async function setCategorySortOrders(tx: Tx, orders: readonly { item: number; sortOrder: number }[]): Promise<void> {
  for (const { item, sortOrder } of orders) await tx.update(categories).set({ sortOrder }).where(eq(categories.id, item));
}

// ---------------------------------------------------------------------------------------------------------------
// Staff

export type StaffRow = { id: number; name: string; team: string | null; active: boolean; userId: number | null; userName: string | null; userEmail: string | null };

export async function listStaff(db: Executor): Promise<StaffRow[]> {
  return db
    .select({
      id: staff.id,
      name: staff.name,
      team: staff.team,
      active: staff.active,
      userId: staff.userId,
      userName: users.name,
      userEmail: users.email,
    })
    .from(staff)
    .leftJoin(users, eq(users.id, staff.userId))
    .orderBy(desc(staff.active), asc(staff.name), asc(staff.id));
}

export async function findStaff(db: Executor, id: number) {
  const [row] = await db.select().from(staff).where(eq(staff.id, id));
  return row ?? null;
}

export async function staffLinkedTo(db: Executor, userId: number): Promise<number[]> {
  return (await db.select({ id: staff.id }).from(staff).where(eq(staff.userId, userId))).map((r) => r.id);
}

export async function insertStaff(tx: Tx, values: { name: string; team: string | null; userId: number | null }): Promise<number> {
  const [row] = await tx.insert(staff).values(values).returning({ id: staff.id });
  if (!row) throw new Error('staff insert returned no row');
  return row.id;
}

export async function updateStaff(tx: Tx, id: number, values: { name: string; team: string | null; userId: number | null }): Promise<void> {
  await tx.update(staff).set(values).where(eq(staff.id, id));
}

export async function updateStaffActive(tx: Tx, id: number, active: boolean): Promise<void> {
  await tx.update(staff).set({ active }).where(eq(staff.id, id));
}

/** Accounts a staff record can be linked to: every user, with the staff record they are linked to (if any). */
export async function linkableUsers(db: Executor) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, active: users.active, staffId: staff.id })
    .from(users)
    .leftJoin(staff, eq(staff.userId, users.id))
    .orderBy(asc(users.name), asc(users.id));
}

// ---------------------------------------------------------------------------------------------------------------
// Contracting parties

export async function listParties(db: Executor) {
  return db
    .select()
    .from(contractingParties)
    .orderBy(desc(contractingParties.active), asc(contractingParties.type), asc(contractingParties.name), asc(contractingParties.id));
}

export async function findParty(db: Executor, id: number) {
  const [row] = await db.select().from(contractingParties).where(eq(contractingParties.id, id));
  return row ?? null;
}

export async function insertParty(tx: Tx, values: { type: ContractingPartyType; name: string; contactEmail: string | null }): Promise<number> {
  const [row] = await tx.insert(contractingParties).values(values).returning({ id: contractingParties.id });
  if (!row) throw new Error('contracting party insert returned no row');
  return row.id;
}

export async function updateParty(tx: Tx, id: number, values: { type: ContractingPartyType; name: string; contactEmail: string | null }) {
  await tx.update(contractingParties).set(values).where(eq(contractingParties.id, id));
}

export async function updatePartyActive(tx: Tx, id: number, active: boolean): Promise<void> {
  await tx.update(contractingParties).set({ active }).where(eq(contractingParties.id, id));
}

// ---------------------------------------------------------------------------------------------------------------
// Procedure terms

/** Every saved version of the terms, newest (the one in force) first. */
export async function procedureSettingsHistory(db: Executor) {
  return db
    .select({
      id: procedureSettings.id,
      preset: procedureSettings.preset,
      terms: procedureSettings.terms,
      createdAt: procedureSettings.createdAt,
      changedByName: users.name,
    })
    .from(procedureSettings)
    .leftJoin(users, eq(users.id, procedureSettings.changedBy))
    .orderBy(desc(procedureSettings.id));
}

export async function insertProcedureSettings(tx: Tx, values: { preset: string; terms: ProcedureTerms; changedBy: number; createdAt: Date }) {
  await tx.insert(procedureSettings).values(values);
}

// ---------------------------------------------------------------------------------------------------------------
// Overview

export async function settingsOverview(db: Executor) {
  const countOf = async (table: typeof users | typeof categories | typeof staff | typeof contractingParties, column: AnyPgColumn) => {
    const [row] = await db.select({ all: count(), active: sql<number>`count(*) filter (where ${column})::int` }).from(table);
    return { all: row?.all ?? 0, active: row?.active ?? 0 };
  };
  const [usersCount, categoriesCount, staffCount, partiesCount, latestTerms, organisation] = await Promise.all([
    countOf(users, users.active),
    countOf(categories, categories.active),
    countOf(staff, staff.active),
    countOf(contractingParties, contractingParties.active),
    db.select({ preset: procedureSettings.preset, createdAt: procedureSettings.createdAt }).from(procedureSettings).orderBy(desc(procedureSettings.id)).limit(1),
    findOrganisation(db),
  ]);
  return { users: usersCount, categories: categoriesCount, staff: staffCount, parties: partiesCount, terms: latestTerms[0] ?? null, organisation };
}
