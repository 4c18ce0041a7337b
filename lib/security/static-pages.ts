import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { inlineScriptHashes } from './headers';

/**
 * Prerendered pages (○ in `next build`, or cached with revalidate): their HTML is written at build time (and again
 * when the cache revalidates), so no per-request nonce can be in it. For those, the proxy sends the hashes of the
 * inline scripts in the HTML Next serves. Answers null for a page rendered per request (it gets a nonce).
 *
 * Where that HTML is: the file the build (or the last revalidation) wrote in `.next` (the prerender manifest says which
 * routes are prerendered), and the page Next has just rendered again, which lib/security/page-cache-handler.cjs leaves
 * in this process before Next serves it (the file follows a moment later). While Next swaps the old page for the new
 * one, either may be served: the policy allows the scripts of the last few versions of the page, all Next's own.
 *
 * The start page and the complaint form (both languages) are served from the cache with revalidation (issue 13; see
 * app/[locale]/klacht/page.tsx); every other page is rendered per request and gets a nonce. e2e/csp.spec.ts checks
 * that the cached pages hydrate under their hashes, e2e/settings.spec.ts that every answer's policy fits its page while
 * the page is rendered again.
 */
const distDir = () => path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next');

/** How many versions of a page the policy allows: the one being served, and the one before or after it. */
const VERSIONS = 4;
const RENDERED = Symbol.for('klachtloket.rendered-pages');

let routes: Set<string> | null = null;
type Seen = { file?: { path: string; mtimeMs: number }; rendered?: string; versions: string[][]; allowed: string[] };
const seen = new Map<string, Seen>();

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

/** The HTML of the page Next last rendered for this route in this process (lib/security/page-cache-handler.cjs). */
function lastRendered(route: string): string | undefined {
  return (globalThis as { [RENDERED]?: Map<string, string> })[RENDERED]?.get(route);
}

function remember(entry: Seen, hashes: string[]) {
  const key = [...hashes].sort().join(' ');
  entry.versions = entry.versions.filter((version) => [...version].sort().join(' ') !== key);
  entry.versions.push(hashes);
  if (entry.versions.length > VERSIONS) entry.versions.shift();
  entry.allowed = [...new Set(entry.versions.flat())];
}

export function staticPageHashes(route: string): string[] | null {
  if (!prerenderedRoutes().has(route)) return null;
  const entry = seen.get(route) ?? { versions: [], allowed: [] };
  seen.set(route, entry);
  const file = newestHtml(route);
  if (file && (entry.file?.path !== file.file || entry.file.mtimeMs !== file.mtimeMs)) {
    try {
      const hashes = inlineScriptHashes(readFileSync(file.file, 'utf8'));
      // A page always has inline scripts: none means the file is being written. Read it again next time.
      if (hashes.length > 0) {
        remember(entry, hashes);
        entry.file = { path: file.file, mtimeMs: file.mtimeMs };
      }
    } catch {
      // gone or being replaced: read it next time
    }
  }
  const rendered = lastRendered(route);
  if (rendered !== undefined && rendered !== entry.rendered) {
    remember(entry, inlineScriptHashes(rendered));
    entry.rendered = rendered;
  }
  return entry.allowed.length > 0 ? entry.allowed : null;
}
