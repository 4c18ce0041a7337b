import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { inlineScriptHashes } from './headers';

/**
 * Prerendered pages (○ in `next build`, or cached with revalidate): their HTML is written at build time (and again
 * when the cache revalidates), so no per-request nonce can be in it. For those, the proxy sends the hashes of the
 * inline scripts in the HTML Next serves, read from `.next` (the prerender manifest says which routes are
 * prerendered) and kept until the file changes. Answers null for a page rendered per request (it gets a nonce).
 *
 * The start page and the complaint form (both languages) are served from the cache with revalidation (issue 13; see
 * app/[locale]/klacht/page.tsx); every other page is rendered per request and gets a nonce. e2e/csp.spec.ts checks
 * that the cached pages hydrate under their hashes.
 */
const distDir = () => path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next');

let routes: Set<string> | null = null;
const cache = new Map<string, { mtimeMs: number; hashes: string[] }>();

function prerenderedRoutes(): Set<string> {
  if (routes) return routes;
  try {
    const manifest = JSON.parse(readFileSync(path.join(distDir(), 'prerender-manifest.json'), 'utf8')) as { routes?: Record<string, unknown> };
    routes = new Set(Object.keys(manifest.routes ?? {}));
  } catch {
    routes = new Set(); // not built (dev, tests): everything gets a nonce
  }
  return routes;
}

/** The app route a request path is rendered by: public pages live under /[locale] (Dutch without a prefix). */
export function internalRoute(pathname: string, locales: readonly string[], defaultLocale: string): string {
  if (pathname === '/beheer' || pathname.startsWith('/beheer/')) return pathname;
  const first = pathname.split('/')[1] ?? '';
  if (locales.includes(first)) return pathname;
  return pathname === '/' ? `/${defaultLocale}` : `/${defaultLocale}${pathname}`;
}

/**
 * Where the HTML Next serves for a route is: written by the build in server/app, and by each revalidation (Next 16) in
 * server/route-cache/APP_PAGE/<key>/$<route>.html. The newest one is what the cache serves.
 */
function newestHtml(route: string): { file: string; mtimeMs: number } | null {
  const name = `${route === '/' ? 'index' : route}.html`;
  const candidates = [path.join(distDir(), 'server', 'app', name)];
  const routeCache = path.join(distDir(), 'server', 'route-cache', 'APP_PAGE');
  try {
    for (const key of readdirSync(routeCache)) candidates.push(path.join(routeCache, key, `$${route}.html`));
  } catch {
    // nothing revalidated yet
  }
  let newest: { file: string; mtimeMs: number } | null = null;
  for (const file of candidates) {
    try {
      const { mtimeMs } = statSync(file);
      if (!newest || mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
    } catch {
      // not there
    }
  }
  return newest;
}

export function staticPageHashes(route: string): string[] | null {
  if (!prerenderedRoutes().has(route)) return null;
  const html = newestHtml(route);
  if (!html) return null;
  try {
    const cached = cache.get(route);
    if (cached && cached.mtimeMs === html.mtimeMs) return cached.hashes;
    const hashes = inlineScriptHashes(readFileSync(html.file, 'utf8'));
    cache.set(route, { mtimeMs: html.mtimeMs, hashes });
    return hashes;
  } catch {
    return null;
  }
}
