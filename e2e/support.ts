import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import pg from 'pg';

/** The e2e server's database (scripts/e2e-server.mjs), for checking what a user's actions wrote. */
const admin = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
export const E2E_DATABASE = process.env.E2E_DATABASE ?? 'klachtloket_e2e';
admin.pathname = `/${E2E_DATABASE}`;

export async function query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function complaintsNamed(name: string) {
  return query<{ id: number; reference: string; channel: string; status: string }>(
    'select id, reference, channel, status from complaints where complainant_name = $1',
    [name],
  );
}

/** The mails the app sent through resend during this run (recorded by the fake resend server). */
export async function sentMails(): Promise<{ from: string; to: string | string[]; subject: string; text: string }[]> {
  const { readFileSync } = await import('node:fs');
  return readFileSync('.test-report/e2e-mails.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/**
 * No serious or critical accessibility violation (axe-core, WCAG 2.1 AA rules). After a client-side navigation Next
 * streams the page's metadata in a moment after its body: the page must have its title before axe looks at it.
 */
export async function expectAccessible(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `e2e/.screenshots/${name}.png`, fullPage: true });
}

export const uniqueName = (label: string) => `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** Today in Amsterdam as YYYY-MM-DD, and n days from it. */
export function amsterdamToday(offsetDays = 0): string {
  const now = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}

export type FormLabels = {
  name: string;
  email: string;
  category: string;
  categoryOption: string;
  description: string;
  onDate: string;
  date: string;
  party: string;
  consent: string;
  submit: string;
};

export const NL: FormLabels = {
  name: 'Uw naam',
  email: 'E-mailadres',
  category: 'Waar gaat uw klacht over?',
  categoryOption: 'Bejegening door adviseur',
  description: 'Wat is er gebeurd?',
  onDate: 'Op een datum',
  date: 'Datum',
  party: 'De gemeente',
  consent: 'Ik geef toestemming',
  submit: 'Klacht versturen',
};

export const EN: FormLabels = {
  name: 'Your name',
  email: 'E-mail address',
  category: 'What is your complaint about?',
  categoryOption: 'Treatment by the adviser',
  description: 'What happened?',
  onDate: 'On a date',
  date: 'Date',
  party: 'The municipality',
  consent: 'I agree',
  submit: 'Send complaint',
};

/** The form is interactive once React has hydrated it. */
export async function formReady(page: Page) {
  await page.locator('form[data-ready]').waitFor();
}

/** lib/complaints/form-stamp.ts MIN_FILL_MS: the form refuses a submission sooner than this after it was shown. */
const MIN_FILL_MS = 3_000;

export async function fillComplaint(page: Page, labels: FormLabels, values: { name: string; date: string }) {
  // The form refuses a submission sooner than MIN_FILL_MS after it was shown (a bot check): take as long as a person.
  // The form is ready once it holds its stamp (fetched on mount: the page itself is served from the cache): count from then.
  await formReady(page);
  const started = Date.now();
  await page.getByLabel(labels.name).fill(values.name);
  await page.getByLabel(labels.email, { exact: true }).fill('e2e@example.test');
  await page.getByLabel(labels.category).selectOption({ label: labels.categoryOption });
  await page.getByLabel(labels.description).fill('Mijn adviseur kwam twee keer niet opdagen en liet niets van zich horen.');
  await page.getByLabel(labels.onDate).check();
  await page.getByLabel(new RegExp(`^${labels.date}`)).fill(values.date);
  await page.getByLabel(labels.party).check();
  await page.getByLabel(labels.consent).check();
  await page.waitForTimeout(Math.max(0, MIN_FILL_MS + 500 - (Date.now() - started)));
}

/** Cuts the app off from its database (as an outage would) until the returned function is called. */
export async function databaseOutage(): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`alter database ${E2E_DATABASE} allow_connections false`);
  await run(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${E2E_DATABASE}' and pid <> pg_backend_pid()`);
  return () => run(`alter database ${E2E_DATABASE} allow_connections true`);
}

/** The demo accounts of the e2e server (scripts/e2e-server.ts sets one demo password for all). */
export const DEMO_PASSWORD = 'e2e-demo-wachtwoord';
export const USERS = {
  admin: 'admin@klachtloket.test',
  manager: 'kwaliteit@klachtloket.test',
  handler1: 'behandelaar1@klachtloket.test',
  handler2: 'behandelaar2@klachtloket.test',
  handler3: 'behandelaar3@klachtloket.test',
  former: 'oud-behandelaar@klachtloket.test',
} as const;

/** Signs in through the sign-in page and waits for the start page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/beheer/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/beheer/inloggen'));
}

/** Resend's webhooks in e2e (issue 11): the secret scripts/e2e-server.ts gives the app. */
export const E2E_WEBHOOK_SECRET = 'whsec_ZTJlLXdlYmhvb2stc2VjcmV0LW5vdC1mb3ItcHJvZHVjdGlvbg==';

/** The fake resend server of this e2e run (scripts/e2e-server.ts), which serves inbound mail to the app. */
export async function fakeResendUrl(): Promise<string> {
  const { readFileSync } = await import('node:fs');
  return (JSON.parse(readFileSync('.test-report/e2e-fake-resend.json', 'utf8')) as { url: string }).url;
}

/** The headers of a webhook event signed as resend signs them (standard webhooks). */
export async function webhookHeaders(body: string, id = `msg_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`) {
  const { Webhook } = await import('standardwebhooks');
  const at = new Date();
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(E2E_WEBHOOK_SECRET).sign(id, at, body),
  };
}
