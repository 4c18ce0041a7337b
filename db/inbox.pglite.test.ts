import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '@/lib/inbox/params';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import { STATUSES } from '@/lib/procedure/vocabulary';
import type { Db } from './client';
import { categories, complaints, users } from './schema';

// The inbox queries on the embedded database (PGlite, the zero-configuration default): the same migrations, including
// the full-text search index, and the same results as on PostgreSQL (db/inbox.pg.test.ts has the full set).

let dataDir: string;
let db: Db;
let closeDb: () => Promise<void>;
let inbox: typeof import('./inbox');
let handler: number;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachtloket-inbox-'));
  process.env.KLACHTLOKET_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  delete process.env.DATABASE_DRIVER;
  const client = await import('./client');
  const { runMigrations } = await import('./migrate');
  inbox = await import('./inbox');
  closeDb = client.closeDb;
  await runMigrations();
  db = await client.getDb();
  const [category] = await db.insert(categories).values({ code: 'other', nameNl: 'Overig', nameEn: 'Other' }).returning();
  const [user] = await db.insert(users).values({ email: 'h@example.test', name: 'Sanne Jansen', role: 'handler' }).returning();
  handler = user!.id;
  const rows = [
    { reference: 'KL-2026-0001', name: 'Anouk van der Linden', status: 'received', handlerId: handler, received: '2026-03-01' },
    { reference: 'KL-2026-0002', name: 'Bram Jansen', status: 'in_progress', handlerId: null, received: '2026-02-10' },
    { reference: 'KL-2026-0042', name: 'Zoë Aydın-Yılmaz', status: 'resolved', handlerId: handler, received: '2026-01-05' },
  ] as const;
  await db.insert(complaints).values(
    rows.map((r) => ({
      reference: r.reference,
      status: r.status,
      channel: 'post' as const,
      receivedOn: r.received,
      complainantName: r.name,
      complainantEmail: 'client@example.test',
      categoryId: category!.id,
      description: 'Test',
      incidentOngoing: true,
      partyChoice: 'unknown' as const,
      consentAt: new Date(),
      terms: DEFAULT_TERMS,
      handlerId: r.handlerId,
      outcome: r.status === 'resolved' ? ('upheld' as const) : null,
      statusTokenHash: randomUUID(),
    })),
  );
}, 120_000);

afterAll(async () => {
  await closeDb?.();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const manager = { id: 999, role: 'manager' as const };
const all = { ...DEFAULT_PARAMS, statuses: [...STATUSES] };
const found = async (q: string) => (await inbox.listInbox(db, manager, { ...all, q }, '2026-03-18')).rows.map((r) => r.reference);

describe('the inbox on PGlite', () => {
  it('searches names and references through the full-text index', async () => {
    expect(await found('van der')).toEqual(['KL-2026-0001']);
    expect(await found('jans')).toEqual(['KL-2026-0002']);
    expect(await found('yılmaz')).toEqual(['KL-2026-0042']);
    expect(await found('KL-2026-0042')).toEqual(['KL-2026-0042']);
    expect(await found('42')).toEqual(['KL-2026-0042']);
    expect(await found('nobody')).toEqual([]);
  });

  it('sorts by the nearest deadline, shows a handler their own, and counts what is overdue', async () => {
    const open = await inbox.listInbox(db, manager, DEFAULT_PARAMS, '2026-03-18');
    expect(open.rows.map((r) => [r.reference, r.nextDue])).toEqual([
      ['KL-2026-0001', '2026-03-15'], // acknowledgement, overdue
      ['KL-2026-0002', '2026-03-24'], // resolution
    ]);
    expect((await inbox.listInbox(db, { id: handler, role: 'handler' }, all, '2026-03-18')).total).toBe(2);
    expect(await inbox.overdueCounts(db, manager, '2026-03-18')).toEqual({ acknowledgement: 1, notAdmissibleNotice: 0, resolution: 0 });
  });
});
