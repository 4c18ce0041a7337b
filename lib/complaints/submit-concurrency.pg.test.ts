import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb, type Db } from '@/db/client';
import { outboxOf } from '@/db/complaints';
import { complaintByReference, countRows, insertTestReferenceData, setCategoryActive } from '@/db/fixtures';
import { runMigrations } from '@/db/migrate';
import { categories } from '@/db/schema';
import { createThrowawayDatabase } from '@/db/testing';
import { amsterdamDate } from '@/lib/procedure/dates';
import { cachedSettings, forgetSettings, SETTINGS_TTL_MS } from '@/lib/settings/cache';
import { eq, sql } from 'drizzle-orm';
import { submitComplaint } from './public-submit';
import { formatReference } from './reference';
import { validComplaint } from './submit.contract';

/** Issue 13: the write path under concurrency, against real PostgreSQL (node-postgres, a pool of 10). */
describe('submissions at the same time (PostgreSQL)', () => {
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    process.env.RATE_LIMIT_FACTOR = '1000';
    const database = await createThrowawayDatabase();
    process.env.DATABASE_URL = database.url;
    delete process.env.DATABASE_DRIVER;
    drop = database.drop;
    await runMigrations();
    db = await getDb();
    await insertTestReferenceData(db);
  });
  afterAll(async () => {
    await closeDb();
    await drop?.();
  });

  const sequence = (reference: string) => Number(reference.split('-')[2]);

  it('50 concurrent submissions get 50 distinct, gap-free references, each in its own acknowledgement', async () => {
    const before = await countRows(db);
    const results = await Promise.all(Array.from({ length: 50 }, () => submitComplaint(validComplaint())));
    const references = results.map((r) => (r.ok ? r.data.reference : 'failed'));
    expect(references).not.toContain('failed');
    expect(new Set(references).size).toBe(50);
    const numbers = references.map(sequence).sort((a, b) => a - b);
    // Gap-free from the first number of the year: 1 … 50.
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const year = Number(amsterdamDate(new Date()).slice(0, 4));
    expect([...references].sort()).toEqual(numbers.map((n) => formatReference(year, n)));
    expect(await countRows(db)).toEqual({ complaints: before.complaints + 50, history: before.history + 100, outbox: before.outbox + 50 });
    // The placeholder the mail was composed with is gone everywhere; each mail carries its own complaint's reference.
    for (const reference of references.slice(0, 10)) {
      const complaint = await complaintByReference(db, reference);
      const [mail] = await outboxOf(db, complaint!.id);
      expect(mail!.subject).toContain(reference);
      expect(mail!.bodyText).toContain(reference);
      expect(JSON.stringify(mail!.letter)).toContain(reference);
    }
    const leftovers = await db.execute(sql`select count(*)::int as n from outbox o join complaints c on c.id = o.complaint_id
      where c.reference like 'KL-pending-%' or o.subject like '%KL-pending-%' or o.body_text like '%KL-pending-%' or o.letter::text like '%KL-pending-%'`);
    expect(((leftovers as unknown as { rows: { n: number }[] }).rows)[0]!.n).toBe(0);
  });

  it('20 concurrent replays of one key, among other submissions, make one complaint and all get its reference', async () => {
    const before = await countRows(db);
    const input = validComplaint();
    const others = Array.from({ length: 10 }, () => submitComplaint(validComplaint()));
    const replays = Array.from({ length: 20 }, () => submitComplaint(input));
    const [otherResults, replayResults] = await Promise.all([Promise.all(others), Promise.all(replays)]);
    const replayed = new Set(replayResults.map((r) => (r.ok ? `${r.data.reference} ${r.data.token}` : 'failed')));
    expect([...replayed]).toHaveLength(1);
    expect(replayed.has('failed')).toBe(false);
    expect(otherResults.every((r) => r.ok)).toBe(true);
    expect(await countRows(db)).toEqual({ complaints: before.complaints + 11, history: before.history + 22, outbox: before.outbox + 11 });
    // A replay never used up a number: the references stay gap-free.
    const numbers = [...otherResults, replayResults[0]!].map((r) => (r.ok ? sequence(r.data.reference) : NaN)).sort((a, b) => a - b);
    expect(numbers.at(-1)! - numbers[0]!).toBe(10);
  });

  it('the settings cache serves the settings until they are forgotten (this instance) or too old (other instances)', async () => {
    forgetSettings();
    const now = Date.now();
    expect((await cachedSettings(db, now)).categories.has('privacy')).toBe(true);
    // Changed behind the app's back, without forgetting: this cache still has it …
    await db.update(categories).set({ active: false }).where(eq(categories.code, 'privacy'));
    try {
      expect((await cachedSettings(db, now + 1000)).categories.has('privacy')).toBe(true);
      // … until it expires (another instance, which never hears of the change) …
      expect((await cachedSettings(db, now + SETTINGS_TTL_MS + 1)).categories.has('privacy')).toBe(false);
    } finally {
      await setCategoryActive(db, 'privacy', true);
    }
    // … or is forgotten, as the settings actions and the fixture do.
    expect((await cachedSettings(db)).categories.has('privacy')).toBe(true);
    expect(await submitComplaint(validComplaint({ category: 'privacy', idempotencyKey: randomUUID() }))).toMatchObject({ ok: true });
  });
});
