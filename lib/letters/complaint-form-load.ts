import { loggableError } from '@/lib/server/log-error';
import { createHash } from 'node:crypto';
import { getDb } from '@/db/client';
import { activeCategories, currentTerms } from '@/db/complaints';
import { organisationOrDefault } from '@/db/settings';
import { DEFAULT_ORGANISATION } from '@/lib/organisation';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import type { Locale } from '@/lib/procedure/vocabulary';
import { dejaVuSans } from '@/lib/reports/pdf-fonts';
import { complaintFormPdf, type ComplaintFormInput } from './complaint-form-pdf';

/**
 * The blank complaint form for a language. It depends only on the settings (organisation details, active categories,
 * procedure terms): its ETag is a hash of exactly those, and the PDF is made once per version and kept in memory.
 * When the database cannot be asked, the published defaults are printed and nothing is cached.
 */

const made = new Map<string, Promise<Uint8Array>>();
const KEEP = 8;

export type ComplaintFormFile = { bytes: Uint8Array; etag: string | null };

async function inputFor(locale: Locale): Promise<{ input: ComplaintFormInput; fromDatabase: boolean }> {
  try {
    const db = await getDb();
    const [organisation, categories, terms] = await Promise.all([organisationOrDefault(db), activeCategories(db), currentTerms(db)]);
    return {
      input: { locale, organisation, categories: categories.map((c) => (locale === 'en' ? c.nameEn : c.nameNl)), terms },
      fromDatabase: true,
    };
  } catch (error) {
    console.error('[complaint form] settings unavailable, printing the defaults:', loggableError(error));
    return { input: { locale, organisation: DEFAULT_ORGANISATION, categories: [], terms: DEFAULT_TERMS }, fromDatabase: false };
  }
}

/** A strong ETag for the form made from these settings. */
export function complaintFormEtag(input: ComplaintFormInput): string {
  const { acknowledgementDays, retentionMonths } = input.terms;
  const key = JSON.stringify([input.locale, input.organisation, input.categories, acknowledgementDays, retentionMonths]);
  return `"form-${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
}

export async function loadComplaintForm(locale: Locale): Promise<ComplaintFormFile> {
  const { input, fromDatabase } = await inputFor(locale);
  if (!fromDatabase) return { bytes: await complaintFormPdf(input, await dejaVuSans()), etag: null };
  const etag = complaintFormEtag(input);
  let bytes = made.get(etag);
  if (!bytes) {
    bytes = dejaVuSans().then((fonts) => complaintFormPdf(input, fonts));
    bytes.catch(() => made.delete(etag));
    made.set(etag, bytes);
    if (made.size > KEEP) made.delete(made.keys().next().value!);
  }
  return { bytes: await bytes, etag };
}

/** The response for GET: 304 when the browser has this version, else the PDF, cacheable for a while. */
export async function complaintFormResponse(request: Request, locale: Locale, fileName: string): Promise<Response> {
  const { bytes, etag } = await loadComplaintForm(locale);
  const headers: Record<string, string> = etag
    ? { ETag: etag, 'Cache-Control': 'public, max-age=600, must-revalidate' }
    : { 'Cache-Control': 'no-store' };
  if (etag && request.headers.get('if-none-match')?.split(/\s*,\s*/).includes(etag)) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(bytes), {
    headers: { ...headers, 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${fileName}"` },
  });
}
