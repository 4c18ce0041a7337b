// What PostgreSQL's backends were doing while a benchmark path ran: pg_stat_activity sampled every few milliseconds on
// a connection of its own. A backend is idle (no transaction: the app has no work for it), idle in a transaction
// (waiting for the app's next statement), running (CPU) or waiting (e.g. Lock/transactionid: queued behind another
// transaction's row lock). Shares are of all samples of the app's connections. The tally is pure (waits.test.ts).
import pg from 'pg';

export type ActivityRow = { state: string | null; wait_event_type: string | null; wait_event: string | null };
export type WaitShare = { what: string; samples: number; share: number };

/** What one sampled backend was doing; null for a backend without a state (not the app's: a background one). */
export function activityOf(row: ActivityRow): string | null {
  if (row.state === null) return null;
  if (row.state === 'idle') return 'idle (no work from the app)';
  if (row.state === 'idle in transaction' || row.state === 'idle in transaction (aborted)') return 'idle in transaction (waiting for the app)';
  if (row.wait_event_type === 'Client' && row.wait_event === 'ClientRead') return 'idle in transaction (waiting for the app)';
  if (row.wait_event_type) return `${row.wait_event_type}/${row.wait_event ?? '?'}`;
  return 'running (CPU)';
}

/** Samples per activity, largest first. */
export function tallyWaits(rows: readonly ActivityRow[]): WaitShare[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const what = activityOf(row);
    if (what) counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return [...counts.entries()]
    .map(([what, samples]) => ({ what, samples, share: total > 0 ? samples / total : 0 }))
    .sort((a, b) => b.samples - a.samples || a.what.localeCompare(b.what));
}

/** Samples the database's client backends (but its own) until `stop` is called; gives every sampled row. */
export async function sampleWaits(databaseUrl: string, everyMs = 10): Promise<{ stop: () => Promise<ActivityRow[]> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const rows: ActivityRow[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows: now } = await client.query<ActivityRow>(
        `select state, wait_event_type, wait_event from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      );
      rows.push(...now);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      return rows;
    },
  };
}

/** "Lock/transactionid 3.1 %, running (CPU) 40.2 %, …": the top few, for a report line. */
export function waitsLine(shares: readonly WaitShare[], top = 4): string {
  return shares
    .slice(0, top)
    .map((s) => `${s.what} ${(s.share * 100).toFixed(1)} %`)
    .join(', ');
}
