import path from 'node:path';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { FIXED_HEADERS, HSTS, fixedPolicy } from './lib/security/headers';

const isDev = process.env.NODE_ENV !== 'production';

// Security headers: one place, lib/security/headers.ts. Pages get their own Content-Security-Policy (a nonce, or the
// hashes of a prerendered page's inline scripts) from proxy.ts; what the proxy does not handle (see its matcher)
// gets the fixed policy here: API routes, Next's files, and every path with an extension (the PDFs, the icon, and the
// not-found page of an unknown file, which then shows without its scripts).
const notPages = ['/api/:path*', '/_next/:path*', '/:file(.*\\.\\w+)'];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run bench:submit` builds into its own folder, so the benchmark build (with its floor route) never becomes the
  // build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Fixed at build time: '1' only in the benchmark build, which then answers on /api/bench/submit (404 elsewhere).
  env: { KLACHTLOKET_BENCH_BUILD: process.env.KLACHTLOKET_BENCH_BUILD === '1' ? '1' : '' },
  experimental: {
    // The build prerenders the start page and the complaint form from the database's settings (issue 13). The embedded
    // database (PGlite, no DATABASE_URL) may be opened by one process at a time: then one build worker, not one per CPU.
    ...(process.env.DATABASE_URL ? {} : { cpus: 1 }),
    // The benchmark build writes source maps of its (still minified) server code, so the profile of
    // `npm run bench:profile` names the source file and line of each function (scripts/bench/profile-summary.ts).
    ...(process.env.KLACHTLOKET_BENCH_BUILD === '1' ? { serverSourceMaps: true } : {}),
  },
  // Next's own file-system cache, which also tells the proxy the scripts of a page it has just rendered again, before
  // serving it (lib/security/page-cache-handler.cjs). Not on Vercel, where Next uses Vercel's own cache instead.
  ...(process.env.VERCEL ? {} : { cacheHandler: path.join(process.cwd(), 'lib/security/page-cache-handler.cjs') }),
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'ws', '@neondatabase/serverless'],
  // The annual register's PDF and the complaint dossier embed DejaVu Sans (lib/reports/pdf-fonts.ts reads it at run
  // time): ship the files. The mail worker attaches the dossier to the escalation mail, and it runs after any step
  // (server actions on every page) and from the cron route: every route gets the fonts.
  outputFileTracingIncludes: {
    '/**': ['./node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf', './node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'],
  },
  async headers() {
    return [
      { source: '/:path*', headers: [...FIXED_HEADERS] },
      ...notPages.map((source) => ({ source, headers: [{ key: 'Content-Security-Policy', value: fixedPolicy(isDev) }] })),
      // HSTS when a proxy in front says the request came over https (proxy.ts also sends it for pages).
      { source: '/:path*', has: [{ type: 'header' as const, key: 'x-forwarded-proto', value: 'https' }], headers: [HSTS] },
    ];
  },
};

export default createNextIntlPlugin('./lib/i18n/request.ts')(nextConfig);
