import { getDb } from '@/db/client';
import { accessLogOf, recordAccess, type AccessEntry } from '@/db/retention';
import type { AccessKind } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { loggableError } from '@/lib/server/log-error';

/**
 * The access log (issue 12): who opened which complaint file, dossier PDF, attachment or letter. One insert, outside
 * the procedure's history; a failure is logged (without personal data) and never reaches the page or download.
 */
export async function logAccessQuietly(actor: Pick<Actor, 'id'>, complaintId: number, what: AccessKind, at = new Date()): Promise<void> {
  try {
    await recordAccess(await getDb(), { complaintId, userId: actor.id, what, at });
  } catch (error) {
    console.error(`[access-log] not recorded (${what}):`, loggableError(error));
  }
}

/** The latest 50 openings of a complaint for those who may see the log (managers, admins); null for anyone else. */
export async function accessLogFor(actor: Pick<Actor, 'role'>, complaintId: number): Promise<AccessEntry[] | null> {
  if (!can(actor.role, 'privacy.accessLog')) return null;
  return accessLogOf(await getDb(), complaintId, 50);
}
