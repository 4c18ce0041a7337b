import { getDb } from '@/db/client';
import { complaintsWithClientBounce } from '@/db/inbound';
import { type InboxActor, type InboxFilterOptions, inboxFilterOptions, listInbox, overdueCounts } from '@/db/inbox';
import type { IsoDate } from '@/lib/procedure/dates';
import type { InboxChoices, InboxParams } from './params';
import { type InboxRowView, toRowView } from './view';

/** Read models for the inbox page (server only). */

export async function loadFilterOptions(actor: InboxActor & { name: string }): Promise<InboxFilterOptions> {
  return inboxFilterOptions(await getDb(), actor);
}

/** What the URL may name: a link to a removed category or to another handler's view falls back to the default. */
export function choicesFrom(options: InboxFilterOptions): InboxChoices {
  return {
    categories: options.categories.map((c) => c.code),
    handlers: options.handlers.map((h) => h.id),
    parties: options.parties.map((p) => p.id),
  };
}

export type InboxResult = { rows: InboxRowView[]; total: number; page: number; pages: number; pageSize: number };

export async function loadInbox(actor: InboxActor, params: InboxParams, today: IsoDate): Promise<InboxResult> {
  const db = await getDb();
  const page = await listInbox(db, actor, params, today);
  // A letter to the client that bounced: marked in the row (issue 11).
  const bounced = await complaintsWithClientBounce(db, page.rows.map((row) => row.id));
  return { ...page, rows: page.rows.map((row) => ({ ...toRowView(row, today), ...(bounced.has(row.id) ? { mailBounced: true } : {}) })) };
}

export async function loadOverdueCounts(actor: InboxActor, today: IsoDate) {
  return overdueCounts(await getDb(), actor, today);
}
