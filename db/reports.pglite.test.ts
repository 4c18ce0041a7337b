import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import type { Db } from './client';
import { categories, complaintHistory, complaints } from './schema';

// The report's migration (0007: milestone columns kept by a history trigger, in Europe/Amsterdam days) and loadReport
// on the embedded database (PGlite, the zero-configuration default); db/reports.pg.test.ts has the full set.

let dataDir: string;
let db: Db;
let closeDb: () => Promise<void>;
let reports: typeof import('./reports');

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachtloket-reports-'));
  process.env.KLACHTLOKET_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  delete process.env.DATABASE_DRIVER;
  const client = await import('./client');
  const { runMigrations } = await import('./migrate');
  reports = await import('./reports');
  closeDb = client.closeDb;
  await runMigrations();
  db = await client.getDb();
}, 120_000);

afterAll(async () => {
  await closeDb?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('reports on PGlite', () => {
  it('keeps the milestones from the history in Amsterdam days and loads the report', async () => {
    const [category] = await db.insert(categories).values({ code: 'other', nameNl: 'Overig', nameEn: 'Other' }).returning();
    const [c] = await db
      .insert(complaints)
      .values({
        reference: 'KL-2026-0001',
        channel: 'post',
        receivedOn: '2026-03-01',
        complainantName: 'Anouk van der Linden',
        complainantEmail: 'client@example.test',
        categoryId: category!.id,
        description: 'Test',
        incidentOngoing: true,
        partyChoice: 'unknown',
        consentAt: new Date(),
        terms: DEFAULT_TERMS,
        statusTokenHash: 'token-1',
      })
      .returning();
    await db.update(complaints).set({ status: 'acknowledged' }).where(eq(complaints.id, c!.id));
    // 23:30 UTC on 3 March is 00:30 on 4 March in Amsterdam.
    await db.insert(complaintHistory).values({
      complaintId: c!.id,
      at: new Date('2026-03-03T23:30:00Z'),
      action: 'acknowledged',
      fromStatus: 'received',
      toStatus: 'acknowledged',
    });
    const [row] = await db.select({ acknowledgedOn: complaints.acknowledgedOn }).from(complaints).where(eq(complaints.id, c!.id));
    expect(row!.acknowledgedOn).toBe('2026-03-04');

    const report = await reports.loadReport(db, { from: '2026-03-01', to: '2026-03-31' }, '2026-04-01');
    expect(report.volume.received).toBe(1);
    expect(report.timeliness.acknowledgement).toEqual({ judged: 1, onTime: 1, late: 0, pending: 0 });
    expect(report.outcomes.byOutcome.open).toBe(1);
  });
});
