import { createHash } from 'node:crypto';
import v8 from 'node:v8';
import vm from 'node:vm';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, EXPORT_LABELS } from '@/lib/inbox/export';
import { inboxCsvStream } from '@/lib/inbox/export-stream';
import { DEFAULT_PARAMS, type InboxParams, SORT_KEYS } from '@/lib/inbox/params';
import { parseCsv } from '@/lib/inbox/parse-csv';
import { amsterdamDate } from '@/lib/procedure/dates';
import { STATUSES } from '@/lib/procedure/vocabulary';
import type { Db } from './client';
import type { InboxActor } from './inbox';
import { complaints, users } from './schema';
import { migratedThrowawayDatabase } from './testing';

// The CSV export against real PostgreSQL: with the demo data it holds exactly the inbox's complaints, in the inbox's
// order, for every sort, filter and person (a handler exports what their inbox shows); at 100,000 complaints it streams
// in keyset batches with bounded memory and parses back.

const NOW = new Date('2026-03-18T10:15:00Z');
const TODAY = amsterdamDate(NOW);

let db: Db;
let close: (() => Promise<void>) | undefined;
let inbox: typeof import('./inbox');
let exporter: typeof import('./inbox-export');
let people: Record<'admin' | 'manager' | 'handler1' | 'handler2', InboxActor>;

beforeAll(async () => {
  ({ db, close } = await migratedThrowawayDatabase());
  const { seedDemoData } = await import('./seed');
  inbox = await import('./inbox');
  exporter = await import('./inbox-export');
  await seedDemoData(db, NOW);
  const byEmail = async (email: string) => (await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, email)))[0]!;
  people = {
    admin: await byEmail('admin@klachtloket.test'),
    manager: await byEmail('kwaliteit@klachtloket.test'),
    handler1: await byEmail('behandelaar1@klachtloket.test'),
    handler2: await byEmail('behandelaar2@klachtloket.test'),
  };
}, 120_000);

afterAll(async () => {
  await close?.();
});

/** A full garbage collection on demand (without starting node with --expose-gc), to measure what is really retained. */
function collectGarbage(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

const view = (params: Partial<InboxParams>): InboxParams => ({ ...DEFAULT_PARAMS, ...params });

/** Every id of an inbox view, page by page, in the order the inbox shows them. */
async function inboxIds(actor: InboxActor, params: InboxParams): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const result = await inbox.listInbox(db, actor, { ...params, page }, TODAY);
    ids.push(...result.rows.map((r) => r.id));
    if (page >= result.pages) return ids;
  }
}

async function exportIds(actor: InboxActor, params: InboxParams, batchSize: number): Promise<number[]> {
  const ids: number[] = [];
  for await (const batch of exporter.exportBatches(db, actor, params, TODAY, batchSize)) {
    expect(batch.length).toBeLessThanOrEqual(batchSize);
    ids.push(...batch.map((r) => r.id));
  }
  return ids;
}

async function streamToText(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

describe('the export holds exactly what the inbox shows', () => {
  const ALL = [...STATUSES];

  it.each(SORT_KEYS.flatMap((sort) => (['asc', 'desc'] as const).map((dir) => [sort, dir] as const)))(
    'sorted by %s %s: the same complaints in the same order, across batch borders',
    async (sort, dir) => {
      for (const statuses of [ALL, DEFAULT_PARAMS.statuses]) {
        const params = view({ statuses, sort, dir, page: 3 });
        const expected = await inboxIds(people.manager, params);
        expect(expected.length).toBeGreaterThan(statuses === ALL ? 25 : 10);
        // Small batches put many batch borders among equal sort keys (same day, same status, no deadline).
        expect(await exportIds(people.manager, params, 7)).toEqual(expected);
        expect(await exportIds(people.manager, params, 1000)).toEqual(expected);
      }
    },
  );

  it.each<[string, Partial<InboxParams>]>([
    ['closed', { statuses: ['resolved', 'escalated', 'closed_by_party', 'not_admissible', 'withdrawn'] }],
    ['overdue', { overdue: 'any' }],
    ['acknowledgement overdue', { overdue: 'acknowledgement' }],
    ['nobody assigned', { statuses: [...STATUSES], handler: 'none' }],
    ['by phone', { statuses: [...STATUSES], channel: 'phone' }],
    ['searched', { statuses: [...STATUSES], q: 'de' }],
    // The report's drill-down filters (the dashboard links to the inbox, and from there to the export).
    ['received in a range', { statuses: [...STATUSES], receivedFrom: '2025-10-01', receivedTo: '2026-02-28' }],
    ['not upheld', { statuses: [...STATUSES], outcome: 'not_upheld' }],
  ])('filter %s', async (_, filter) => {
    const params = view(filter);
    const expected = await inboxIds(people.manager, params);
    expect(await exportIds(people.manager, params, 5)).toEqual(expected);
  });

  it.each(['handler1', 'handler2', 'admin'] as const)('%s exports what their own inbox shows', async (who) => {
    const params = view({ statuses: [...STATUSES], sort: 'received' });
    const expected = await inboxIds(people[who], params);
    const all = await inboxIds(people.manager, params);
    if (who === 'admin') expect(expected).toEqual([]);
    else expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(await exportIds(people[who], params, 4)).toEqual(expected);

    // And the file itself: a header and exactly those complaints' references.
    const rows = parseCsv(await streamToText(inboxCsvStream(db, people[who], params, TODAY, { batchSize: 4 })));
    expect(rows[0]).toEqual(EXPORT_COLUMNS.map((c) => EXPORT_LABELS.headers[c]));
    const refs = await db.select({ id: complaints.id, reference: complaints.reference }).from(complaints);
    const refOf = new Map(refs.map((r) => [r.id, r.reference]));
    expect(rows.slice(1).map((r) => r[0])).toEqual(expected.map((id) => refOf.get(id)));
  });
});

describe('100,000 complaints', () => {
  const N = 100_000;

  beforeAll(async () => {
    // Written in one statement with generate_series: every status with the facts its CHECK constraints need, a name
    // that looks like a formula and one with a delimiter and quotes now and then.
    await db.execute(sql`
      insert into complaints (reference, status, channel, received_on, complainant_name, complainant_email, category_id,
        description, incident_ongoing, party_choice, consent_at, terms, status_token_hash, outcome, not_admissible_ground,
        handler_id)
      select 'KL-BULK-' || lpad(i::text, 6, '0'),
        s.status::complaint_status,
        (array['online', 'phone', 'email', 'post'])[1 + i % 4]::channel,
        date '2024-01-01' + (i % 900),
        case when i % 1000 = 0 then '=HYPERLINK("x")' when i % 1000 = 1 then 'Jansen; "Piet"' else 'Klager ' || i end,
        'bulk' || i || '@example.test',
        (select id from categories order by id limit 1 offset i % 3),
        'Bulk', true, 'unknown', now(),
        (select terms from complaints limit 1),
        'bulk-token-' || i,
        case when s.status in ('resolved', 'escalated', 'closed_by_party') then 'not_upheld'::outcome end,
        case when s.status = 'not_admissible' then 'handled_before'::not_admissible_ground end,
        case when i % 2 = 0 then ${people.handler1.id}::int end
      from generate_series(1, ${N}) as i
      cross join lateral (select (array['received', 'acknowledged', 'in_progress', 'info_requested', 'resolved', 'escalated',
        'closed_by_party', 'not_admissible', 'withdrawn'])[1 + i % 9] as status) s`);
    await db.execute(sql`analyze complaints`);
  }, 120_000);

  it('streams them all in the inbox order, with bounded memory, and the file parses back', async () => {
    const params = view({ statuses: [...STATUSES] });
    const [{ n: expectedCount }] = (await db.select({ n: sql<number>`count(*)::int` }).from(complaints)) as [{ n: number }];
    expect(expectedCount).toBeGreaterThan(N);

    const gc = collectGarbage();
    const retained = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = retained();
    let peak = before;
    let samples = 0;
    let pending = '';
    let lines = 0;
    let header: string[] | null = null;
    let formulas = 0;
    let quoted = 0;
    const hash = createHash('sha256');
    const started = Date.now();
    const stream = inboxCsvStream(db, people.manager, params, TODAY);
    let first = true;
    for await (const chunk of stream) {
      let text = chunk.toString() as string;
      if (first) {
        expect(text.charCodeAt(0)).toBe(0xfeff);
        first = false;
      }
      pending += text;
      const parts = pending.split('\r\n');
      pending = parts.pop()!;
      for (const line of parts) {
        // No generated cell holds a line break: each CRLF ends one record.
        const [cells] = parseCsv(line);
        expect(cells).toHaveLength(EXPORT_COLUMNS.length);
        if (header === null) header = cells!;
        else {
          hash.update(`${cells![0]}\n`);
          if (cells![1]!.startsWith("'=")) formulas++;
          if (cells![1] === 'Jansen; "Piet"') quoted++;
        }
        lines++;
      }
      text = '';
      // What is still held after a full collection, about every 10,000 rows.
      if (lines >= (samples + 1) * 10_000) {
        samples++;
        peak = Math.max(peak, retained());
      }
    }
    const seconds = (Date.now() - started) / 1000;
    expect(pending).toBe('');
    expect(header?.[0]).toBe('Kenmerk');
    expect(lines - 1).toBe(expectedCount);
    expect(formulas).toBe(N / 1000);
    expect(quoted).toBe(N / 1000);

    // The same references in the same order as the inbox's ordering (nearest deadline first, closed last by id).
    const ordered = await db
      .select({ reference: complaints.reference })
      .from(complaints)
      .orderBy(sql`${complaints.nextDue} asc nulls last`, complaints.id);
    const expected = createHash('sha256');
    for (const row of ordered) expected.update(`${row.reference}\n`);
    expect(hash.digest('hex')).toBe(expected.digest('hex'));

    // One batch of 5,000 rows in flight retains about 10–15 MB; holding all 100,000 rows would be some twenty times that.
    const growthMb = (peak - before) / 1024 / 1024;
    console.log(`export of ${lines - 1} rows: ${seconds.toFixed(1)} s, retained heap grew at most ${growthMb.toFixed(1)} MB (${samples} samples)`);
    expect(samples).toBeGreaterThanOrEqual(9);
    expect(growthMb).toBeLessThan(40);
    expect(seconds).toBeLessThan(60);
  }, 180_000);
});
