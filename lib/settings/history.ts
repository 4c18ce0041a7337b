import type { Tx } from '@/db/client';
import { enqueueAccountMail, organisationOrDefault } from '@/db/settings';
import { activeAdmins, insertSettingsHistory, type SettingsChanges } from '@/db/settings-history';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { complaintAccessGrantedNotice } from '@/lib/mail/letters';
import type { Role } from '@/lib/procedure/vocabulary';
import { appUrl } from '@/lib/server/env';

/**
 * The settings history: every settings change leaves one append-only entry (migration 0017) with who, when and what
 * (the changed fields before and after), written by the settings action in the transaction of the change. Password
 * hashes, one-time passwords and invitation links never go in: a reset records only how the new credentials were
 * issued.
 */
export const SETTINGS_HISTORY_KINDS = ['user', 'category', 'staff', 'party', 'organisation', 'terms'] as const;
export type SettingsHistoryKind = (typeof SETTINGS_HISTORY_KINDS)[number];

export const SETTINGS_HISTORY_PATH = '/beheer/instellingen/geschiedenis';

/** Fields that may never be written to the history, whatever a caller passes. */
const SECRET_FIELDS = /password|hash|token|secret/i;

type Values = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields that differ between before and after, as { field: { from, to } }; before null = created, after null =
 * removed. Secret fields are left out.
 */
export function changesOf(before: Values | null, after: Values | null): SettingsChanges {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: SettingsChanges = {};
  for (const field of fields) {
    if (SECRET_FIELDS.test(field)) continue;
    const from = before ? (before[field] ?? null) : null;
    const to = after ? (after[field] ?? null) : null;
    if (!same(from, to)) changes[field] = { from, to };
  }
  return changes;
}

export async function recordSettingsChange(
  tx: Tx,
  entry: {
    actor: Actor;
    at: Date;
    kind: SettingsHistoryKind;
    action: string;
    subject?: { id: number | null; label: string | null };
    before: Values | null;
    after: Values | null;
  },
): Promise<void> {
  await insertSettingsHistory(tx, {
    at: entry.at,
    actorUserId: entry.actor.id,
    kind: entry.kind,
    action: entry.action,
    subjectId: entry.subject?.id ?? null,
    subjectLabel: entry.subject?.label ?? null,
    changes: changesOf(entry.before, entry.after),
  });
}

/** Whether this change gives someone a role that reads complaints they could not read with the role before. */
export function grantsComplaintAccess(previousRole: Role | null, role: Role): boolean {
  return can(role, 'complaints.read') && previousRole !== role;
}

/**
 * Mails every active admin (outbox, same transaction) that a user was given a role that reads complaints. Answers
 * whether mail was queued.
 */
export async function mailAdminsOnComplaintAccess(
  tx: Tx,
  grant: { user: { name: string; email: string }; role: Role; previousRole: Role | null; actor: Actor; at: Date },
): Promise<boolean> {
  if (!grantsComplaintAccess(grant.previousRole, grant.role)) return false;
  const admins = await activeAdmins(tx);
  const organisation = await organisationOrDefault(tx);
  for (const admin of admins) {
    const letter = complaintAccessGrantedNotice({
      adminName: admin.name,
      userName: grant.user.name,
      userEmail: grant.user.email,
      role: grant.role,
      previousRole: grant.previousRole,
      grantedBy: grant.actor.name,
      historyUrl: appUrl() + SETTINGS_HISTORY_PATH,
      organisation,
    });
    await enqueueAccountMail(tx, { kind: 'role-granted', recipient: admin.email, subject: letter.subject, bodyText: letter.text, letter: letter.doc, at: grant.at });
  }
  return admins.length > 0;
}
