// The app as the e2e suite sees it: `npm start` (build if needed, migrate, seed, serve) on a freshly created
// PostgreSQL database, sending its mail through the real resend SDK to a local fake resend server that writes every
// mail it receives to .test-report/e2e-mails.jsonl for the tests to read.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { recreateDatabase, startFakeResend } from '../db/testing';

const mailLog = path.resolve('.test-report', 'e2e-mails.jsonl');
mkdirSync(path.dirname(mailLog), { recursive: true });
writeFileSync(mailLog, '');
const fake = await startFakeResend((request) => appendFileSync(mailLog, `${JSON.stringify(request.body)}\n`));

process.env.DATABASE_URL = await recreateDatabase(process.env.E2E_DATABASE ?? 'klachtloket_e2e');
process.env.AUTH_SECRET ??= 'e2e-secret-not-for-production';
process.env.DEMO_PASSWORD = 'e2e-demo-wachtwoord';
process.env.KLACHTLOKET_DATA_DIR = path.resolve('.test-report', 'e2e-data');
process.env.RESEND_API_KEY = 're_e2e_fake';
process.env.RESEND_BASE_URL = fake.url;
process.env.MAIL_FROM = 'Klachtloket e2e <klachten@example.test>';
// Resend's webhooks (issue 11): the specs sign their events with this secret, and hand inbound mail to the fake
// resend server (its address in .test-report/e2e-fake-resend.json) for the receiving API.
process.env.RESEND_WEBHOOK_SECRET = 'whsec_ZTJlLXdlYmhvb2stc2VjcmV0LW5vdC1mb3ItcHJvZHVjdGlvbg==';
writeFileSync(path.resolve('.test-report', 'e2e-fake-resend.json'), JSON.stringify({ url: fake.url }));
// Every spec files complaints and opens status pages from 127.0.0.1: the abuse limits (lib/server/rate-limit.ts) are
// raised twentyfold so the suite is not throttled; their own tests run against the real numbers.
process.env.RATE_LIMIT_FACTOR ??= '20';
process.env.ACKNOWLEDGEMENTS_PER_RECIPIENT_PER_DAY ??= '1000';
// The scheduled routes (/api/cron/*): the retention spec runs the daily anonymisation through its route.
process.env.CRON_SECRET ??= 'e2e-cron-secret-not-for-production';
// @ts-expect-error plain JavaScript module without types
await import('./start.mjs');
