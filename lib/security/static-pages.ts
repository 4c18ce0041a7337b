import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { inlineScriptHashes } from './headers';

/**
 * Prerendered pages (○ in `next build`, or cached with revalidate): their HTML is written at build time (and again
 * when the cache revalidates), so no per-request nonce can be in it. For those, the proxy sends the hashes of the
 * inline scripts in the HTML Next serves, read from `.next` (the prerender manifest says which routes are
 * prerendered) and kept until the file changes. Answers null for a page rendered per request (it gets a nonce).
 *
 * Today every page is rendered per request (`next build` lists only /_global-error, /_not-found and /icon.svg as
 * prerendered; not-found is made dynamic, see app/not-found.tsx); this is what keeps a page correct once it is cached.
 */
const distDir = () => path.join(process.cwd(), '.next');

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

export function staticPageHashes(route: string): string[] | null {
  if (!prerenderedRoutes().has(route)) return null;
  const file = path.join(distDir(), 'server', 'app', `${route === '/' ? 'index' : route}.html`);
  try {
    const { mtimeMs } = statSync(file);
    const cached = cache.get(route);
    if (cached && cached.mtimeMs === mtimeMs) return cached.hashes;
    const hashes = inlineScriptHashes(readFileSync(file, 'utf8'));
    cache.set(route, { mtimeMs, hashes });
    return hashes;
  } catch {
    return null;
  }
}
