'use strict';
/**
 * Next's own incremental cache (the file-system cache it uses when none is configured), with one addition for the
 * Content-Security-Policy of cached pages (lib/security/static-pages.ts), configured as `cacheHandler` in
 * next.config.ts. Plain JavaScript: Next loads it as it is, at run time.
 *
 * When Next has rendered a cached page again (a revalidation), it stores it: first in its memory cache, from which
 * pages are served, then on disk a moment later. The proxy sends each page's policy before Next looks the page up, so
 * it must know the new page's inline scripts before any request can be served it. So this handler first leaves the
 * new HTML here (globalThis: the proxy runs in the same process), and, while the app is serving, keeps the old page in
 * place for HOLD_MS more, during which the proxy allows the scripts of both. A request the proxy passed before that
 * then gets the old page, which its policy allows.
 */
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache').default;

const RENDERED = Symbol.for('klachtloket.rendered-pages');
/** Set by proxy.ts when it loads: the app is serving requests (not building). */
const SERVING = Symbol.for('klachtloket.proxy-serving');
const HOLD_MS = 1000;

/** The route of a cache key: `/route-cache/APP_PAGE/<hash>/$/nl/klacht` (or `/nl/klacht`) → `/nl/klacht`. */
function routeOf(key) {
  const at = key.lastIndexOf('/$');
  const route = at >= 0 ? key.slice(at + 2) : key;
  return route === '/index' ? '/' : route;
}

class PageCacheHandler extends FileSystemCache {
  async set(key, data, ctx) {
    if (data && data.kind === 'APP_PAGE' && typeof data.html === 'string') {
      const rendered = (globalThis[RENDERED] ??= new Map());
      rendered.set(routeOf(key), data.html);
      if (globalThis[SERVING] === true) await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
    }
    return super.set(key, data, ctx);
  }
}

module.exports = PageCacheHandler;
module.exports.RENDERED = RENDERED;
module.exports.SERVING = SERVING;
module.exports.HOLD_MS = HOLD_MS;
module.exports.routeOf = routeOf;
