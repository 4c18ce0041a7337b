import { complaintFormResponse } from '@/lib/letters/complaint-form-load';

// The form depends on the settings, read per request; the response carries an ETag of exactly those.
export const dynamic = 'force-dynamic';

/** GET /klachtenformulier.pdf: the blank complaint form to print, in Dutch (outside next-intl: a file, not a page). */
export function GET(request: Request) {
  return complaintFormResponse(request, 'nl', 'klachtenformulier.pdf');
}
