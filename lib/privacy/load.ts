import { getDb } from '@/db/client';
import { findPrivacyRequest, listPrivacyRequests, privacyEventsOf, privacyRequestComplaintsOf } from '@/db/privacy';

/** Read models for the privacy requests' pages (server only). */

/** At most this many requests are listed (open ones always first); the page says when there are more. */
export const PRIVACY_LIST_LIMIT = 500;

export async function loadPrivacyRequests() {
  const rows = await listPrivacyRequests(await getDb(), PRIVACY_LIST_LIMIT + 1);
  return { rows: rows.slice(0, PRIVACY_LIST_LIMIT), more: rows.length > PRIVACY_LIST_LIMIT };
}

/** One request with its complaints and its events; null when it does not exist. */
export async function loadPrivacyRequest(id: number) {
  const db = await getDb();
  const request = await findPrivacyRequest(db, id);
  if (!request) return null;
  const [complaints, events] = await Promise.all([privacyRequestComplaintsOf(db, id), privacyEventsOf(db, id)]);
  return { request, complaints, events };
}

/** A request id from the URL: a plain positive whole number, else null. */
export function parsePrivacyRequestId(raw: string): number | null {
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}
