import type { Organisation } from '@/lib/organisation';
import type { Locale } from '@/lib/procedure/vocabulary';

/**
 * A letter as a structure: the one source of its plain text (what the outbox shows and the mail's text part), its
 * HTML (lib/mail/html.tsx, rendered when the mail is sent) and, for the escalation, the dossier PDF. Letters are
 * written as lines (lib/mail/letters.ts): a string is a line as it is, '' an empty line, `- …` an item of a list;
 * quote() and heading() mark what the text shows plainly but the HTML shows as a quotation or a heading. Because the
 * text is made from the same items, the HTML and the text cannot say different things.
 */

/** One line of a letter's body; `Gap` is the empty line between paragraphs. */
export type Item =
  | { t: 'line'; text: string }
  | { t: 'item'; text: string }
  | { t: 'quote'; text: string }
  | { t: 'heading'; text: string }
  | { t: 'gap' };

/** What the escalation mail carries as a PDF (lib/mail/dossier-pdf.ts): made from the same items as the letter. */
export type DossierAttachment = { kind: 'dossier'; filename: string; title: string; reference: string; items: Item[] };

export type LetterDoc = {
  v: 1;
  lang: Locale;
  /** The organisation's name, for the letterhead. */
  organisation: string;
  greeting: string;
  body: Item[];
  /** The closing lines: the signature (may hold line breaks) and the contact line. */
  signature: string;
  contact: string;
  attachment?: DossierAttachment;
};

export type Letter = { subject: string; text: string; doc: LetterDoc };

/** What the client, staff member or party wrote, quoted as it is: `"…"` in the text, a quotation in the HTML. */
export class Quoted {
  constructor(readonly text: string) {}
  toString(): string {
    return `"${this.text}"`;
  }
}

/** A heading within the letter: a line of its own in the text, a heading in the HTML and the PDF. */
export class Heading {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Line = string | Quoted | Heading;

export const quote = (text: string) => new Quoted(text.trim());
export const heading = (text: string) => new Heading(text);

/** A written line as an item: the marked ones as they are marked, `- …` as an item of a list, '' as a gap. */
export function toItem(line: Line): Item {
  if (line instanceof Quoted) return { t: 'quote', text: line.text };
  if (line instanceof Heading) return { t: 'heading', text: line.text };
  if (line === '') return { t: 'gap' };
  if (line.startsWith('- ')) return { t: 'item', text: line.slice(2) };
  return { t: 'line', text: line };
}

/** An item as the text shows it: exactly the line it was written as. */
export function itemText(item: Item): string {
  switch (item.t) {
    case 'gap':
      return '';
    case 'item':
      return `- ${item.text}`;
    case 'quote':
      return `"${item.text}"`;
    default:
      return item.text;
  }
}

/** The letter's plain text: greeting, body and closing, an empty line between them. */
export function letterText(doc: LetterDoc): string {
  return [doc.greeting, '', ...doc.body.map(itemText), '', doc.signature, doc.contact].join('\n');
}

/** The contact line under the letter: phone, e-mail, postal address and website, as far as they are known. */
export function contactLine(org: Organisation): string {
  return [org.phone, org.email, org.postalAddress, org.website].filter((part) => part && part.trim() !== '').join(' · ');
}

/** The closing: the organisation's own signature in Dutch, a plain English closing. */
export function signatureOf(org: Organisation, locale: Locale): string {
  return locale === 'nl' ? org.signature.trim() || `Met vriendelijke groet,\n${org.name}` : `Kind regards,\n${org.name}`;
}

/** Greeting, body and closing as one structured letter, and its text. */
export function compose(
  locale: Locale,
  greeting: string,
  org: Organisation,
  draft: { subject: string; body: Line[]; attachment?: DossierAttachment },
): Letter {
  const doc: LetterDoc = {
    v: 1,
    lang: locale,
    organisation: org.name,
    greeting,
    body: draft.body.map(toItem),
    signature: signatureOf(org, locale),
    contact: contactLine(org),
    ...(draft.attachment ? { attachment: draft.attachment } : {}),
  };
  return { subject: draft.subject, text: letterText(doc), doc };
}

/**
 * A letter stored without its structure (older outbox rows, hand-written demo mails): the text as it is, each line a
 * line, so it still gets an HTML part that says exactly what the text says.
 */
export function docFromText(text: string, lang: Locale, organisation: string): LetterDoc {
  const lines = text.split('\n');
  const firstGap = lines.indexOf('');
  const greeting = firstGap > 0 ? lines.slice(0, firstGap).join('\n') : '';
  const rest = firstGap > 0 ? lines.slice(firstGap + 1) : lines;
  return { v: 1, lang, organisation, greeting, body: rest.map((text) => (text === '' ? { t: 'gap' } : { t: 'line', text })), signature: '', contact: '' };
}

/** A stored structure is used only when it is one this code knows (a row written by a newer version is sent as text). */
export function isLetterDoc(value: unknown): value is LetterDoc {
  if (!value || typeof value !== 'object') return false;
  const doc = value as Partial<LetterDoc>;
  return doc.v === 1 && (doc.lang === 'nl' || doc.lang === 'en') && Array.isArray(doc.body) && typeof doc.greeting === 'string';
}
