import { formatDate } from '@/lib/format';
import { recipientFor } from '@/lib/mail/recipient';
import type { Organisation } from '@/lib/organisation';
import { A4, createPdf, Cursor, lineHeightOf, linesOf, mm, MUTED, pageFooters, type PdfFonts, RULE, type Style } from '@/lib/pdf/document';
import { printable } from '@/lib/pdf/text';
import type { IsoDate } from '@/lib/procedure/dates';
import type { Locale } from '@/lib/procedure/vocabulary';

/**
 * A letter from the outbox as a printable PDF: A4 with the organisation's letterhead, the address where the window of
 * a Dutch window envelope shows it (left window: 22 mm from the left, 50 mm from the top, 85 × 40 mm, with the return
 * address just above it), date, reference and subject, then the stored text of the letter. Long letters run onto
 * further pages, each with the reference and "Pagina x van y".
 */

export type LetterMessage = { medium: 'email' | 'post'; recipient: string };

export type LetterComplaint = {
  reference: string;
  locale: Locale;
  complainantName: string;
  complainantEmail: string | null;
  addressStreet: string | null;
  addressPostcode: string | null;
  addressCity: string | null;
};

/** The complaint's contracting party, for a letter to it (it has no postal address on record yet: name only). */
export type LetterParty = { name: string; email: string | null };

export type Addressee = { lines: string[]; locale: Locale; toClient: boolean };

/** At most this many lines fit the envelope's window. */
export const ADDRESS_MAX_LINES = 6;

const cleanLines = (lines: (string | null | undefined)[]) =>
  lines
    .flatMap((line) => printable(line ?? '').split('\n'))
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .slice(0, ADDRESS_MAX_LINES);

/**
 * Who a letter is addressed to, as the address block prints it. A letter to the client (their e-mail address, or the
 * postal address the letter was written to): their name with their postal address when the complaint has one, else
 * their name only, in the complaint's language. A letter to the contracting party: its name. Anyone else (a staff
 * member): the recipient as stored (a name, or the e-mail address the letter went to). Letters to others are Dutch.
 */
export function letterAddressee(message: LetterMessage, complaint: LetterComplaint | null, party: LetterParty | null): Addressee {
  if (complaint) {
    const contact = {
      name: complaint.complainantName,
      email: complaint.complainantEmail,
      street: complaint.addressStreet,
      postcode: complaint.addressPostcode,
      city: complaint.addressCity,
    };
    const hasAddress = Boolean(contact.street && contact.postcode && contact.city);
    const toClient =
      message.medium === 'email'
        ? contact.email !== null && message.recipient.trim().toLowerCase() === contact.email.trim().toLowerCase()
        : hasAddress && message.recipient === recipientFor({ ...contact, email: null }).recipient;
    if (toClient) {
      const lines = hasAddress ? [contact.name, contact.street, `${contact.postcode} ${contact.city}`] : [contact.name];
      return { lines: cleanLines(lines), locale: complaint.locale, toClient: true };
    }
  }
  if (party && (message.recipient === party.name || (party.email !== null && message.recipient.toLowerCase() === party.email.toLowerCase()))) {
    return { lines: cleanLines([party.name]), locale: 'nl', toClient: false };
  }
  return { lines: cleanLines([message.recipient]), locale: 'nl', toClient: false };
}

export type LetterPdfInput = {
  organisation: Organisation;
  addressee: Addressee;
  /** The complaint's reference (null for a letter that belongs to no complaint). */
  reference: string | null;
  /** The letter's date: the day it was written (the outbox row's creation day, Amsterdam). */
  date: IsoDate;
  subject: string;
  body: string;
};

const LABELS: Record<Locale, { returnAddress: string; date: string; reference: string; subject: string; page: (n: number, of: number) => string }> = {
  nl: { returnAddress: 'Retouradres', date: 'Datum', reference: 'Ons kenmerk', subject: 'Onderwerp', page: (n, of) => `Pagina ${n} van ${of}` },
  en: { returnAddress: 'Return address', date: 'Date', reference: 'Our reference', subject: 'Subject', page: (n, of) => `Page ${n} of ${of}` },
};

const PAGE_TOP = A4[1];
const LEFT = mm(22);
const WIDTH = A4[0] - LEFT - mm(20);
const HEAD_LEFT = mm(120);
const HEAD_WIDTH = A4[0] - HEAD_LEFT - mm(20);
const WINDOW = { left: mm(22), top: mm(50), width: mm(85), height: mm(40) };
const BOTTOM = mm(25);

/** The organisation's lines in the letterhead (name apart): postal address, phone, e-mail, website. */
export function letterheadLines(organisation: Organisation): string[] {
  return cleanLines([organisation.postalAddress, organisation.phone, organisation.email, organisation.website]);
}

export async function letterPdf(input: LetterPdfInput, fonts: PdfFonts): Promise<Uint8Array> {
  const { locale } = input.addressee;
  const labels = LABELS[locale];
  const { pdf, regular, bold } = await createPdf(fonts, { title: input.subject, language: locale === 'nl' ? 'nl-NL' : 'en-GB' });
  const org = input.organisation;
  const continuation = [org.name, input.reference].filter(Boolean).join(' · ');
  const cursor = new Cursor(pdf, { left: LEFT, width: WIDTH, top: PAGE_TOP - mm(20), bottom: BOTTOM }, (page) => {
    // Later pages: who and which letter, then the text goes on.
    page.drawText(linesOf(continuation, { font: regular, size: 8 }, WIDTH)[0] ?? '', { x: LEFT, y: PAGE_TOP - mm(15), size: 8, font: regular, color: MUTED });
    return PAGE_TOP - mm(22);
  });
  const page = cursor.page;

  // Letterhead, top right.
  const head = new Cursor(pdf, { left: HEAD_LEFT, width: HEAD_WIDTH, top: PAGE_TOP - mm(15), bottom: 0 }, undefined, page);
  head.write(org.name, { font: bold, size: 12, lineHeight: 1.3 });
  head.gap(2);
  for (const line of letterheadLines(org)) head.write(line, { font: regular, size: 8.5, color: MUTED, lineHeight: 1.35 });

  // Return address above the window, then the address in it.
  const returnLine = linesOf(`${labels.returnAddress}: ${org.name}, ${org.postalAddress}`, { font: regular, size: 6.5 }, WINDOW.width)[0] ?? '';
  page.drawText(returnLine, { x: WINDOW.left, y: PAGE_TOP - WINDOW.top + 4, size: 6.5, font: regular, color: MUTED });
  page.drawLine({ start: { x: WINDOW.left, y: PAGE_TOP - WINDOW.top + 1.5 }, end: { x: WINDOW.left + WINDOW.width, y: PAGE_TOP - WINDOW.top + 1.5 }, thickness: 0.3, color: RULE });
  const addressStyle: Style = { font: regular, size: 10, lineHeight: 1.3 };
  const addressLines = input.addressee.lines.flatMap((line) => linesOf(line, addressStyle, WINDOW.width - mm(4)).slice(0, 2)).slice(0, 6);
  let y = PAGE_TOP - WINDOW.top - mm(3);
  for (const line of addressLines) {
    y -= lineHeightOf(addressStyle);
    page.drawText(line, { x: WINDOW.left + mm(2), y: y + 3, size: 10, font: regular });
  }

  // Date, reference and subject below the window, then the letter.
  cursor.y = PAGE_TOP - WINDOW.top - WINDOW.height - mm(12);
  const labelStyle: Style = { font: regular, size: 9, color: MUTED };
  const labelWidth = Math.max(...[labels.date, labels.reference, labels.subject].map((l) => regular.widthOfTextAtSize(l, 9))) + mm(5);
  const meta: [string, string][] = [[labels.date, formatDate(input.date, locale)]];
  if (input.reference) meta.push([labels.reference, input.reference]);
  for (const [label, value] of meta) {
    const top = cursor.y;
    cursor.write(label, labelStyle, LEFT, labelWidth);
    cursor.y = top;
    cursor.write(value, { font: regular, size: 10 }, LEFT + labelWidth, WIDTH - labelWidth);
  }
  cursor.gap(mm(6));
  cursor.write(input.subject, { font: bold, size: 11 });
  cursor.gap(mm(4));
  cursor.write(input.body, { font: regular, size: 10.5, lineHeight: 1.45 });

  pageFooters(pdf, regular, (n, of) => [labels.page(n, of), input.reference].filter(Boolean).join(' · '), { left: LEFT, width: WIDTH, y: mm(12) });
  return pdf.save();
}
