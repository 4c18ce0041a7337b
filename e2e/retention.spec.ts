import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectAccessible, query, signIn, uniqueName, USERS } from './support';

/**
 * Retention and the access log (issue 12): a withdrawn complaint closed 25 months ago is listed on /beheer/bewaartermijn;
 * its handler's visit shows on the file for the manager (not for the handler); after the daily run (the cron route)
 * the file of the anonymised complaint still opens, and so does a privacy request refused 25 months ago, without its
 * requester. The rules themselves are in the pg tests (lib/privacy).
 */
const SHOTS = '/tmp/retention-shots';
const CRON_SECRET = process.env.CRON_SECRET ?? 'e2e-cron-secret-not-for-production';

test('a due complaint on the retention page, the access log for the manager, and the file after anonymisation', async ({ browser, page, request }) => {
  mkdirSync(SHOTS, { recursive: true });
  const name = uniqueName('Retentie Proef');
  const reference = `KL-RET-${randomBytes(3).toString('hex').toUpperCase()}`;
  const [complaint] = await query<{ id: number }>(
    `insert into complaints (reference, status, channel, received_on, complainant_name, complainant_email, category_id, description,
       incident_ongoing, party_choice, consent_at, terms, handler_id, status_token_hash, closed_on)
     select $1, 'withdrawn', 'post', (now() - interval '26 months')::date, $2, 'retentie@example.test',
       (select id from categories order by id limit 1), 'Een klacht van lang geleden die nu geanonimiseerd moet worden.',
       true, 'unknown', now() - interval '26 months', (select terms from complaints order by id limit 1),
       (select id from users where email = $3), $4, (now() - interval '25 months')::date
     returning id`,
    [reference, name, USERS.handler1, randomBytes(32).toString('hex')],
  );
  const id = complaint!.id;
  // A privacy request refused 25 months ago: anonymised by the same run.
  const requester = uniqueName('Verzoeker Oud');
  const [privacy] = await query<{ id: number }>(
    `insert into privacy_requests (kind, status, requester_name, requester_email, received_on, received_via, request_text, due_on, outcome_reason, closed_at)
     values ('access', 'refused', $1, 'verzoeker@example.test', (now() - interval '26 months')::date, 'post', 'Welke gegevens heeft u van mij?',
       (now() - interval '25 months')::date, 'Niet te identificeren.', now() - interval '25 months')
     returning id`,
    [requester],
  );

  // The handler opens the file: no access log for them.
  const handlerContext = await browser.newContext();
  const handler = await handlerContext.newPage();
  await signIn(handler, USERS.handler1);
  await handler.goto(`/beheer/klachten/${id}`);
  await expect(handler.getByRole('heading', { level: 1 })).toContainText(reference);
  await expect(handler.getByRole('heading', { name: 'Ingezien door' })).toHaveCount(0);
  const [handlerUser] = await query<{ name: string }>('select name from users where email = $1', [USERS.handler1]);
  await handlerContext.close();

  // The manager finds it on the retention page, due at the next run.
  await signIn(page, USERS.manager);
  await page.getByRole('link', { name: 'Bewaartermijn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bewaartermijn' })).toBeVisible();
  const row = page.getByTestId('retention-due').getByRole('row').filter({ hasText: reference });
  await expect(row).toContainText('bij de volgende run');
  await expect(page.getByTestId('retention-requests-due')).toHaveText(/De komende maand (wordt|worden) \d+ privacyverzoek(en)? geanonimiseerd\./);
  await page.screenshot({ path: `${SHOTS}/bewaartermijn.png`, fullPage: true });
  await expectAccessible(page);

  // The manager sees who opened the file.
  await row.getByRole('link', { name: reference }).click();
  const log = page.getByTestId('access-log');
  await expect(page.getByRole('heading', { name: 'Ingezien door' })).toBeVisible();
  await expect(log.getByRole('row').filter({ hasText: handlerUser!.name })).toContainText('Dossier bekeken');
  await page.screenshot({ path: `${SHOTS}/dossier-ingezien.png`, fullPage: true });

  // The daily run, through its cron route; afterwards the file opens, anonymised.
  expect((await request.get('/api/cron/retention')).status()).toBe(401);
  const run = await request.get('/api/cron/retention', { headers: { authorization: `Bearer ${CRON_SECRET}` } });
  expect(run.status()).toBe(200);
  const report = await run.json();
  expect(report.anonymised).toBeGreaterThanOrEqual(1);
  expect(report.requests.anonymised).toBeGreaterThanOrEqual(1);
  await page.reload();
  await expect(page.getByTestId('anonymised-notice')).toContainText('bewaartermijn verstreken');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
  await expect(page.locator('main')).not.toContainText(name);
  await expect(page.locator('main')).not.toContainText('retentie@example.test');
  await page.screenshot({ path: `${SHOTS}/dossier-geanonimiseerd.png`, fullPage: true });
  await expectAccessible(page);

  await page.goto('/beheer/bewaartermijn');
  await expect(page.getByTestId('last-run')).toContainText('klacht');
  await expect(page.getByText(reference)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/bewaartermijn-na-run.png`, fullPage: true });

  // The privacy request: its steps and dates are still there, the requester is not.
  await page.goto(`/beheer/privacy/${privacy!.id}`);
  await expect(page.getByTestId('privacy-anonymised')).toContainText('geanonimiseerd, na de bewaartermijn');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('geanonimiseerd');
  await expect(page.locator('main')).not.toContainText(requester);
  await expect(page.locator('main')).not.toContainText('verzoeker@example.test');
  await expect(page.getByTestId('privacy-events')).toContainText('Geanonimiseerd (bewaartermijn)');
  await page.screenshot({ path: `${SHOTS}/privacyverzoek-geanonimiseerd.png`, fullPage: true });
  await expectAccessible(page);
});
