import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { ExportRecord } from '@/lib/inbox/export';
import type { InboxParams, SortKey, SortDirection } from '@/lib/inbox/params';
import type { IsoDate } from '@/lib/procedure/dates';
import type { Db, Tx } from './client';
import { type InboxActor, inboxWhere, rowColumns } from './inbox';
import { categories, complaints, contractingParties, users } from './schema';

type Executor = Db | Tx;

/**
 * The CSV export's rows: every complaint of an inbox view (the inbox's own WHERE, `inboxWhere`), in the inbox's order,
 * read in keyset batches. Each batch is one short query that continues after the last row of the previous one, so an
 * export of 100,000 complaints holds neither a transaction nor more than one batch in memory, and each query is as
 * fast at the end as at the start (no growing OFFSET).
 *
 * Rows that change between two batches may move: a complaint whose deadline changes during the export can be
 * missed or appear twice (as when paging through the inbox). Exports are a snapshot "as of now", good enough for that.
 */

export const EXPORT_BATCH_SIZE = 5_000;

/**
 * The inbox's ORDER BY (db/inbox.ts `ordering`) as non-null sort keys, so a keyset can continue after a row: a
 * missing deadline sorts last as ±infinity, and every order ends on a unique key.
 */
type SortKeyPart = { expr: SQL; dir: SortDirection; name: string };

function sortKeys(sort: SortKey, dir: SortDirection): SortKeyPart[] {
  const deadline = (d: SortDirection) => sql`coalesce(${complaints.nextDue}, ${sql.raw(d === 'asc' ? "'infinity'" : "'-infinity'")}::date)`;
  switch (sort) {
    case 'deadline':
      return [
        { expr: deadline(dir), dir, name: 'k_due' },
        { expr: sql`${complaints.id}`, dir, name: 'k_id' },
      ];
    case 'received':
      return [
        { expr: sql`${complaints.receivedOn}`, dir, name: 'k_received' },
        { expr: sql`${complaints.id}`, dir, name: 'k_id' },
      ];
    case 'reference':
      return [{ expr: sql`${complaints.reference}`, dir, name: 'k_reference' }];
    case 'status':
      return [
        { expr: sql`${complaints.status}`, dir, name: 'k_status' },
        { expr: deadline('asc'), dir: 'asc', name: 'k_due' },
        { expr: sql`${complaints.id}`, dir: 'asc', name: 'k_id' },
      ];
  }
}

/** "Comes after this row" for the keys: (k1 > v1) or (k1 = v1 and k2 > v2) or … (per key its own direction). */
function after(keys: SortKeyPart[], values: unknown[]): SQL {
  const branches = keys.map((key, i) => {
    const equalBefore = keys.slice(0, i).map((k, j) => sql`${k.expr} = ${values[j]}`);
    const beyond = key.dir === 'asc' ? sql`${key.expr} > ${values[i]}` : sql`${key.expr} < ${values[i]}`;
    return and(...equalBefore, beyond)!;
  });
  return or(...branches)!;
}

const exportColumns = {
  ...rowColumns,
  partyName: contractingParties.name,
  partyType: contractingParties.type,
  partyChoice: complaints.partyChoice,
  acknowledgementDue: complaints.acknowledgementDue,
  noticeDue: sql<IsoDate | null>`case when ${complaints.incidentOlderThanLimit} then ${complaints.noticeDue} end`,
  resolutionDue: complaints.resolutionDue,
  extensionCount: complaints.extensionCount,
  outcome: complaints.outcome,
  notAdmissibleGround: complaints.notAdmissibleGround,
};

/**
 * The complaints of this view for this actor, batch by batch, in the inbox's order (the page number is ignored: the
 * export has every page).
 */
export async function* exportBatches(
  db: Executor,
  actor: InboxActor,
  params: InboxParams,
  today: IsoDate,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<ExportRecord[]> {
  const where = inboxWhere(actor, params, today);
  const keys = sortKeys(params.sort, params.dir);
  const keyColumns = Object.fromEntries(keys.map((k) => [k.name, sql<string>`(${k.expr})::text`]));
  const order = keys.map((k) => sql`${k.expr} ${sql.raw(k.dir)}`);
  let last: unknown[] | null = null;
  for (;;) {
    const rows = await db
      .select({ ...exportColumns, ...keyColumns })
      .from(complaints)
      .innerJoin(categories, eq(categories.id, complaints.categoryId))
      .leftJoin(users, eq(users.id, complaints.handlerId))
      .leftJoin(contractingParties, eq(contractingParties.id, complaints.contractingPartyId))
      .where(last ? and(where, after(keys, last)) : where)
      .orderBy(...order)
      .limit(batchSize);
    if (rows.length === 0) return;
    const tail = rows[rows.length - 1] as Record<string, unknown>;
    last = keys.map((k) => tail[k.name]);
    yield rows.map((row) => {
      const record = { ...(row as Record<string, unknown>) };
      for (const k of keys) delete record[k.name];
      return record as unknown as ExportRecord;
    });
    if (rows.length < batchSize) return;
  }
}
