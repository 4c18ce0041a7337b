import { revalidateTag, unstable_cache } from 'next/cache';
import { after } from 'next/server';

/**
 * The public start page and complaint form are served from Next's cache (issue 13) and show settings: the
 * organisation's details (also in the footer), the terms, the active categories and staff. Those pages read them
 * through `publicSettings`, tagged PUBLIC_SETTINGS_TAG; after an admin changes one of them, the tag is revalidated
 * with the 'max' profile: the next visitor still gets the page as it was (whose script hashes the proxy knows, see
 * lib/security/static-pages.ts) while Next renders it again in the background; later visitors get the new page.
 * (An immediate expiry would render the next visit on the spot, after the proxy has sent the old page's hashes.)
 * So that the person who made the change sees it when they open the form a moment later, the app makes that "next
 * visit" itself right after the action's response: one request per page, which has Next render it again.
 */
export const PUBLIC_SETTINGS_TAG = 'public-settings';

/** A settings read for the cached public pages, kept with the page until the settings change. */
export function publicSettings<A extends unknown[], R>(name: string, load: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return unstable_cache(load, ['public-settings', name], { tags: [PUBLIC_SETTINGS_TAG], revalidate: 300 });
}

/** The pages served from the cache (app/[locale]/page.tsx, app/[locale]/klacht/page.tsx), as visitors ask for them. */
export const CACHED_PUBLIC_PATHS = ['/', '/klacht', '/en', '/en/klacht'] as const;

export function revalidatePublicPages(): void {
  try {
    revalidateTag(PUBLIC_SETTINGS_TAG, 'max');
  } catch (error) {
    // Called outside a Next request (integration tests, scripts): there is no page cache in this process to refresh.
    if (!(error instanceof Error && error.message.includes('static generation store missing'))) throw error;
    return;
  }
  after(renderPublicPagesAgain);
}

/** Visits each cached page once (APP_URL, this app), so Next renders it again in the background now. */
async function renderPublicPagesAgain(): Promise<void> {
  const base = process.env.APP_URL;
  if (!base) return;
  await Promise.allSettled(
    CACHED_PUBLIC_PATHS.map(async (path) => {
      const response = await fetch(new URL(path, base), { headers: { accept: 'text/html' }, cache: 'no-store', signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
    }),
  );
}

/** A settings action's answer, passed on after asking the public pages to be rendered again when it succeeded. */
export function thenRevalidatePublicPages<T extends { ok: boolean }>(result: T): T {
  if (result.ok) revalidatePublicPages();
  return result;
}
