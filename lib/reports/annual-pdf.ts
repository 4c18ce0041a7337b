import { type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { A4, createPdf, INK, MUTED, pageFooters, type PdfFonts } from '@/lib/pdf/document';
import { wrapText } from '@/lib/pdf/text';
import type { AnnualDocument, AnnualTable } from './annual';

/**
 * The annual register as a PDF (pdf-lib): A4, DejaVu Sans embedded as a subset (the standard PDF fonts only know
 * WinAnsi; names such as "Şahin" in the organisation's details or a measure would make them throw), pages laid out by
 * hand with the table header repeated on every page a table continues on, and "Pagina x van y" in every footer.
 */

const MARGIN = 50;
const FOOTER_SPACE = 36;
const WIDTH = A4[0] - 2 * MARGIN;
const RULE = rgb(0.8, 0.78, 0.76);
const HEADER_FILL = rgb(0.95, 0.94, 0.93);
const CELL_PAD = 4;

type Style = { font: PDFFont; size: number; color?: ReturnType<typeof rgb> };

/**
 * Column widths: when everything fits, each column as wide as its widest cell and the first takes the slack; else
 * every column at least as wide as its longest word, and the room left shared in proportion to what each still lacks.
 */
function columnWidths(table: AnnualTable, measure: (s: string, bold: boolean) => number): number[] {
  const cells = (i: number) => [...table.rows, ...(table.total ? [table.total] : [])].map((r) => r[i] ?? '');
  const natural = table.columns.map((header, i) => Math.max(measure(header, true), ...cells(i).map((c) => measure(c, false))) + 2 * CELL_PAD);
  if (natural.reduce((a, b) => a + b, 0) <= WIDTH) {
    const rest = natural.slice(1).reduce((a, b) => a + b, 0);
    return [WIDTH - rest, ...natural.slice(1)];
  }
  const longestWord = (text: string, bold: boolean) => Math.max(0, ...text.split(/\s+/).map((w) => measure(w, bold)));
  const minimum = table.columns.map((header, i) =>
    Math.min(WIDTH / table.columns.length, Math.max(longestWord(header, true), ...cells(i).map((c) => longestWord(c, false))) + 2 * CELL_PAD),
  );
  const room = WIDTH - minimum.reduce((a, b) => a + b, 0);
  const lacking = natural.map((w, i) => w - minimum[i]!);
  const lackSum = lacking.reduce((a, b) => a + b, 0) || 1;
  return minimum.map((m, i) => m + (lacking[i]! / lackSum) * room);
}

export async function annualPdf(doc: AnnualDocument, fonts: PdfFonts): Promise<Uint8Array> {
  const { pdf, regular, bold } = await createPdf(fonts, { title: doc.title, language: 'nl-NL' });

  let page: PDFPage = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  const bottom = MARGIN + FOOTER_SPACE;

  const newPage = () => {
    page = pdf.addPage(A4);
    y = A4[1] - MARGIN;
  };
  const ensure = (height: number) => {
    if (y - height < bottom) newPage();
  };
  const lineHeight = (size: number) => size * 1.35;
  const write = (text: string, style: Style, x = MARGIN, width = WIDTH) => {
    const lines = wrapText(text, (s) => style.font.widthOfTextAtSize(s, style.size), width);
    for (const line of lines) {
      ensure(lineHeight(style.size));
      y -= lineHeight(style.size);
      page.drawText(line, { x, y: y + (lineHeight(style.size) - style.size) / 2 + 1, size: style.size, font: style.font, color: style.color ?? INK });
    }
  };

  // Title, subtitle, introduction, the organisation.
  write(doc.title, { font: bold, size: 20 });
  y -= 4;
  write(doc.subtitle, { font: regular, size: 10, color: MUTED });
  y -= 8;
  write(doc.intro, { font: regular, size: 10 });
  y -= 10;
  const labelWidth = Math.max(...doc.organisation.map((o) => bold.widthOfTextAtSize(o.label, 10))) + 12;
  for (const item of doc.organisation) {
    ensure(lineHeight(10));
    const top = y;
    write(item.label, { font: bold, size: 10 }, MARGIN, labelWidth);
    const afterLabel = y;
    y = top;
    write(item.value, { font: regular, size: 10 }, MARGIN + labelWidth, WIDTH - labelWidth);
    y = Math.min(y, afterLabel);
  }

  const measure = (s: string, isBold: boolean) => (isBold ? bold : regular).widthOfTextAtSize(s, 9);

  const drawRow = (cells: string[], widths: number[], aligns: ('left' | 'right')[], font: PDFFont, fill?: ReturnType<typeof rgb>) => {
    const size = 9;
    const wrapped = cells.map((cell, i) => wrapText(cell, (s) => font.widthOfTextAtSize(s, size), widths[i]! - 2 * CELL_PAD));
    const height = Math.max(...wrapped.map((l) => l.length)) * lineHeight(size) + 2 * CELL_PAD;
    if (fill) page.drawRectangle({ x: MARGIN, y: y - height, width: WIDTH, height, color: fill });
    let x = MARGIN;
    wrapped.forEach((lines, i) => {
      lines.forEach((line, j) => {
        const w = font.widthOfTextAtSize(line, size);
        const tx = aligns[i] === 'right' ? x + widths[i]! - CELL_PAD - w : x + CELL_PAD;
        page.drawText(line, { x: tx, y: y - CELL_PAD - (j + 1) * lineHeight(size) + (lineHeight(size) - size) / 2 + 1, size, font, color: INK });
      });
      x += widths[i]!;
    });
    y -= height;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + WIDTH, y }, thickness: 0.5, color: RULE });
    return height;
  };
  const rowHeight = (cells: string[], widths: number[], font: PDFFont) =>
    Math.max(...cells.map((cell, i) => wrapText(cell, (s) => font.widthOfTextAtSize(s, 9), widths[i]! - 2 * CELL_PAD).length)) * lineHeight(9) +
    2 * CELL_PAD;

  for (const section of doc.sections) {
    y -= 14;
    ensure(lineHeight(14) + 60);
    write(section.heading, { font: bold, size: 14 });
    if (section.intro) {
      y -= 2;
      write(section.intro, { font: regular, size: 9.5, color: MUTED });
    }
    for (const table of section.tables) {
      y -= 8;
      const widths = columnWidths(table, measure);
      const headerHeight = rowHeight(table.columns, widths, bold);
      const firstRow = table.rows[0] ?? table.total;
      // Caption, header and at least the first row together.
      ensure(lineHeight(10) + headerHeight + (firstRow ? rowHeight(firstRow, widths, regular) : 0));
      write(table.caption, { font: bold, size: 10 });
      y -= 2;
      drawRow(table.columns, widths, table.align, bold, HEADER_FILL);
      const rows: [string[], PDFFont][] = [...table.rows.map((r): [string[], PDFFont] => [r, regular]), ...(table.total ? [[table.total, bold] as [string[], PDFFont]] : [])];
      for (const [cells, font] of rows) {
        if (y - rowHeight(cells, widths, font) < bottom) {
          newPage();
          drawRow(table.columns, widths, table.align, bold, HEADER_FILL);
        }
        drawRow(cells, widths, table.align, font);
      }
    }
  }

  pageFooters(pdf, regular, doc.footer, { left: MARGIN, width: WIDTH, y: MARGIN, rule: RULE });
  return pdf.save();
}
