import { complaintFormResponse } from '@/lib/letters/complaint-form-load';

// The form depends on the settings, read per request; the response carries an ETag of exactly those.
export const dynamic = 'force-dynamic';

/**
 * GET /en/complaint-form.pdf: the blank complaint form in English. A static `en` segment beside `app/[locale]`: the
 * proxy leaves paths with an extension alone, so next-intl never sees it, and this route wins over the dynamic one.
 */
export function GET(request: Request) {
  return complaintFormResponse(request, 'en', 'complaint-form.pdf');
}
