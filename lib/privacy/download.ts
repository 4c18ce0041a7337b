import { getDb } from '@/db/client';
import { organisationOrDefault } from '@/db/settings';
import type { ActionResult } from '@/lib/actions/pipeline';
import { contactLine } from '@/lib/mail/letter';
import { dossierPdf } from '@/lib/mail/dossier-pdf';
import type { Organisation } from '@/lib/organisation';
import { dejaVuSans } from '@/lib/reports/pdf-fonts';
import { makeAccessExport } from './commands';
import { type AccessExport, exportFileName, exportItems } from './export';

/**
 * The access export as a file: made (and recorded on the request) by the `makeAccessExport` action, then sent as
 * JSON or laid out as a PDF with the escalation dossier's layout (lib/mail/dossier-pdf.ts): letterhead, title, items,
 * "Pagina x van y".
 */

export async function accessExportPdf(organisation: Organisation, doc: AccessExport): Promise<Uint8Array> {
  const title = `Inzage in persoonsgegevens: ${doc.request.requesterName}`;
  return dossierPdf(
    { organisation: organisation.name, contact: contactLine(organisation) },
    { kind: 'dossier', filename: exportFileName(doc.request.id, 'pdf'), title, reference: `verzoek ${doc.request.id}`, items: exportItems(doc) },
    await dejaVuSans(),
  );
}

export type ExportFile = { bytes: Uint8Array; contentType: string; fileName: string };

export async function accessExportFile(requestId: number, format: 'json' | 'pdf'): Promise<ActionResult<ExportFile>> {
  const result = await makeAccessExport({ requestId, format });
  if (!result.ok) return result;
  const doc = result.data;
  if (format === 'json') {
    return { ok: true, data: { bytes: new TextEncoder().encode(JSON.stringify(doc, null, 2)), contentType: 'application/json; charset=utf-8', fileName: exportFileName(requestId, 'json') } };
  }
  const bytes = await accessExportPdf(await organisationOrDefault(await getDb()), doc);
  return { ok: true, data: { bytes, contentType: 'application/pdf', fileName: exportFileName(requestId, 'pdf') } };
}
