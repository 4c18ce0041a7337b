import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Db, Tx } from '@/db/client';
import type { InboxActor } from '@/db/inbox';
import { exportBatches } from '@/db/inbox-export';
import type { IsoDate } from '@/lib/procedure/dates';
import { CSV_OPTIONS, EXPORT_LABELS, type ExportLabels, exportHeader, exportRow } from './export';
import type { InboxParams } from './params';

/**
 * The CSV of an inbox view as a Node stream (server only). Rows are pulled from the database a batch at a time, only
 * as fast as the reader takes the bytes (backpressure through `pipe`), so memory stays at about one batch whatever the
 * number of rows. A database error halfway destroys the stream: the download breaks off instead of ending as if
 * complete.
 */
export function inboxCsvStream(
  db: Db | Tx,
  actor: InboxActor,
  params: InboxParams,
  today: IsoDate,
  options: { labels?: ExportLabels; batchSize?: number } = {},
): Readable {
  const labels = options.labels ?? EXPORT_LABELS;
  async function* records() {
    yield exportHeader(labels);
    for await (const batch of exportBatches(db, actor, params, today, options.batchSize)) {
      for (const record of batch) yield exportRow(record, today, labels);
    }
  }
  const source = Readable.from(records());
  const csv = stringify(CSV_OPTIONS);
  source.on('error', (error) => csv.destroy(error));
  return source.pipe(csv);
}
