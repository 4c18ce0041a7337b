import { getDb } from '@/db/client';
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
  const page = await listInbox(await getDb(), actor, params, today);
  return { ...page, rows: page.rows.map((row) => toRowView(row, today)) };
}

export async function loadOverdueCounts(actor: InboxActor, today: IsoDate) {
  return overdueCounts(await getDb(), actor, today);
}
