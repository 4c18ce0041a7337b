import fontkit from '@pdf-lib/fontkit';
import { type PDFFont, PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import { printable, wrapText } from './text';

/**
 * A small cursor over pdf-lib for documents laid out by hand (letters, the paper complaint form): A4, DejaVu Sans
 * embedded as a subset (the standard PDF fonts only know WinAnsi and throw on "Şahin" or "Łukasz"), text wrapped to
 * a width, and a new page when the next line would not fit above the bottom margin.
 */

export const A4: [number, number] = [595.28, 841.89];
/** Millimetres in PDF points. */
export const mm = (n: number) => (n * 72) / 25.4;

export const INK = rgb(0.11, 0.1, 0.09);
export const MUTED = rgb(0.35, 0.33, 0.31);
export const RULE = rgb(0.55, 0.53, 0.51);

export type Style = { font: PDFFont; size: number; color?: ReturnType<typeof rgb>; lineHeight?: number };

/** DejaVu Sans, regular and bold (lib/reports/pdf-fonts.ts reads them). */
export type PdfFonts = { regular: Uint8Array; bold: Uint8Array };

/** A new document with both fonts embedded as subsets, and its title, language and (optionally) author set. */
export async function createPdf(fonts: PdfFonts, meta: { title: string; language: string; author?: string }) {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const bold = await pdf.embedFont(fonts.bold, { subset: true });
  pdf.setTitle(printable(meta.title).replace(/\n/g, ' '));
  if (meta.author) pdf.setAuthor(printable(meta.author).replace(/\n/g, ' '));
  pdf.setLanguage(meta.language);
  pdf.setCreator('Klachtloket');
  pdf.setProducer('Klachtloket');
  return { pdf, regular, bold };
}

/** Lines of `text` as they will be drawn in `style` within `width`. */
export function linesOf(text: string, style: Style, width: number): string[] {
  return wrapText(printable(text), (s) => style.font.widthOfTextAtSize(s, style.size), width);
}

export const lineHeightOf = (style: Style) => style.size * (style.lineHeight ?? 1.4);

/**
 * Writes from the top of a page down. `newPage` is called when text does not fit (it adds a page and says where the
 * text starts on it); `left`/`width` are the text column.
 */
export class Cursor {
  page: PDFPage;
  y: number;
  constructor(
    readonly pdf: PDFDocument,
    readonly frame: { left: number; width: number; top: number; bottom: number },
    private readonly onNewPage: (page: PDFPage) => number = () => frame.top,
    /** Write on this page instead of a new one. */
    page?: PDFPage,
  ) {
    this.page = page ?? pdf.addPage(A4);
    this.y = frame.top;
  }

  newPage(): void {
    this.page = this.pdf.addPage(A4);
    this.y = this.onNewPage(this.page);
  }

  /** Room for `height` more points on this page, else a new one. */
  ensure(height: number): void {
    if (this.y - height < this.frame.bottom) this.newPage();
  }

  /** Wrapped text; each line goes to the next page when it does not fit. */
  write(text: string, style: Style, x = this.frame.left, width = this.frame.width): void {
    const height = lineHeightOf(style);
    for (const line of linesOf(text, style, width)) {
      this.ensure(height);
      this.y -= height;
      if (line) this.page.drawText(line, { x, y: this.y + (height - style.size) / 2 + 1, size: style.size, font: style.font, color: style.color ?? INK });
    }
  }

  gap(points: number): void {
    this.y -= points;
  }
}

/**
 * "Pagina x van y" (or any text) centred at the bottom of every page, in 8 pt; with `rule`, a thin line of that colour
 * across the column 14 points above it.
 */
export function pageFooters(
  pdf: PDFDocument,
  font: PDFFont,
  text: (page: number, pages: number) => string,
  frame: { left: number; width: number; y: number; rule?: ReturnType<typeof rgb> },
) {
  const pages = pdf.getPages();
  pages.forEach((page, i) => {
    const line = text(i + 1, pages.length);
    const w = font.widthOfTextAtSize(line, 8);
    if (frame.rule) page.drawLine({ start: { x: frame.left, y: frame.y + 14 }, end: { x: frame.left + frame.width, y: frame.y + 14 }, thickness: 0.5, color: frame.rule });
    page.drawText(line, { x: frame.left + Math.max(0, (frame.width - w) / 2), y: frame.y, size: 8, font, color: MUTED });
  });
}
