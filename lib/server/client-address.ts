/**
 * The client's network address, the way the deployment says it may be read (issue 12, review item 3).
 *
 * - On Vercel (`VERCEL` set): Vercel's own `x-vercel-forwarded-for` (first entry), else `x-real-ip`. Vercel
 *   overwrites these; a client cannot set them.
 * - Otherwise `TRUSTED_PROXY_HOPS` (default 0) says how many reverse proxies in front of the app each append the
 *   address they saw to `X-Forwarded-For`. The client may put anything at the start of that header, so we count
 *   from the right: with N trusted hops the address is the N-th entry from the right (the one the outermost trusted
 *   proxy wrote).
 * - `next start` itself does NOT append: it sets `X-Forwarded-For` to the socket address only when the header is
 *   absent (node_modules/next/dist/server/base-server.js, `??=`). With 0 hops the rightmost entry is therefore the
 *   socket address when the client sent no header — a client talking to `next start` directly can still choose its
 *   address. Run behind a proxy that appends (nginx `$proxy_add_x_forwarded_for`) and set TRUSTED_PROXY_HOPS=1; the
 *   global limits hold regardless.
 */
export type AddressSettings = { vercel: boolean; trustedProxyHops: number };

export function addressSettings(env: Record<string, string | undefined> = process.env): AddressSettings {
  const hops = Number.parseInt(env.TRUSTED_PROXY_HOPS ?? '0', 10);
  return { vercel: Boolean(env.VERCEL), trustedProxyHops: Number.isFinite(hops) && hops > 0 && hops < 20 ? hops : 0 };
}

const ADDRESS = /^[0-9A-Fa-f.:]{2,45}$/;

/** A plain IPv4/IPv6 address (an IPv4-mapped IPv6 address as IPv4), or null when it does not look like one. */
function clean(value: string | null | undefined): string | null {
  let address = value?.trim() ?? '';
  if (address.startsWith('[') && address.includes(']')) address = address.slice(1, address.indexOf(']'));
  if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(address)) address = address.slice(7);
  return ADDRESS.test(address) ? address.toLowerCase() : null;
}

export function clientAddressFrom(headers: Headers, settings: AddressSettings = addressSettings()): string {
  if (settings.vercel) {
    return clean(headers.get('x-vercel-forwarded-for')?.split(',')[0]) ?? clean(headers.get('x-real-ip')) ?? 'unknown';
  }
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
  if (hops.length === 0) return 'unknown';
  const index = hops.length - Math.max(settings.trustedProxyHops, 1);
  return clean(hops[Math.max(index, 0)]) ?? 'unknown';
}

/** The address of the request being served (server actions, pages); 'unknown' outside a request (tests, scripts). */
export async function requestAddress(): Promise<string> {
  try {
    const { headers } = await import('next/headers');
    return clientAddressFrom(await headers());
  } catch {
    return 'unknown';
  }
}
