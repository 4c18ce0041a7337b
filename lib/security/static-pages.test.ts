import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineScriptHashes } from './headers';

/**
 * The policy of a cached page while Next renders it again (lib/security/static-pages.ts with the cache handler
 * lib/security/page-cache-handler.cjs, Next's real file-system cache underneath): the proxy must allow the new page's
 * scripts before Next can serve the new page, and keep allowing the old page's scripts a little longer.
 */
const require = createRequire(import.meta.url);
type Handler = {
  set(key: string, data: unknown, ctx: unknown): Promise<void>;
  get(key: string, ctx: unknown): Promise<{ value?: { html?: string } } | null>;
};
const PageCacheHandler = require('./page-cache-handler.cjs') as (new (ctx: unknown) => Handler) & {
  SERVING: symbol;
  HOLD_MS: number;
  routeOf(key: string): string;
};
const { nodeFs } = require('next/dist/server/lib/node-fs-methods') as { nodeFs: unknown };

const page = (script: string) => `<!DOCTYPE html><html><body><script src="/_next/static/x.js" async></script><script>${script}</script></body></html>`;
const hashOf = (script: string) => inlineScriptHashes(page(script))[0]!;
const key = (route: string) => `/route-cache/APP_PAGE/0f0f/$${route}`;
const entry = (html: string) => ({ kind: 'APP_PAGE', html, rscData: Buffer.from('rsc'), headers: {}, status: 200, postponed: undefined, segmentData: undefined });
const ctx = { cacheControl: { revalidate: 300, expire: undefined } };
const globals = globalThis as Record<symbol, unknown>;

let dist: string;
let staticPageHashes: (route: string) => string[] | null;
let handler: Handler;

beforeAll(async () => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'klachtloket-static-pages-'));
  mkdirSync(path.join(dist, 'server', 'app'), { recursive: true });
  writeFileSync(path.join(dist, 'prerender-manifest.json'), JSON.stringify({ routes: { '/nl': {}, '/en': {}, '/en/klacht': {} } }));
  writeFileSync(path.join(dist, 'server', 'app', 'nl.html'), page('built'));
  process.env.NEXT_DIST_DIR = path.relative(process.cwd(), dist);
  ({ staticPageHashes } = await import('./static-pages'));
  handler = new PageCacheHandler({ fs: nodeFs, dev: false, flushToDisk: true, serverDistDir: path.join(dist, 'server'), revalidatedTags: [], maxMemoryCacheSize: 10_000_000, _requestHeaders: {} });
});

afterAll(() => {
  delete process.env.NEXT_DIST_DIR;
  delete globals[PageCacheHandler.SERVING];
  rmSync(dist, { recursive: true, force: true });
});

describe('cache keys', () => {
  it.each([
    ['/route-cache/APP_PAGE/ab12/$/nl/klacht', '/nl/klacht'],
    ['/route-cache/APP_PAGE/ab12/$/index', '/'],
    ['/nl', '/nl'],
    ['/en/klacht', '/en/klacht'],
  ])('%s is the page %s', (cacheKey, route) => {
    expect(PageCacheHandler.routeOf(cacheKey)).toBe(route);
  });
});

describe('the policy of a cached page while Next renders it again', () => {
  it('a page rendered per request has no hashes (it gets a nonce); a built page has those of its file', () => {
    expect(staticPageHashes('/nl/status')).toBeNull();
    expect(staticPageHashes('/nl')).toEqual([hashOf('built')]);
  });

  it('the new page is allowed before Next can serve it, and the old one is served until then', async () => {
    globals[PageCacheHandler.SERVING] = true;
    const stored = handler.set(key('/nl'), entry(page('renamed')), ctx);
    // At once: the proxy allows both pages, while Next has not stored the new one yet, in memory or on disk.
    expect(staticPageHashes('/nl')).toEqual(expect.arrayContaining([hashOf('built'), hashOf('renamed')]));
    expect(await handler.get(key('/nl'), { kind: 'APP_PAGE' })).toBeNull();
    expect(existsSync(path.join(dist, 'server', 'route-cache', 'APP_PAGE', '0f0f', '$', 'nl.html'))).toBe(false);
    const started = Date.now();
    await stored;
    expect(Date.now() - started).toBeGreaterThanOrEqual(PageCacheHandler.HOLD_MS - 50);
    // Then Next serves the new page (from memory, and the file follows); its scripts stay allowed.
    expect((await handler.get(key('/nl'), { kind: 'APP_PAGE' }))?.value?.html).toBe(page('renamed'));
    expect(existsSync(path.join(dist, 'server', 'route-cache', 'APP_PAGE', '0f0f', '$', 'nl.html'))).toBe(true);
    expect(staticPageHashes('/nl')).toEqual(expect.arrayContaining([hashOf('built'), hashOf('renamed')]));
  });

  it('only the last four versions of a page stay allowed; other pages are not affected', async () => {
    globals[PageCacheHandler.SERVING] = false; // as while building: stored at once
    for (const version of ['v2', 'v3', 'v4']) {
      await handler.set(key('/nl'), entry(page(version)), ctx);
      staticPageHashes('/nl');
    }
    expect(new Set(staticPageHashes('/nl'))).toEqual(new Set(['renamed', 'v2', 'v3', 'v4'].map(hashOf)));
    expect(staticPageHashes('/en/klacht')).toBeNull(); // prerendered, but nothing built or rendered for it here
    await handler.set(key('/en/klacht'), entry(page('english')), ctx);
    expect(staticPageHashes('/en/klacht')).toEqual([hashOf('english')]);
    expect(staticPageHashes('/nl')).not.toContain(hashOf('english'));
  });
});

describe('a file read while Next writes it', () => {
  it('an empty file (just truncated) gives no policy of hashes at all; it is read again once written', () => {
    const file = path.join(dist, 'server', 'app', 'en.html');
    writeFileSync(file, '');
    expect(staticPageHashes('/en')).toBeNull();
    writeFileSync(file, page('written'));
    expect(staticPageHashes('/en')).toEqual([hashOf('written')]);
  });
});
