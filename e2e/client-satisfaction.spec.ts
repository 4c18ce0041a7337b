import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { expectAccessible, query, signIn, uniqueName, USERS } from './support';

/**
 * The client after the outcome, in the browser: not satisfied, then "ask us to forward", and the handler sees the
 * request on the file; the lost-link form's round trip (the new link read from the outbox row). The rules themselves
 * are tested in lib/procedure/satisfaction.test.ts and the *.pg.test.ts files.
 */

const SHOTS = '/tmp/shots-satisfaction';
mkdirSync(SHOTS, { recursive: true });

async function shots(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A complaint with its outcome of today (written as the steps would: the row and its history), and its status link. */
async function resolvedComplaint(name: string, email: string) {
  const token = randomBytes(32).toString('base64url');
  const reference = `KL-2099-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const [handler] = await query<{ id: number }>('select id from users where email = $1', [USERS.handler1]);
  const [party] = await query<{ id: number; name: string }>('select id, name from contracting_parties where active order by id limit 1');
  const [category] = await query<{ id: number }>('select id from categories where active order by sort_order limit 1');
  const [row] = await query<{ id: number }>(
    `insert into complaints (reference, status, channel, received_on, complainant_name, complainant_email, category_id,
       description, incident_ongoing, party_choice, contracting_party_id, consent_at, terms, handler_id, status_token_hash,
       outcome, copy_sent_on, hearing_state)
     values ($1, 'resolved', 'online', (now() at time zone 'Europe/Amsterdam')::date - 20, $2, $3, $4,
       'Mijn adviseur kwam twee keer niet opdagen.', true, 'municipality', $5, now(),
       (select terms from procedure_settings order by id desc limit 1), $6, $7, 'not_upheld', null, 'skipped')
     returning id`,
    [reference, name, email, category!.id, party!.id, handler!.id, hash(token)],
  );
  const id = row!.id;
  await query(
    `insert into complaint_history (complaint_id, at, actor_label, action, to_status, details)
     values ($1, now() - interval '20 days', 'client', 'received', 'received', null)`,
    [id],
  );
  await query(
    `insert into complaint_history (complaint_id, at, actor_user_id, action, from_status, to_status, reason, details)
     values ($1, now() - interval '1 minute', $2, 'resolved', 'in_progress', 'resolved', 'Wij hebben met de adviseur gesproken.',
       '{"outcome": "not_upheld", "judgement": "De afspraken zijn wel afgezegd, maar laat.", "measures": []}')`,
    [id, handler!.id],
  );
  return { id, token, reference, party: party!.name };
}

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page, email);
  return page;
}

test('after the outcome the client says not satisfied and asks us to forward; the handler sees it on the file', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const c = await resolvedComplaint(uniqueName('Tevredenheid'), 'tevredenheid.e2e@example.test');

  await page.goto(`/status/${c.token}`);
  const judgement = page.getByTestId('judgement');
  await expect(judgement.getByRole('heading', { name: 'Bent u tevreden over ons besluit?' })).toBeVisible();
  await expectAccessible(page);
  await shots(page, 'status-judge-nl');

  await judgement.getByRole('button', { name: 'Ik ben niet tevreden' }).click();
  await expect(page.getByTestId('judgement-saved')).toBeVisible();
  await expect(page.getByTestId('judgement-given')).toContainText('niet tevreden');
  await expect(page.getByTestId('judgement-route')).toContainText(c.party);
  await expectAccessible(page);
  await shots(page, 'status-not-satisfied-nl');

  await page.getByRole('button', { name: 'Vraag ons uw klacht door te sturen' }).click();
  await expect(page.getByTestId('forward-requested')).toContainText(c.party);
  await expect(page.getByRole('button', { name: 'Vraag ons uw klacht door te sturen' })).toHaveCount(0);
  await expect(page.getByTestId('timeline-forwardRequested')).toBeVisible();
  await shots(page, 'status-forward-requested-nl');

  // The same page in English.
  await page.goto(`/en/status/${c.token}`);
  await expect(page.getByTestId('forward-requested')).toContainText('Your complaint handler will forward your complaint to');
  await expectAccessible(page);
  await shots(page, 'status-forward-requested-en');

  // Written by the client's steps: history and the handler's mails, the status unchanged.
  const history = await query<{ action: string; actor_label: string }>('select action, actor_label from complaint_history where complaint_id = $1 order by id', [c.id]);
  expect(history.slice(-2)).toEqual([
    { action: 'satisfaction_given', actor_label: 'client' },
    { action: 'forward_requested', actor_label: 'client' },
  ]);
  const mails = await query<{ kind: string; recipient: string }>('select kind, recipient from outbox where complaint_id = $1 order by id', [c.id]);
  expect(mails).toEqual([
    { kind: 'client_dissatisfied', recipient: USERS.handler1 },
    { kind: 'forward_request', recipient: USERS.handler1 },
  ]);

  const handler = await as(browser, USERS.handler1);
  await handler.goto(`/beheer/klachten/${c.id}`);
  const banner = handler.getByTestId('client-judgement');
  await expect(banner).toContainText('De klager is niet tevreden over het besluit');
  await expect(banner.getByTestId('forward-request')).toContainText('De klager vraagt de klacht door te sturen naar de opdrachtgever');
  await expect(handler.getByTestId('steps').getByRole('button', { name: 'Voorleggen aan opdrachtgever', exact: true })).toBeVisible();
  await handler.screenshot({ path: `${SHOTS}/file-forward-request-desktop.png`, fullPage: false });
  await handler.setViewportSize({ width: 390, height: 844 });
  await handler.screenshot({ path: `${SHOTS}/file-forward-request-phone.png`, fullPage: false });

  // The manager's dashboard counts it.
  const manager = await as(browser, USERS.manager);
  await manager.goto('/beheer/rapportage?compare=1');
  const section = manager.locator('section', { has: manager.getByRole('heading', { name: 'Tevredenheid over het besluit' }) });
  await expect(section.locator('[data-tile="forward-requested"]')).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: `${SHOTS}/dashboard-satisfaction-desktop.png` });
  await manager.setViewportSize({ width: 390, height: 844 });
  await section.screenshot({ path: `${SHOTS}/dashboard-satisfaction-phone.png` });
});

test('lost link: the form mails a new link when reference and address match, and answers the same when not', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const email = `kwijt.${Date.now()}@example.test`;
  const c = await resolvedComplaint(uniqueName('Link kwijt'), email);

  // From the page a dead link leads to.
  await page.goto(`/status/${randomBytes(32).toString('base64url')}`);
  await page.getByTestId('lost-link').click();
  await expect(page).toHaveURL(/\/status\/kwijt$/);
  await expect(page.getByRole('heading', { name: 'Link naar uw klacht kwijt?' })).toBeVisible();
  await expectAccessible(page);
  await shots(page, 'lost-link-nl');

  // Malformed input: a message per field, what was typed is kept.
  await page.getByRole('textbox', { name: 'Referentienummer' }).fill('12345');
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill('geen-adres');
  await page.getByRole('button', { name: 'Stuur mij een nieuwe link' }).click();
  await expect(page.getByText('Dit is geen referentienummer.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'E-mailadres' })).toHaveValue('geen-adres');
  await expect(page.getByRole('textbox', { name: 'Referentienummer' })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await shots(page, 'lost-link-errors-nl');

  // No match: the same answer, nothing sent.
  const before = await query<{ n: number }>(`select count(*)::int as n from outbox where kind = 'status_link'`);
  await page.getByRole('textbox', { name: 'Referentienummer' }).fill(c.reference);
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill('iemand.anders@example.test');
  await page.getByRole('button', { name: 'Stuur mij een nieuwe link' }).click();
  await expect(page.getByTestId('lost-link-done')).toBeVisible();
  const miss = await page.getByTestId('lost-link-done').innerText();
  expect(await query<{ n: number }>(`select count(*)::int as n from outbox where kind = 'status_link'`)).toEqual(before);

  // A match: the same answer, and a new link in the outbox; the old link stops working.
  await page.goto('/status/kwijt');
  await page.getByRole('textbox', { name: 'Referentienummer' }).fill(c.reference.toLowerCase());
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill(email.toUpperCase());
  await page.getByRole('button', { name: 'Stuur mij een nieuwe link' }).click();
  await expect(page.getByTestId('lost-link-done')).toBeVisible();
  expect(await page.getByTestId('lost-link-done').innerText()).toBe(miss);
  await shots(page, 'lost-link-done-nl');

  const [mail] = await query<{ recipient: string; body_text: string }>(
    `select recipient, body_text from outbox where complaint_id = $1 and kind = 'status_link'`,
    [c.id],
  );
  expect(mail!.recipient).toBe(email);
  const link = /Volg uw klacht: (\S+)/.exec(mail!.body_text)![1]!;
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole('heading', { name: `Uw klacht ${c.reference}` })).toBeVisible();
  const old = await page.goto(`/status/${c.token}`);
  expect(old?.status()).toBe(404);
  await expect(page.getByTestId('lost-link')).toBeVisible();

  // The English form.
  await page.goto('/en/status/kwijt');
  await expect(page.getByRole('heading', { name: 'Lost the link to your complaint?' })).toBeVisible();
  await expectAccessible(page);
  await shots(page, 'lost-link-en');
});
