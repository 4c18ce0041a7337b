import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PdfFonts } from '@/lib/pdf/document';

/**
 * DejaVu Sans from the dejavu-fonts-ttf package (server only). Shipped with the app: next.config.ts traces these files
 * into the PDF route (`outputFileTracingIncludes`), so hosts without system fonts have them too.
 */
export const FONT_DIR = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');

let cached: Promise<PdfFonts> | null = null;

export function dejaVuSans(): Promise<PdfFonts> {
  cached ??= Promise.all([readFile(path.join(FONT_DIR, 'DejaVuSans.ttf')), readFile(path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'))]).then(
    ([regular, bold]) => ({ regular, bold }),
  );
  cached.catch(() => {
    cached = null;
  });
  return cached;
}
