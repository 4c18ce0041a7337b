import { ATTACHMENT_LIMITS, isAttachmentType, type AttachmentType } from '@/lib/complaints/attachments';
import { LIMITS } from '@/lib/complaints/limits';
import { amsterdamDate } from '@/lib/procedure/dates';

/**
 * Mail in and out through resend's webhooks, the pure part: what an event says, where an inbound mail belongs, which
 * of its files are kept, and how its HTML becomes text. No I/O (lib/mail/webhooks.ts and lib/mail/inbound.ts do that).
 */

/** What resend reported about a sent e-mail, stored on its outbox row. */
export const DELIVERY_STATUSES = ['delivered', 'delivery_delayed', 'bounced', 'complained'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** An inbound mail: a draft in the inbox, a reply on a file, or a draft handled (registered, or "geen klacht"). */
export type InboundState = 'draft' | 'reply' | 'registered' | 'no_complaint';

/** Why a file of an inbound mail was not kept (labels: beheer.mailIn.refusals.<reason>). */
export type RefusalReason = 'tooMany' | 'tooLarge' | 'type' | 'empty' | 'unavailable';
export type RefusedAttachment = { name: string; reason: RefusalReason };

export type WebhookEvent =
  | { kind: 'delivery'; type: string; providerId: string; status: DeliveryStatus; at: Date; detail: string | null }
  | { kind: 'received'; type: string; emailId: string }
  | { kind: 'ignored'; type: string }
  | { kind: 'invalid' };

const DELIVERY_TYPES: Record<string, DeliveryStatus> = {
  'email.delivered': 'delivered',
  'email.delivery_delayed': 'delivery_delayed',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shortText = (v: unknown, max: number): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null);

/** A provider's id as we accept it: short, printable, no spaces. */
const PROVIDER_ID = /^[A-Za-z0-9._:-]{1,200}$/;

/** What a (verified) webhook payload asks of us. Unknown types are ignored; a known type without its id is invalid. */
export function parseWebhookEvent(payload: unknown, fallbackNow: Date): WebhookEvent {
  if (!isObject(payload) || typeof payload.type !== 'string' || !isObject(payload.data)) return { kind: 'invalid' };
  const { type, data } = payload;
  const status = DELIVERY_TYPES[type];
  if (status || type === 'email.received') {
    const id = data.email_id;
    if (typeof id !== 'string' || !PROVIDER_ID.test(id)) return { kind: 'invalid' };
    if (!status) return { kind: 'received', type, emailId: id };
    const stamp = typeof payload.created_at === 'string' ? new Date(payload.created_at) : null;
    return { kind: 'delivery', type, providerId: id, status, at: stamp && !Number.isNaN(stamp.getTime()) ? stamp : fallbackNow, detail: deliveryDetail(data) };
  }
  return { kind: 'ignored', type: type.slice(0, 100) };
}

function deliveryDetail(data: Record<string, unknown>): string | null {
  const bounce = isObject(data.bounce) ? data.bounce : null;
  if (!bounce) return null;
  const parts = [shortText(bounce.type, 50), shortText(bounce.subType, 50)].filter(Boolean).join('/');
  const message = shortText(bounce.message, 400);
  return [parts, message].filter(Boolean).join(': ').slice(0, 500) || null;
}

/**
 * Events may arrive out of order: a later, weaker report never replaces a stronger one (a delay after delivery, a
 * delivery after a bounce). A complaint about spam comes after delivery and stays.
 */
const RANK: Record<DeliveryStatus, number> = { delivery_delayed: 1, delivered: 2, bounced: 3, complained: 3 };
export function nextDeliveryStatus(current: DeliveryStatus | null, incoming: DeliveryStatus): DeliveryStatus {
  return current === null || RANK[incoming] >= RANK[current] ? incoming : current;
}

/** A complaint reference anywhere in a text: KL-2026-0042 (case and the dashes' surroundings are forgiven). */
const REFERENCE_IN_TEXT = /(?:^|[^A-Za-z0-9])(KL-\d{4}-\d{4,9})(?![0-9])/i;
/** A plus-address that names a reference: complaints+KL-2026-0042@example.org. */
const PLUS_ADDRESS = /^[^@\s+<>]+\+(KL-\d{4}-\d{4,9})@[^@\s<>]+$/i;

/** The bare address of "Name <a@b>" or "a@b", lower-cased; null when there is none. */
export function bareAddress(raw: string): string | null {
  // The last <…> is the address: a display name may itself contain one ("Gemeente <x@y>" <real@z>).
  const angled = [...raw.matchAll(/<([^<>\s]+@[^<>\s]+)>/g)].at(-1);
  const candidate = (angled ? angled[1]! : raw).trim().replace(/^"|"$/g, '');
  return /^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$/.test(candidate) ? candidate.toLowerCase() : null;
}

/**
 * The reference an inbound mail names: a plus-address it was sent to (ours: we choose it) first, then the subject of a
 * reply ("Re: Wij hebben uw klacht KL-2026-0042 ontvangen"). Null when it names none. Whether the complaint exists is
 * for the caller to find out: an unknown reference makes a draft like any other mail.
 */
export function referenceOf(mail: { subject: string; to: readonly string[] }): string | null {
  for (const address of mail.to) {
    const bare = bareAddress(address);
    const plus = bare ? PLUS_ADDRESS.exec(bare) : null;
    if (plus) return plus[1]!.toUpperCase();
  }
  const inSubject = REFERENCE_IN_TEXT.exec(mail.subject);
  return inSubject ? inSubject[1]!.toUpperCase() : null;
}

/** Who a mail says it is from, for the registration form (as claimed: never used to decide anything). */
export function senderOf(from: string): { name: string; email: string } {
  const email = bareAddress(from) ?? '';
  const angle = from.lastIndexOf('<');
  const name = (angle > 0 ? from.slice(0, angle) : '').replace(/["\p{Cc}\p{Cf}]/gu, '').replace(/\s+/g, ' ').trim();
  return { name: name.slice(0, LIMITS.name), email: email.length <= LIMITS.email ? email : '' };
}

/** The upper bounds of what is kept of an inbound mail. */
export const INBOUND_LIMITS = {
  subject: 500,
  from: 500,
  to: 2000,
  textBody: 100_000,
  htmlBody: 500_000,
  /** The longest attachment name listed (kept ones get attachmentName()). */
  refusedName: 200,
} as const;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * HTML as plain text, for a mail that has no text part: scripts and styles are dropped with their content, tags are
 * removed and entities decoded. The result is still only ever shown as text (React escapes it).
 */
export function htmlToText(html: string): string {
  return html
    .slice(0, INBOUND_LIMITS.htmlBody)
    .replace(/<(script|style|head|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote|pre|table)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The text shown of an inbound mail: its text part, else its HTML made text; bounded. */
export function mailText(text: string | null, html: string | null): string {
  const body = text && text.trim() !== '' ? text : html ? htmlToText(html) : '';
  return body.replace(/\r\n?/g, '\n').slice(0, INBOUND_LIMITS.textBody);
}

export type InboundFile = { name: string; size: number };

/**
 * Which files of an inbound mail are fetched: at most the answer form's number of files, each within its size (the
 * size resend reports; the download is bounded again). The rest are refused with a reason. The type is checked
 * after fetching, by content (`keptFile`).
 */
export function triageAttachments(files: readonly InboundFile[]): { fetch: number[]; refused: RefusedAttachment[] } {
  const fetch: number[] = [];
  const refused: RefusedAttachment[] = [];
  files.forEach((file, index) => {
    const name = listedName(file.name);
    if (file.size <= 0) refused.push({ name, reason: 'empty' });
    else if (file.size > ATTACHMENT_LIMITS.maxBytes) refused.push({ name, reason: 'tooLarge' });
    else if (fetch.length >= ATTACHMENT_LIMITS.maxFiles) refused.push({ name, reason: 'tooMany' });
    else fetch.push(index);
  });
  return { fetch, refused };
}

/** A fetched file: kept when its content is a PDF, JPEG or PNG within the limits, else the reason it is not. */
export function keptFile(size: number, detectedType: string | null): { ok: true; type: AttachmentType } | { ok: false; reason: RefusalReason } {
  if (size <= 0) return { ok: false, reason: 'empty' };
  if (size > ATTACHMENT_LIMITS.maxBytes) return { ok: false, reason: 'tooLarge' };
  return isAttachmentType(detectedType) ? { ok: true, type: detectedType } : { ok: false, reason: 'type' };
}

/** A file name as listed (never used as a path): no control or direction characters, bounded. */
export function listedName(raw: string | null | undefined): string {
  const name = (raw ?? '').replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, '').replace(/\s+/g, ' ').trim();
  return Array.from(name || 'bijlage').slice(0, INBOUND_LIMITS.refusedName).join('');
}

/** The description prefilled in the registration form: the mail's text, within the form's limit. */
export function descriptionFrom(subject: string, body: string): string {
  const text = body.trim() || subject.trim();
  return Array.from(text).slice(0, LIMITS.description).join('');
}

/** The registration form's values prefilled from a draft: channel e-mail, the mail's day, who it says it is from, its text. */
export function registrationPrefill(mail: { fromAddress: string; subject: string; textBody: string; receivedAt: Date }) {
  const sender = senderOf(mail.fromAddress);
  return {
    channel: 'email' as const,
    receivedOn: amsterdamDate(mail.receivedAt),
    name: sender.name,
    email: sender.email,
    description: descriptionFrom(mail.subject, mail.textBody),
  };
}
