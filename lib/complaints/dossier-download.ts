import { getDb } from '@/db/client';
import { organisationOrDefault } from '@/db/settings';
import type { Actor } from '@/lib/auth/actor';
import { dossierPdf } from '@/lib/mail/dossier-pdf';
import { contactLine } from '@/lib/mail/letter';
import { dossierAttachment } from '@/lib/mail/letters';
import { dejaVuSans } from '@/lib/reports/pdf-fonts';
import { loadComplaintFile } from './file-data';
import { dossierContent } from './steps/resolution';

/**
 * The complaint's dossier as a PDF for staff (the file page's download): the same dossier the contracting party gets
 * on escalation, made from the file as it is now, with what the client is not satisfied with when it was escalated.
 * Null when the complaint does not exist or is not the actor's to see (like the file page).
 */
export async function complaintDossierPdf(actor: Pick<Actor, 'id' | 'role'>, id: number): Promise<{ filename: string; bytes: Uint8Array } | null> {
  const data = await loadComplaintFile(actor, id);
  if (!data) return null;
  const escalated = data.history.findLast((h) => h.action === 'escalated');
  const dossier = dossierAttachment(dossierContent(data.record, data.history, escalated ? (escalated.reason ?? '') : null));
  const organisation = await organisationOrDefault(await getDb());
  const bytes = await dossierPdf({ organisation: organisation.name, contact: contactLine(organisation) }, dossier, await dejaVuSans());
  return { filename: dossier.filename, bytes };
}
