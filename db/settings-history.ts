import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Db, Tx } from './client';
import { settingsHistory, users } from './schema';

/** Queries of the settings history (lib/settings/history.ts, /beheer/instellingen/geschiedenis). */

type Executor = Db | Tx;

export type SettingsChanges = Record<string, { from: unknown; to: unknown }>;

export type NewSettingsHistoryEntry = {
  at: Date;
  actorUserId: number;
  kind: string;
  action: string;
  subjectId: number | null;
  subjectLabel: string | null;
  changes: SettingsChanges;
};

export async function insertSettingsHistory(tx: Tx, entry: NewSettingsHistoryEntry): Promise<void> {
  await tx.insert(settingsHistory).values(entry);
}

export type SettingsHistoryRow = {
  id: number;
  at: Date;
  actorName: string | null;
  kind: string;
  action: string;
  subjectId: number | null;
  subjectLabel: string | null;
  changes: SettingsChanges;
};

/** One page of the history, newest first, optionally of one kind. */
export async function settingsHistoryPage(
  db: Executor,
  options: { kind: string | null; page: number; pageSize: number },
): Promise<{ rows: SettingsHistoryRow[]; total: number }> {
  const where: SQL | undefined = options.kind ? and(eq(settingsHistory.kind, options.kind)) : undefined;
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({
        id: settingsHistory.id,
        at: settingsHistory.at,
        actorName: users.name,
        kind: settingsHistory.kind,
        action: settingsHistory.action,
        subjectId: settingsHistory.subjectId,
        subjectLabel: settingsHistory.subjectLabel,
        changes: settingsHistory.changes,
      })
      .from(settingsHistory)
      .leftJoin(users, eq(users.id, settingsHistory.actorUserId))
      .where(where)
      .orderBy(desc(settingsHistory.at), desc(settingsHistory.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: count() }).from(settingsHistory).where(where),
  ]);
  return { rows, total: totalRow?.n ?? 0 };
}

/** The active admins, who are told when someone is given a role that reads complaints. */
export async function activeAdmins(db: Executor): Promise<{ id: number; name: string; email: string }[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(users.id);
}
