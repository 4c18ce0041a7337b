import type { Resend } from 'resend';
import { activeManagers, activeUser } from '@/db/attachments';
import type { Tx } from '@/db/client';
import { appendHistory, enqueueMessage } from '@/db/complaints';
import { insertInboundMail, lockComplaintByReference, type NewInboundAttachment } from '@/db/inbound';
import { organisationOrDefault } from '@/db/settings';
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES, attachmentName, formatFileSize } from '@/lib/complaints/attachments';
import { detectedType } from '@/lib/complaints/attachment-type';
import { toOther } from '@/lib/complaints/steps/mail';
import { amsterdamDate } from '@/lib/procedure/dates';
import { appUrl } from '@/lib/server/env';
import { readBoundedStream } from '@/lib/server/bounded-body';
import { clientMailNotice } from './letters';
import { INBOUND_LIMITS, keptFile, listedName, mailText, referenceOf, type RefusedAttachment, triageAttachments } from './inbound-rules';

/**
 * Mail that came in at the complaints address (resend inbound, `email.received`): fetched in full through resend's
 * receiving API, then stored — on the file of the complaint it answers, or as a draft in the inbox. Nothing in it is
 * trusted: From is kept as claimed, the HTML part is kept but only ever shown as text, files are kept only when their
 * content is a PDF, JPEG or PNG within the answer form's limits (the rest are listed with the reason).
 */

export type FetchedMail = {
  providerId: string;
  from: string;
  to: string[];
  subject: string;
  receivedAt: Date;
  text: string | null;
  html: string | null;
  kept: (NewInboundAttachment & { content: Uint8Array })[];
  refused: RefusedAttachment[];
};

/** Reads a download, never more than `max` bytes; null when it is larger or cannot be read. */
async function boundedDownload(url: string, max: number): Promise<Uint8Array | null> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok || !response.body) return null;
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await response.body.cancel().catch(() => {});
    return null;
  }
  return readBoundedStream(response.body, max);
}

export class InboundFetchError extends Error {}

const clip = (value: unknown, max: number) => (typeof value === 'string' ? value : '').slice(0, max);

/** The whole mail from resend: its parts and the files worth keeping. Throws InboundFetchError when resend fails. */
export async function fetchInboundMail(resend: Resend, emailId: string, now: Date): Promise<FetchedMail> {
  const { data: mail, error } = await resend.emails.receiving.get(emailId);
  if (error || !mail) throw new InboundFetchError(`receiving.get: ${error?.message ?? 'no data'}`);
  const listed = mail.attachments?.length ? await resend.emails.receiving.attachments.list({ emailId }) : null;
  if (listed?.error) throw new InboundFetchError(`attachments.list: ${listed.error.message}`);
  const files = listed?.data?.data ?? [];
  const { fetch, refused } = triageAttachments(files.map((file) => ({ name: file.filename ?? '', size: file.size })));
  const kept: FetchedMail['kept'] = [];
  for (const index of fetch) {
    const file = files[index]!;
    const bytes = await boundedDownload(file.download_url, ATTACHMENT_LIMITS.maxBytes).catch(() => null);
    if (!bytes) {
      refused.push({ name: listedName(file.filename), reason: 'unavailable' });
      continue;
    }
    const check = keptFile(bytes.byteLength, await detectedType(bytes));
    if (!check.ok) refused.push({ name: listedName(file.filename), reason: check.reason });
    else kept.push({ fileName: attachmentName(file.filename ?? '', check.type), contentType: check.type, sizeBytes: bytes.byteLength, content: bytes });
  }
  const date = new Date(mail.created_at);
  return {
    providerId: emailId,
    from: clip(mail.from, INBOUND_LIMITS.from) || '(onbekend)',
    to: [...(mail.to ?? []), ...(mail.received_for ?? [])].filter((a): a is string => typeof a === 'string').slice(0, 50),
    subject: clip(mail.subject, INBOUND_LIMITS.subject),
    receivedAt: Number.isNaN(date.getTime()) ? now : date,
    text: typeof mail.text === 'string' ? mail.text : null,
    html: typeof mail.html === 'string' ? mail.html.slice(0, INBOUND_LIMITS.htmlBody) : null,
    kept,
    refused,
  };
}

export type StoredInbound = { state: 'reply'; complaintId: number; mailId: number } | { state: 'draft'; mailId: number } | { state: 'duplicate' };

/**
 * Stores a fetched mail inside the caller's transaction: a reply naming a known reference goes on that complaint's
 * file (history entry "mail_received", the handler — or without one the managers — told by mail); anything else,
 * including a mail naming an anonymised complaint, becomes a draft in the inbox.
 */
export async function storeInboundMail(tx: Tx, mail: FetchedMail, now: Date): Promise<StoredInbound> {
  const reference = referenceOf({ subject: mail.subject, to: mail.to });
  const named = reference ? await lockComplaintByReference(tx, reference) : null;
  // An anonymised complaint takes in nothing personal again: a mail naming it is a draft, for a handler to decide about.
  const complaint = named && named.anonymisedAt === null ? named : null;
  const base = {
    providerId: mail.providerId,
    fromAddress: mail.from,
    toAddresses: mail.to.join(', ').slice(0, INBOUND_LIMITS.to),
    subject: mail.subject,
    receivedAt: mail.receivedAt,
    textBody: mailText(mail.text, mail.html),
    htmlBody: mail.html,
    refusedAttachments: mail.refused,
  };
  if (!complaint) {
    const mailId = await insertInboundMail(tx, { ...base, state: 'draft' }, mail.kept);
    return mailId === null ? { state: 'duplicate' } : { state: 'draft', mailId };
  }
  const mailId = await insertInboundMail(tx, { ...base, state: 'reply', complaintId: complaint.id }, mail.kept);
  if (mailId === null) return { state: 'duplicate' };
  const listed = mail.kept.map((file) => `${file.fileName} (${ATTACHMENT_TYPES[file.contentType as keyof typeof ATTACHMENT_TYPES].label}, ${formatFileSize(file.sizeBytes)})`);
  await appendHistory(tx, {
    complaintId: complaint.id,
    at: now,
    actorLabel: 'system',
    action: 'mail_received',
    details: {
      mailFrom: mail.from,
      mailSubject: mail.subject,
      ...(listed.length > 0 ? { attachments: listed } : {}),
      ...(mail.refused.length > 0 ? { refusedAttachments: mail.refused.map((r) => r.name) } : {}),
    },
  });
  const handler = await activeUser(tx, complaint.handlerId);
  const recipients = handler ? [handler] : await activeManagers(tx);
  const organisation = await organisationOrDefault(tx);
  const fileUrl = `${appUrl()}/beheer/klachten/${complaint.id}`;
  for (const person of recipients) {
    const letter = clientMailNotice({
      staffName: person.name,
      reference: complaint.reference,
      receivedOn: amsterdamDate(mail.receivedAt),
      attachmentCount: mail.kept.length,
      fileUrl,
      noHandler: !handler,
      organisation,
    });
    await enqueueMessage(tx, { complaintId: complaint.id, ...toOther('client_mail', person, letter) });
  }
  return { state: 'reply', complaintId: complaint.id, mailId };
}
