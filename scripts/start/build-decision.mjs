// When `npm start` builds (scripts/start.mjs): there is no build yet, a source file is newer than it, or it was made
// from another database. The build prerenders the start page and the complaint form from the database's settings
// (issue 13), so a build made from one database would show another's organisation and categories for up to five
// minutes. The database is remembered by a hash of its address (which may hold a password), never the address itself.
import { createHash } from 'node:crypto';

/** What identifies the database a build was made from: its URL, or the embedded database's folder. */
export function databaseFingerprint(databaseUrl, dataDir) {
  return createHash('sha256').update(databaseUrl ? `url:${databaseUrl}` : `embedded:${dataDir}`).digest('hex');
}

/** Why to build, or null when the existing build will do. */
export function buildReason({ builtAt, newestSource, builtFor, database }) {
  if (!builtAt) return 'first start';
  if (newestSource > builtAt) return 'changed sources';
  if (builtFor !== database) return 'another database';
  return null;
}
