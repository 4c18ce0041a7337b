import { expect, type Page, test } from '@playwright/test';
import { amsterdamToday, expectAccessible, query, screenshot, signIn, USERS } from './support';

// The inbox at /beheer against the demo data: what each role sees, the most urgent acknowledgement first, filters and
// sort kept in the URL (also without JavaScript), the overdue counts, and accessibility.

const OPEN = ['received', 'acknowledged', 'in_progress', 'info_requested'];

async function userId(email: string) {
  const [row] = await query<{ id: number }>('select id from users where email = $1', [email]);
  return row!.id;
}

/** What a handler may see (lib/auth/policy.ts canSeeComplaint), open complaints only. */
async function openVisibleTo(handlerId: number) {
  return query<{ reference: string; status: string; acknowledgement_due: string; next_due: string }>(
    `select reference, status, to_char(acknowledgement_due, 'YYYY-MM-DD') acknowledgement_due, to_char(next_due, 'YYYY-MM-DD') next_due
       from complaints
      where status = any($2) and (handler_id = $1 or (handler_id is null and registered_by = $1))
      order by next_due, id`,
    [handlerId, OPEN],
  );
}

const table = (page: Page) => page.getByRole('table');
const referencesShown = (page: Page) => table(page).locator('tbody tr td:first-child a').allTextContents();
const columnTexts = (page: Page, column: number) => table(page).locator(`tbody tr td:nth-child(${column})`).allTextContents();

test.describe('the inbox', () => {
  test('a handler sees only their own complaints and finds the most urgent acknowledgement first', async ({ page }) => {
    // The handler with the most open complaints still waiting for their acknowledgement.
    const [busiest] = await query<{ email: string }>(
      `select u.email from users u join complaints c on c.handler_id = u.id or (c.handler_id is null and c.registered_by = u.id)
        where u.role = 'handler' and u.active and c.status = 'received' group by u.email order by count(*) desc, u.email limit 1`,
    );
    const email = busiest?.email ?? USERS.handler1;
    const visible = await openVisibleTo(await userId(email));
    expect(visible.length).toBeGreaterThan(0);

    await signIn(page, email);
    await expect(page).toHaveURL(/\/beheer$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Klachten' })).toBeVisible();
    // Exactly their own open complaints, nearest deadline first.
    expect(visible.length).toBeLessThanOrEqual(25);
    await expect.poll(() => referencesShown(page)).toEqual(visible.map((c) => c.reference));
    // Above and, with more than one page, also below the table.
    await expect(page.getByText(`1–${Math.min(25, visible.length)} van ${visible.length} klacht`).first()).toBeVisible();
    await screenshot(page, 'inbox-handler');
    await expectAccessible(page);

    // Only the complaints waiting for their acknowledgement: the first row is the most urgent one.
    const waiting = visible.filter((c) => c.status === 'received').sort((a, b) => a.acknowledgement_due.localeCompare(b.acknowledgement_due));
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Ontvangen' });
    await page.getByRole('button', { name: 'Toon resultaten' }).click();
    await expect(page).toHaveURL(/\/beheer\?status=received$/);
    if (waiting.length === 0) {
      await expect(page.getByText('Geen klachten gevonden')).toBeVisible();
      return;
    }
    const firstRow = table(page).locator('tbody tr').first();
    await expect(firstRow.locator('td').first().getByRole('link')).toHaveText(waiting[0]!.reference);
    await expect(firstRow).toContainText('Ontvangstbevestiging');
    await expect(firstRow.getByRole('link', { name: waiting[0]!.reference })).toHaveAttribute('href', /^\/beheer\/klachten\/\d+$/);
  });

  test('a manager filters and sorts; the view survives a reload and can be shared', async ({ page, browser }) => {
    await signIn(page, USERS.manager);
    await expect(page).toHaveURL(/\/beheer$/);
    const [{ n: openCount }] = (await query<{ n: number }>('select count(*)::int n from complaints where status = any($1)', [OPEN])) as [{ n: number }];
    await expect(page.getByText(`1–${Math.min(25, openCount)} van ${openCount} klachten`).first()).toBeVisible();
    // Sorted by the nearest deadline.
    const nearest = await query<{ reference: string }>('select reference from complaints where next_due is not null order by next_due, id limit 25');
    await expect.poll(() => referencesShown(page)).toEqual(nearest.map((c) => c.reference));
    await screenshot(page, 'inbox-manager');
    await expectAccessible(page);

    // Filter: every complaint (also closed ones) about treatment by an adviser that came in online.
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Alle statussen' });
    await page.getByLabel('Categorie', { exact: true }).selectOption({ label: 'Bejegening door adviseur' });
    await page.getByLabel('Kanaal', { exact: true }).selectOption({ label: 'Online formulier' });
    await page.getByRole('button', { name: 'Toon resultaten' }).click();
    await expect(page).toHaveURL(/\/beheer\?status=all&category=treatment&channel=online$/);
    const [{ n }] = (await query<{ n: number }>(
      `select count(*)::int n from complaints c join categories k on k.id = c.category_id where k.code = 'treatment' and c.channel = 'online'`,
    )) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    await expect(table(page).locator('tbody tr')).toHaveCount(Math.min(n, 25));
    await expect.poll(async () => new Set(await columnTexts(page, 3))).toEqual(new Set(['Bejegening door adviseur']));
    await expect.poll(async () => new Set(await columnTexts(page, 4))).toEqual(new Set(['Online formulier']));

    // Sort by receipt, newest first, then flip to oldest first.
    await table(page).getByRole('link', { name: /^Ontvangen/ }).click();
    await expect(page).toHaveURL(/\/beheer\?status=all&category=treatment&channel=online&sort=received$/);
    await expect(table(page).getByRole('columnheader', { name: /Ontvangen/ })).toHaveAttribute('aria-sort', 'descending');
    await table(page).getByRole('link', { name: /^Ontvangen/ }).click();
    await expect(page).toHaveURL(/sort=received&dir=asc$/);
    await expect(table(page).getByRole('columnheader', { name: /Ontvangen/ })).toHaveAttribute('aria-sort', 'ascending');
    await expect(table(page).locator('tbody tr')).toHaveCount(Math.min(n, 25));
    const shown = await referencesShown(page);
    await screenshot(page, 'inbox-filtered');

    // Reload: the same view, the same choices in the form.
    await page.reload();
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('all');
    await expect(page.getByLabel('Categorie', { exact: true })).toHaveValue('treatment');
    await expect(page.getByLabel('Kanaal', { exact: true })).toHaveValue('online');
    await expect.poll(() => referencesShown(page)).toEqual(shown);

    // Shared with a colleague (another manager's session would show the same): the URL alone gives the view.
    const url = page.url();
    const other = await browser.newPage();
    await signIn(other, USERS.manager);
    await other.goto(url);
    await expect.poll(() => referencesShown(other)).toEqual(shown);
    await other.close();

    // Clearing the filters gives the default view again.
    await page.getByRole('link', { name: 'Wis filters' }).click();
    await expect(page).toHaveURL(/\/beheer$/);
    await expect(page.getByLabel('Categorie', { exact: true })).toHaveValue('');
  });

  test('the overdue counts link to the complaints behind them', async ({ page }) => {
    const today = amsterdamToday();
    const [counts] = await query<{ ack: number; notice: number; resolution: number }>(
      `select count(*) filter (where status = 'received' and acknowledgement_due < $1)::int ack,
              count(*) filter (where status = any($2) and incident_older_than_limit and notice_due < $1)::int notice,
              count(*) filter (where status = any($2) and resolution_due < $1)::int resolution
         from complaints`,
      [today, OPEN],
    );
    await signIn(page, USERS.manager);
    const summary = page.getByRole('region', { name: 'Termijnen verstreken' });
    for (const [clock, count] of [
      ['Ontvangstbevestiging', counts!.ack],
      ['Bericht niet-ontvankelijk', counts!.notice],
      ['Afhandeling', counts!.resolution],
    ] as const) {
      await expect(summary.getByRole('listitem').filter({ hasText: clock })).toContainText(count === 1 ? '1 klacht' : `${count} klachten`);
    }
    expect(counts!.ack).toBeGreaterThan(0);
    await summary.getByRole('link', { name: /Ontvangstbevestiging/ }).click();
    await expect(page).toHaveURL(/\/beheer\?overdue=acknowledgement$/);
    await expect(page.getByLabel('Termijn', { exact: true })).toHaveValue('acknowledgement');
    await expect(table(page).locator('tbody tr')).toHaveCount(counts!.ack);
    for (const text of await columnTexts(page, 7)) expect(text).toContain('Te laat');
  });

  test('search, empty state, and bad parameters fall back to the defaults', async ({ page }) => {
    const [sample] = await query<{ reference: string; complainant_name: string }>(
      'select reference, complainant_name from complaints where status = any($1) order by id limit 1',
      [OPEN],
    );
    await signIn(page, USERS.manager);
    await page.getByLabel('Zoeken', { exact: true }).fill(sample!.reference);
    await page.getByRole('button', { name: 'Toon resultaten' }).click();
    await expect(page).toHaveURL(new RegExp(`q=${sample!.reference}$`));
    await expect.poll(() => referencesShown(page)).toEqual([sample!.reference]);

    await page.getByLabel('Zoeken', { exact: true }).fill('Qwxyz Onvindbaar');
    await page.getByRole('button', { name: 'Toon resultaten' }).click();
    await expect(page.getByText('Geen klachten gevonden')).toBeVisible();
    await expect(page.getByText('Er zijn geen klachten die aan deze zoekopdracht en filters voldoen.')).toBeVisible();
    await screenshot(page, 'inbox-empty');
    await expectAccessible(page);

    // Nonsense in the URL: the default view, at its clean address, never an error page.
    const response = await page.goto('/beheer?status=bogus&category=nope&handler=abc&page=-4&sort=x&dir=up&q=');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/beheer$/);
    await expect(table(page)).toBeVisible();
  });

  test('works without JavaScript: the filter form is a plain GET form', async ({ browser, page }) => {
    await signIn(page, USERS.manager);
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const noJs = await context.newPage();
    await noJs.goto('/beheer');
    await noJs.getByLabel('Kanaal', { exact: true }).selectOption({ label: 'Post' });
    await noJs.getByLabel('Alleen aan mij toegewezen', { exact: true }).check();
    await noJs.getByRole('button', { name: 'Toon resultaten' }).click();
    await expect(noJs).toHaveURL(/\/beheer\?channel=post&mine=1$/);
    await expect(noJs.getByLabel('Kanaal', { exact: true })).toHaveValue('post');
    await context.close();
  });

  test('on a narrow screen the table scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, USERS.manager);
    const region = page.getByRole('region', { name: /Klachten, gesorteerd op/ });
    await expect(region).toBeVisible();
    const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    // The page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'inbox-phone');
    await expectAccessible(page);
  });
});
