import { complaintFileAttachments } from '@/db/attachments';
import { getDb } from '@/db/client';
import {
  complaintAccessFacts,
  complaintFileHistory,
  complaintFileInvolved,
  complaintFileMeasures,
  complaintFileOutbox,
  complaintFileQuestions,
  complaintFileRecord,
} from '@/db/complaint-file';
import type { Actor } from '@/lib/auth/actor';
import { canSeeComplaint } from '@/lib/auth/policy';
import type { ComplaintFileData } from './file';

/**
 * The complaint file for this actor, or null when the complaint does not exist or is not theirs to see (the page
 * answers "not found" to both, so nobody learns which complaints exist). Visibility is checked before any personal
 * data is read.
 */
export async function loadComplaintFile(actor: Pick<Actor, 'id' | 'role'>, id: number): Promise<ComplaintFileData | null> {
  const db = await getDb();
  const facts = await complaintAccessFacts(db, id);
  if (!facts || !canSeeComplaint(actor, facts)) return null;
  const [record, involved, history, outbox, questions, measures, attachments] = await Promise.all([
    complaintFileRecord(db, id),
    complaintFileInvolved(db, id),
    complaintFileHistory(db, id),
    complaintFileOutbox(db, id),
    complaintFileQuestions(db, id),
    complaintFileMeasures(db, id),
    complaintFileAttachments(db, id),
  ]);
  return record ? { record, involved, history, outbox, questions, measures, attachments } : null;
}
