import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeSubmission } from './submit.contract';

describeSubmission('embedded PGlite', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'klachtloket-pglite-'));
  process.env.KLACHTLOKET_DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  delete process.env.DATABASE_DRIVER;
  return async () => rmSync(dir, { recursive: true, force: true });
});
