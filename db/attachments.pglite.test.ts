import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

/**
 * The embedded database (`npm start` without DATABASE_URL) keeps a file's bytes exactly, like PostgreSQL: bytea in,
 * the same bytes out, and the database's own checks on type and size hold there too.
 */
let dir: string;
let db: Awaited<ReturnType<typeof import('./client').getDb>>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'klachtloket-pglite-attachments-'));
  process.env.KLACHTLOKET_DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  delete process.env.DATABASE_DRIVER;
  await (await import('./migrate')).runMigrations();
  db = await (await import('./client')).getDb();
  const { insertTestReferenceData } = await import('./fixtures');
  await insertTestReferenceData(db);
});
afterAll(async () => {
  await (await import('./client')).closeDb();
  rmSync(dir, { recursive: true, force: true });
});

it('stores and returns the bytes of a file; refuses a type or size the rules do not allow', async () => {
  const { sql } = await import('drizzle-orm');
  const { attachmentContent, insertAttachments } = await import('./attachments');
  const [complaint] = ((await db.execute(sql`
    insert into complaints (reference, channel, received_on, complainant_name, complainant_email, category_id, description, incident_ongoing,
      party_choice, consent_at, terms, status_token_hash, locale)
    select 'KL-PGLITE-1', 'online', current_date, 'Test', 'test@example.nl', (select min(id) from categories), 'Een beschrijving van de klacht.', true,
      'unknown', now(), ${JSON.stringify((await import('@/lib/procedure/terms')).DEFAULT_TERMS)}::jsonb, 'x', 'nl'
    returning id`)) as unknown as { rows: { id: number }[] }).rows;
  const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 0xff, 0x80]);
  const [stored] = await db.transaction((tx) =>
    insertAttachments(tx, [{ complaintId: complaint!.id, fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: bytes.byteLength, content: bytes }]),
  );
  const file = await attachmentContent(db, stored!.id);
  expect(Buffer.from(file!.content)).toEqual(Buffer.from(bytes));
  await expect(
    db.transaction((tx) => insertAttachments(tx, [{ complaintId: complaint!.id, fileName: 'a.exe', contentType: 'application/x-msdownload', sizeBytes: 8, content: bytes }])),
  ).rejects.toThrow();
  await expect(
    db.transaction((tx) => insertAttachments(tx, [{ complaintId: complaint!.id, fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: 9, content: bytes }])),
  ).rejects.toThrow();
});
