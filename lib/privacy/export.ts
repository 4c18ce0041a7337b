import type { personalDataOf, PrivacyRequestRow } from '@/db/privacy';
import { createTranslator } from 'next-intl';
import { ATTACHMENT_TYPES, formatFileSize, isAttachmentType } from '@/lib/complaints/attachments';
import { formatDateTime, historyActionLabel, type Translate } from '@/lib/complaints/file';
import { formatDate } from '@/lib/format';
import { beheerMessages } from '@/lib/i18n/beheer';
import nl from '@/lib/i18n/messages/nl.json';
import type { Item } from '@/lib/mail/letter';
import type { IsoDate } from '@/lib/procedure/dates';

const fileTypeLabel = (contentType: string) => (isAttachmentType(contentType) ? ATTACHMENT_TYPES[contentType].label : contentType);

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

/**
 * The complaint's fields in the PDF, in this order, with their Dutch labels. The PDF is for the person to read; the
 * JSON document holds every column as stored, including the internal numbers and bookkeeping left out here (ids,
 * version, the terms snapshot, created/updated stamps, the computed next due date).
 */
const COMPLAINT_FIELDS: readonly (readonly [key: string, label: string])[] = [
  ['reference', 'Referentie'],
  ['status', 'Status'],
  ['channel', 'Binnengekomen via'],
  ['receivedOn', 'Ontvangen op'],
  ['locale', 'Taal'],
  ['complainantName', 'Naam'],
  ['complainantEmail', 'E-mailadres'],
  ['complainantPhone', 'Telefoon'],
  ['addressStreet', 'Straat en huisnummer'],
  ['addressPostcode', 'Postcode'],
  ['addressCity', 'Plaats'],
  ['description', 'Omschrijving van de klacht'],
  ['incidentDate', 'Datum van het voorval'],
  ['incidentOngoing', 'Speelt nog'],
  ['desiredOutcome', 'Gewenste uitkomst'],
  ['concernsStaffText', 'Over (zelf ingevuld)'],
  ['partyChoice', 'Opdrachtgever (keuze)'],
  ['partyName', 'Opdrachtgever (naam)'],
  ['consentAt', 'Toestemming gegeven op'],
  ['acknowledgementDue', 'Ontvangstbevestiging uiterlijk'],
  ['acknowledgedOn', 'Ontvangst bevestigd op'],
  ['copySentOn', 'Afschrift verstuurd op'],
  ['noticeDue', 'Bericht over niet behandelen uiterlijk'],
  ['notAdmissibleOn', 'Niet in behandeling genomen op'],
  ['notAdmissibleGround', 'Reden niet in behandeling'],
  ['hearingState', 'Hoorgesprek'],
  ['hearingOn', 'Hoorgesprek op'],
  ['resolutionDue', 'Afhandeling uiterlijk'],
  ['resolutionExtendedTo', 'Afhandeltermijn verlengd tot'],
  ['extensionCount', 'Aantal verlengingen'],
  ['resolvedOn', 'Afgehandeld op'],
  ['outcome', 'Uitkomst'],
  ['clientSatisfied', 'Tevreden met de uitkomst'],
  ['satisfactionAt', 'Tevredenheid doorgegeven op'],
  ['forwardRequestedAt', 'Voorleggen aan de opdrachtgever gevraagd op'],
  ['closedOn', 'Afgesloten op'],
  ['anonymisedAt', 'Geanonimiseerd op'],
  ['anonymisedReason', 'Reden anonimisering'],
];

const t = createTranslator({ locale: 'nl', messages: { beheer: beheerMessages }, namespace: 'beheer' }) as unknown as Translate;
const label = (key: string, code: string) => (t.has(`${key}.${code}`) ? t(`${key}.${code}`) : code);

/** The Dutch words for the stored codes, per field (statuses, channels, outcomes, …). */
const CODES: Record<string, (code: string) => string> = {
  status: (c) => label('common.statuses', c),
  toStatus: (c) => label('common.statuses', c),
  channel: (c) => label('common.channels', c),
  locale: (c) => label('file.fields.locales', c),
  partyChoice: (c) => (nl.partyChoice as Record<string, string>)[c] ?? c,
  notAdmissibleGround: (c) => label('file.history.grounds', c),
  hearingState: (c) => label('file.procedure.hearingStates', c),
  outcome: (c) => label('file.history.outcomes', c),
  anonymisedReason: (c) => label('file.history.anonymisedReasons', c),
  involvement: (c) => label('file.history.involvement', c),
  kind: (c) => label('privacy.kinds', c),
  receivedVia: (c) => label('privacy.media', c),
  actor: (c) => ({ client: t('file.history.client'), system: t('file.history.system') })[c] ?? c,
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A value as one line of Dutch text: a calendar date as "30 november 2026", a moment as "30 november 2026 om 10:15"
 * (Amsterdam), a code in words when the field has words for it (`field`), yes/no, nothing as "—".
 */
export function displayValue(value: unknown, field?: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (value instanceof Date) return formatDateTime(value);
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  if (ISO_DATE.test(text)) return formatDate(text as IsoDate, 'nl');
  if (ISO_TIMESTAMP.test(text) && !Number.isNaN(Date.parse(text))) return formatDateTime(new Date(text));
  const words = field ? CODES[field] : undefined;
  return words ? words(text) : text;
}

/** The export as items for the PDF: the request, then per complaint its fields, history, answers, files and letters. */
export function exportItems(doc: AccessExport): Item[] {
  const items: Item[] = [];
  const line = (text: string) => items.push({ t: 'line', text });
  const item = (text: string) => items.push({ t: 'item', text });
  const heading = (text: string) => items.push({ t: 'heading', text });
  const none = () => line('Geen.');

  heading('Het verzoek');
  line(`Soort verzoek: ${displayValue(doc.request.kind, 'kind')}`);
  line(`Naam: ${doc.request.requesterName}`);
  line(`E-mailadres: ${doc.request.requesterEmail}`);
  line(`Ontvangen op: ${displayValue(doc.request.receivedOn)} (${displayValue(doc.request.receivedVia, 'receivedVia').toLowerCase()})`);
  line(`Gemaakt op: ${displayValue(doc.madeAt)}`);
  line(`Aantal klachten: ${doc.complaints.length}`);

  for (const c of doc.complaints) {
    heading(`Klacht ${c.complaint.reference}`);
    const fields = c.complaint as Record<string, unknown>;
    for (const [key, title] of COMPLAINT_FIELDS) line(`${title}: ${displayValue(fields[key], key)}`);
    line(`Categorie: ${displayValue(c.categoryName)}`);
    line(`Opdrachtgever: ${displayValue(c.contractingPartyName)}`);
    line(`Behandelaar: ${displayValue(c.handlerName)}`);
    items.push({ t: 'gap' });
    line('Betrokken medewerkers:');
    if (c.involved.length === 0) none();
    for (const p of c.involved) item(`${p.name}${p.team ? ` (${p.team})` : ''}, ${displayValue(p.involvement, 'involvement').toLowerCase()}`);
    items.push({ t: 'gap' });
    line('Geschiedenis:');
    if (c.history.length === 0) none();
    for (const h of c.history) {
      const status = h.toStatus ? ` → ${displayValue(h.toStatus, 'toStatus')}` : '';
      item(`${displayValue(h.at)} · ${historyActionLabel(t, h.action)}${status} · ${displayValue(h.actor, 'actor')}${h.reason ? ` · ${h.reason}` : ''}`);
    }
    items.push({ t: 'gap' });
    line('Vragen en antwoorden:');
    if (c.questions.length === 0) none();
    for (const q of c.questions) item(`Vraag (${displayValue(q.askedAt)}): ${q.question} — Antwoord (${displayValue(q.answeredOn)}): ${displayValue(q.answer)}`);
    items.push({ t: 'gap' });
    line('Bijlagen (alleen gegevens, niet de inhoud):');
    if (c.attachments.length === 0) none();
    for (const a of c.attachments) item(`${a.fileName} · ${fileTypeLabel(a.contentType)} · ${formatFileSize(a.sizeBytes)} · ${displayValue(a.createdAt)}`);
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
