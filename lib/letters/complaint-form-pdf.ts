import { rgb } from 'pdf-lib';
import { formatMonths, formatTerm } from '@/lib/format';
import en from '@/lib/i18n/messages/en.json';
import nl from '@/lib/i18n/messages/nl.json';
import type { Organisation } from '@/lib/organisation';
import { A4, createPdf, Cursor, lineHeightOf, linesOf, mm, MUTED, pageFooters, type PdfFonts, type Style } from '@/lib/pdf/document';
import { CLIENT_CONTRACTING_PARTY_CHOICES, type Locale } from '@/lib/procedure/vocabulary';

/**
 * The blank complaint form to print (`/klachtenformulier.pdf`, `/en/complaint-form.pdf`): the questions of the online
 * form with their own labels (the message files' `form` texts, so paper and screen ask the same), lines and boxes to
 * write on, tick boxes for the choices, and where to send it (the organisation's postal address from the settings).
 */

export type ComplaintFormInput = {
  locale: Locale;
  organisation: Organisation;
  /** The active categories, in the form's order, in this language. */
  categories: string[];
  terms: { acknowledgementDays: number; retentionMonths: number };
};

const MESSAGES = { nl, en } as const;

/** A message with its {placeholders} filled in. */
function fill(text: string, values: Record<string, string> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Everything the paper form says, in one language (pure: the unit tests read it). */
export function complaintFormTexts(input: ComplaintFormInput) {
  const m = MESSAGES[input.locale];
  const f = m.form;
  const p = m.paperForm;
  const org = input.organisation;
  const online = org.website ? `${org.website.replace(/\/+$/, '')}${input.locale === 'en' ? '/en' : ''}` : null;
  return {
    title: `${p.title} · ${org.name}`,
    heading: p.title,
    intro: fill(p.intro, { organisation: org.name }),
    sendTitle: p.sendTitle,
    send: p.send,
    address: [org.name, ...org.postalAddress.split(/\s*,\s*|\n/).filter(Boolean)],
    after: fill(p.after, { ack: formatTerm(input.terms.acknowledgementDays, input.locale) }),
    online: online ? fill(p.online, { url: online }) : null,
    questions: fill(p.questions, { phone: org.phone, email: org.email }),
    aboutYou: f.aboutYou,
    contactNote: p.contactNote,
    name: `${f.name} *`,
    email: f.email,
    street: f.street,
    postcode: f.postcode,
    city: f.city,
    phone: `${f.phone} (${f.optional})`,
    aboutComplaint: f.aboutComplaint,
    category: `${f.category} *`,
    tick: p.tick,
    staff: `${f.staff} (${f.optional})`,
    description: `${f.description} *`,
    moreSpace: p.moreSpace,
    incidentWhen: `${f.incidentWhen} *`,
    incidentOnDate: `${f.incidentOnDate}: ____ - ____ - ________`,
    incidentOngoing: f.incidentOngoing,
    desiredOutcome: `${f.desiredOutcome} (${f.optional})`,
    party: `${f.party} *`,
    partyHint: f.partyHint,
    partyChoices: CLIENT_CONTRACTING_PARTY_CHOICES.map((choice) => m.partyChoice[choice]),
    partyName: `${f.partyName} (${f.optional})`,
    consent: f.consent,
    consentHint: fill(f.consentHint, { retention: formatMonths(input.terms.retentionMonths, input.locale) }),
    signTitle: p.signTitle,
    date: p.date,
    signature: p.signature,
    page: (page: number, pages: number) => fill(p.page, { page: String(page), pages: String(pages) }),
  };
}

const LEFT = mm(20);
const WIDTH = A4[0] - 2 * LEFT;
const LINE_GAP = mm(8);
const BOX_LINE = rgb(0.72, 0.7, 0.68);
const BOX_EDGE = rgb(0.45, 0.43, 0.41);

export async function complaintFormPdf(input: ComplaintFormInput, fonts: PdfFonts): Promise<Uint8Array> {
  const t = complaintFormTexts(input);
  const { pdf, regular, bold } = await createPdf(fonts, { title: t.title, language: input.locale === 'nl' ? 'nl-NL' : 'en-GB' });
  const cursor = new Cursor(pdf, { left: LEFT, width: WIDTH, top: A4[1] - mm(18), bottom: mm(20) });
  const text: Style = { font: regular, size: 10 };
  const hint: Style = { font: regular, size: 8.5, color: MUTED };
  const label: Style = { font: bold, size: 10 };

  /** A box with `lines` writing lines; kept on one page together with its label. */
  const box = (lines: number, x = LEFT, width = WIDTH, ruled = true) => {
    const height = lines * LINE_GAP + mm(2);
    cursor.ensure(height);
    const top = cursor.y;
    cursor.page.drawRectangle({ x, y: top - height, width, height, borderColor: BOX_EDGE, borderWidth: 0.7 });
    for (let i = 1; ruled && i < lines; i++) {
      const y = top - i * LINE_GAP - mm(1);
      cursor.page.drawLine({ start: { x: x + mm(2), y }, end: { x: x + width - mm(2), y }, thickness: 0.4, color: BOX_LINE });
    }
    cursor.y = top - height;
  };
  /** A question: its label (and hint) kept with the first part of its answer space. */
  const question = (title: string, options: { hint?: string; lines?: number; keep?: number } = {}) => {
    const needed = lineHeightOf(label) * linesOf(title, label, WIDTH).length + (options.hint ? lineHeightOf(hint) * 2 : 0) + (options.keep ?? LINE_GAP * 2);
    cursor.gap(mm(3));
    cursor.ensure(needed);
    cursor.write(title, label);
    if (options.hint) cursor.write(options.hint, hint);
    cursor.gap(mm(1));
    if (options.lines) box(options.lines);
  };
  /** Tick boxes with their labels, flowing over the width of the page. */
  const ticks = (choices: string[]) => {
    const size = mm(3.8);
    const rowHeight = mm(7);
    let x = LEFT;
    cursor.ensure(rowHeight);
    cursor.y -= rowHeight;
    for (const choice of choices) {
      const words = linesOf(choice, text, WIDTH - size - mm(4))[0] ?? '';
      const width = size + mm(2) + regular.widthOfTextAtSize(words, text.size) + mm(7);
      if (x > LEFT && x + width > LEFT + WIDTH) {
        x = LEFT;
        cursor.ensure(rowHeight);
        cursor.y -= rowHeight;
      }
      cursor.page.drawRectangle({ x, y: cursor.y + mm(1.2), width: size, height: size, borderColor: BOX_EDGE, borderWidth: 0.8 });
      cursor.page.drawText(words, { x: x + size + mm(2), y: cursor.y + mm(1.8), size: text.size, font: regular });
      x += width;
    }
  };
  const section = (title: string) => {
    cursor.gap(mm(6));
    cursor.ensure(mm(25));
    cursor.write(title, { font: bold, size: 13 });
    cursor.page.drawLine({ start: { x: LEFT, y: cursor.y - 2 }, end: { x: LEFT + WIDTH, y: cursor.y - 2 }, thickness: 0.8, color: BOX_EDGE });
    cursor.gap(mm(1));
  };

  // Heading: who, what, where to send it.
  cursor.write(input.organisation.name, { font: bold, size: 11, color: MUTED });
  cursor.write(t.heading, { font: bold, size: 22, lineHeight: 1.3 });
  cursor.gap(mm(1));
  cursor.write(t.intro, text);
  cursor.gap(mm(3));
  const sendTop = cursor.y;
  const sendHeight = mm(4) + lineHeightOf(label) + lineHeightOf(text) * (linesOf(t.send, text, WIDTH - mm(8)).length + t.address.length + 3) + (t.online ? lineHeightOf(hint) : 0);
  cursor.page.drawRectangle({ x: LEFT, y: sendTop - sendHeight, width: WIDTH, height: sendHeight, color: rgb(0.96, 0.95, 0.93) });
  cursor.gap(mm(2));
  const inner = LEFT + mm(4);
  const innerWidth = WIDTH - mm(8);
  cursor.write(t.sendTitle, label, inner, innerWidth);
  cursor.write(t.send, text, inner, innerWidth);
  for (const line of t.address) cursor.write(line, { font: bold, size: 10 }, inner + mm(6), innerWidth - mm(6));
  cursor.write(t.after, text, inner, innerWidth);
  cursor.write(t.questions, hint, inner, innerWidth);
  if (t.online) cursor.write(t.online, hint, inner, innerWidth);
  cursor.y = sendTop - sendHeight;

  section(t.aboutYou);
  cursor.write(t.contactNote, hint);
  question(t.name, { lines: 1 });
  question(t.email, { lines: 1 });
  question(t.street, { lines: 1 });
  // Postcode and city side by side.
  cursor.gap(mm(3));
  cursor.ensure(lineHeightOf(label) + LINE_GAP + mm(2));
  const rowTop = cursor.y;
  const postcodeWidth = mm(45);
  cursor.write(t.postcode, label, LEFT, postcodeWidth);
  cursor.y = rowTop;
  cursor.write(t.city, label, LEFT + postcodeWidth + mm(5), WIDTH - postcodeWidth - mm(5));
  cursor.gap(mm(1));
  const boxTop = cursor.y;
  box(1, LEFT, postcodeWidth);
  cursor.y = boxTop;
  box(1, LEFT + postcodeWidth + mm(5), WIDTH - postcodeWidth - mm(5));
  question(t.phone, { lines: 1 });

  section(t.aboutComplaint);
  if (input.categories.length > 0) {
    question(t.category, { hint: t.tick, keep: mm(8) });
    ticks(input.categories);
  } else {
    question(t.category, { lines: 1 });
  }
  question(t.staff, { lines: 1 });
  question(t.incidentWhen, { hint: t.tick, keep: mm(8) });
  ticks([t.incidentOnDate, t.incidentOngoing]);
  question(t.description, { hint: t.moreSpace, lines: 12, keep: 12 * LINE_GAP });
  question(t.desiredOutcome, { lines: 3, keep: 3 * LINE_GAP });
  question(t.party, { hint: t.partyHint, keep: mm(8) });
  ticks(t.partyChoices);
  question(t.partyName, { lines: 1 });

  section(t.signTitle);
  cursor.gap(mm(2));
  // The consent: a tick box with the text wrapped beside it.
  const tick = mm(3.8);
  cursor.page.drawRectangle({ x: LEFT, y: cursor.y - tick - mm(0.8), width: tick, height: tick, borderColor: BOX_EDGE, borderWidth: 0.8 });
  cursor.write(t.consent, text, LEFT + tick + mm(2), WIDTH - tick - mm(2));
  cursor.write(t.consentHint, hint, LEFT + mm(5.8), WIDTH - mm(5.8));
  cursor.gap(mm(3));
  const signTop = cursor.y;
  cursor.write(t.date, label, LEFT, mm(50));
  cursor.y = signTop;
  cursor.write(t.signature, label, LEFT + mm(60), WIDTH - mm(60));
  cursor.gap(mm(1));
  const signBox = cursor.y;
  box(1, LEFT, mm(50));
  cursor.y = signBox;
  box(2, LEFT + mm(60), WIDTH - mm(60), false);

  pageFooters(pdf, regular, (page, pages) => `${t.heading} · ${input.organisation.name} · ${t.page(page, pages)}`, { left: LEFT, width: WIDTH, y: mm(10) });
  return pdf.save();
}
