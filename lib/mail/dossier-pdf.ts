import { type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { A4, createPdf, INK, MUTED, pageFooters, type PdfFonts } from '@/lib/pdf/document';
import { wrapText } from '@/lib/pdf/text';
import type { DossierAttachment, Item } from './letter';

/**
 * The escalation dossier as a PDF (pdf-lib, DejaVu Sans embedded as a subset so names like "Şahin" and "Łukasz" come
 * out right): the organisation as letterhead, the title, then the dossier's items exactly as the mail to the party
 * has them (lib/mail/letters.ts escalationDossier): the complainant, the complaint, the history, the outcome and what
 * the client is not satisfied with. Pages laid out by hand, "Pagina x van y" in every footer.
 */

const MARGIN = 56;
const FOOTER_SPACE = 36;
const WIDTH = A4[0] - 2 * MARGIN;
const BRAND = rgb(0.075, 0.275, 0.21);
const RULE = rgb(0.8, 0.78, 0.76);
const SIZE = 10.5;

/** Invisible direction and control characters are left out (PDF text is laid out left to right as it is). */
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** A text the font can show: characters it has no glyph for (most emoji) become U+FFFD, not an empty box. */
const characterSets = new WeakMap<PDFFont, Set<number>>();
function printable(font: PDFFont, text: string): string {
  let known = characterSets.get(font);
  if (!known) characterSets.set(font, (known = new Set(font.getCharacterSet())));
  return Array.from(text.replace(INVISIBLE, ''))
    .map((ch) => (ch === '\n' || known.has(ch.codePointAt(0)!) ? ch : '\uFFFD'))
    .join('');
}

/** The letterhead: the organisation's name and contact line (a letter's `organisation` and `contact`). */
export type Letterhead = { organisation: string; contact: string };

export async function dossierPdf(doc: Letterhead, dossier: DossierAttachment, fonts: PdfFonts): Promise<Uint8Array> {
  const { pdf, regular, bold } = await createPdf(fonts, { title: dossier.title, language: 'nl-NL', author: doc.organisation });

  let page: PDFPage = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  const bottom = MARGIN + FOOTER_SPACE;
  const lineHeight = (size: number) => size * 1.4;
  const ensure = (height: number) => {
    if (y - height < bottom) {
      page = pdf.addPage(A4);
      y = A4[1] - MARGIN;
    }
  };
  /** Writes a wrapped text; returns the top and bottom of what it wrote on the last page (for the quote's bar). */
  const write = (text: string, font: PDFFont, size: number, color = INK, x = MARGIN, width = WIDTH) => {
    const lines = wrapText(printable(font, text), (t) => font.widthOfTextAtSize(t, size), width);
    let top = y;
    for (const line of lines) {
      const before = page;
      ensure(lineHeight(size));
      if (page !== before) top = y;
      y -= lineHeight(size);
      page.drawText(line, { x, y: y + (lineHeight(size) - size) / 2 + 1, size, font, color });
    }
    return { top, bottom: y };
  };

  // Letterhead: the organisation and its contact line, a rule, the title.
  write(doc.organisation, bold, 15, BRAND);
  if (doc.contact) write(doc.contact, regular, 8.5, MUTED);
  y -= 6;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + WIDTH, y }, thickness: 1.5, color: BRAND });
  y -= 18;
  write(dossier.title, bold, 18);
  y -= 4;

  const items: Item[] = dossier.items;
  items.forEach((item, i) => {
    const next = items[i + 1];
    switch (item.t) {
      case 'gap':
        y -= 6;
        break;
      case 'heading':
        y -= 10;
        // A heading stays with at least two lines of what follows.
        ensure(lineHeight(13) + 2 * lineHeight(SIZE));
        write(item.text, bold, 13);
        y -= 3;
        break;
      case 'item': {
        ensure(lineHeight(SIZE));
        page.drawText('•', { x: MARGIN + 2, y: y - lineHeight(SIZE) + (lineHeight(SIZE) - SIZE) / 2 + 1, size: SIZE, font: regular, color: INK });
        write(item.text, regular, SIZE, INK, MARGIN + 14, WIDTH - 14);
        break;
      }
      case 'quote': {
        y -= 2;
        const box = write(item.text, regular, SIZE, INK, MARGIN + 14, WIDTH - 14);
        page.drawLine({ start: { x: MARGIN + 3, y: box.top }, end: { x: MARGIN + 3, y: box.bottom }, thickness: 3, color: RULE });
        y -= 4;
        break;
      }
      default: {
        const label = item.text.endsWith(':') && next !== undefined && next.t !== 'gap' && next.t !== 'heading';
        if (label) ensure(2 * lineHeight(SIZE));
        write(item.text, label ? bold : regular, SIZE);
      }
    }
  });

  const footer = (page: number, pages: number) => printable(regular, `${dossier.title} · ${doc.organisation} · Pagina ${page} van ${pages}`);
  pageFooters(pdf, regular, footer, { left: MARGIN, width: WIDTH, y: MARGIN, rule: RULE });
  return pdf.save();
}
