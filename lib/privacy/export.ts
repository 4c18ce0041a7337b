import type { personalDataOf, PrivacyRequestRow } from '@/db/privacy';
import type { Item } from '@/lib/mail/letter';

/**
 * The access export (AVG art. 15): everything held on the person in the complaints the request concerns, as one JSON
 * document, and the same content as items for a PDF (lib/mail/dossier-pdf.ts lays them out, as for the escalation
 * dossier). Files are listed with their metadata, never their content. Pure: the data comes from db/privacy.ts.
 */

export type PersonalData = Awaited<ReturnType<typeof personalDataOf>>;

export type AccessExport = {
  format: 'klachtloket-inzage/1';
  madeAt: string;
  request: {
    id: number;
    kind: string;
    requesterName: string;
    requesterEmail: string;
    receivedOn: string;
    receivedVia: string;
    requestText: string;
  };
  complaints: PersonalData;
};

export function buildAccessExport(request: PrivacyRequestRow, data: PersonalData, now: Date): AccessExport {
  return {
    format: 'klachtloket-inzage/1',
    madeAt: now.toISOString(),
    request: {
      id: request.id,
      kind: request.kind,
      requesterName: request.requesterName,
      requesterEmail: request.requesterEmail,
      receivedOn: request.receivedOn,
      receivedVia: request.receivedVia,
      requestText: request.requestText,
    },
    complaints: data,
  };
}

export const exportFileName = (requestId: number, format: 'json' | 'pdf') => `inzage-verzoek-${requestId}.${format}`;

/** Dutch labels for the complaint's columns in the PDF; a column without one is shown by its name. */
const COMPLAINT_LABELS: Record<string, string> = {
  reference: 'Referentie',
  status: 'Status',
  channel: 'Binnengekomen via',
  receivedOn: 'Ontvangen op',
  locale: 'Taal',
  complainantName: 'Naam',
  complainantEmail: 'E-mailadres',
  complainantPhone: 'Telefoon',
  addressStreet: 'Straat en huisnummer',
  addressPostcode: 'Postcode',
  addressCity: 'Plaats',
  description: 'Omschrijving van de klacht',
  incidentDate: 'Datum van het voorval',
  incidentOngoing: 'Speelt nog',
  desiredOutcome: 'Gewenste uitkomst',
  concernsStaffText: 'Over (zelf ingevuld)',
  partyChoice: 'Opdrachtgever (keuze)',
  partyName: 'Opdrachtgever (naam)',
  consentAt: 'Toestemming gegeven op',
  outcome: 'Uitkomst',
  clientSatisfied: 'Tevreden met de uitkomst',
};

/** A value as one line of text: dates as ISO, objects as compact JSON, nothing as "—". */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The export as items for the PDF: the request, then per complaint its fields, history, answers, files and letters. */
export function exportItems(doc: AccessExport): Item[] {
  const items: Item[] = [];
  const line = (text: string) => items.push({ t: 'line', text });
  const item = (text: string) => items.push({ t: 'item', text });
  const heading = (text: string) => items.push({ t: 'heading', text });
  const none = () => line('Geen.');

  heading('Het verzoek');
  line(`Naam: ${doc.request.requesterName}`);
  line(`E-mailadres: ${doc.request.requesterEmail}`);
  line(`Ontvangen op: ${doc.request.receivedOn}`);
  line(`Gemaakt op: ${doc.madeAt}`);
  line(`Aantal klachten: ${doc.complaints.length}`);

  for (const c of doc.complaints) {
    heading(`Klacht ${c.complaint.reference}`);
    for (const [key, value] of Object.entries(c.complaint)) {
      if (key === 'terms') continue;
      line(`${COMPLAINT_LABELS[key] ?? key}: ${displayValue(value)}`);
    }
    line(`Categorie: ${displayValue(c.categoryName)}`);
    line(`Opdrachtgever: ${displayValue(c.contractingPartyName)}`);
    line(`Behandelaar: ${displayValue(c.handlerName)}`);
    items.push({ t: 'gap' });
    line('Betrokken medewerkers:');
    if (c.involved.length === 0) none();
    for (const p of c.involved) item(`${p.name}${p.team ? ` (${p.team})` : ''}, ${p.involvement}`);
    items.push({ t: 'gap' });
    line('Geschiedenis:');
    if (c.history.length === 0) none();
    for (const h of c.history) {
      item(`${displayValue(h.at)} · ${h.action}${h.toStatus ? ` → ${h.toStatus}` : ''} · ${h.actor ?? '—'}${h.reason ? ` · ${h.reason}` : ''}`);
    }
    items.push({ t: 'gap' });
    line('Vragen en antwoorden:');
    if (c.questions.length === 0) none();
    for (const q of c.questions) item(`Vraag (${displayValue(q.askedAt)}): ${q.question} — Antwoord (${displayValue(q.answeredOn)}): ${displayValue(q.answer)}`);
    items.push({ t: 'gap' });
    line('Bijlagen (alleen gegevens, niet de inhoud):');
    if (c.attachments.length === 0) none();
    for (const a of c.attachments) item(`${a.fileName} · ${a.contentType} · ${a.sizeBytes} bytes · ${displayValue(a.createdAt)}`);
    items.push({ t: 'gap' });
    line('Brieven en e-mails aan u:');
    if (c.lettersSent.length === 0) none();
    for (const m of c.lettersSent) {
      item(`${displayValue(m.createdAt)} · ${m.medium === 'post' ? 'brief' : 'e-mail'} · ${m.subject}`);
      items.push({ t: 'quote', text: m.bodyText });
    }
    items.push({ t: 'gap' });
    line('E-mails van u:');
    if (c.mailsReceived.length === 0) none();
    for (const m of c.mailsReceived) {
      item(`${displayValue(m.receivedAt)} · ${m.fromAddress} · ${m.subject}`);
      items.push({ t: 'quote', text: m.textBody });
    }
  }
  return items;
}
