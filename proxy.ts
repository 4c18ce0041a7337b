import createMiddleware from 'next-intl/middleware';
import { routing } from '@/lib/i18n/routing';

/** Public pages: Dutch at `/`, English under `/en` (Node runtime, Next 16 proxy). */
export default createMiddleware(routing);

export const config = {
  // Everything except API routes, the back-office, Next internals and files with an extension.
  matcher: ['/((?!api|beheer|_next|_vercel|.*\\..*).*)'],
};
