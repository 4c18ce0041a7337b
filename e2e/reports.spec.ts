import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn, USERS } from './support';

/**
 * The management dashboard with the demo data (18 months of complaints): every chart drawn in colour, every number a
 * way to the complaints behind it, the previous period beside it on request; only for managers.
 */

/** The figures that always have bars with the demo data (this year and last year). */
const FIGURES = ['volume', 'channel', 'category', 'team', 'party-type', 'parties', 'outcome', 'timeliness', 'measure-status', 'effect'];

/** The fill colours of a chart's drawn bars (those of a count above 0), as the browser paints them. */
async function barFills(chart: Locator): Promise<string[]> {
  return chart.locator('.recharts-bar-rectangle rect, .recharts-bar-rectangle path').evaluateAll((bars) =>
    bars
      .filter((bar) => {
        const box = bar.getBoundingClientRect();
        return box.width > 0 && box.height > 0;
      })
      .map((bar) => getComputedStyle(bar).fill),
  );
}

async function expectChartsInColour(page: Page) {
  for (const id of FIGURES) {
    const chart = page.locator(`[data-figure="${id}"] [data-chart]`);
    await expect(chart, id).toBeVisible();
    await expect.poll(async () => (await barFills(chart)).length, `${id}: bars drawn`).toBeGreaterThan(0);
    const fills = await barFills(chart);
    for (const fill of fills) expect(fill, `${id}: bar colour`).toMatch(/^rgb\((?!0, 0, 0\))/);
    // Every chart has its caption, its legend and an accessible name.
    const figure = page.locator(`[data-figure="${id}"]`);
    await expect(figure.locator('figcaption')).not.toBeEmpty();
    await expect(figure.getByRole('list').getByRole('listitem').first()).toBeVisible();
    await expect(chart).toHaveAttribute('aria-label', /\S/);
  }
}

/** The inbox's total ("1–25 van 38 klachten"), once it has loaded. */
async function inboxTotal(page: Page): Promise<number> {
  const summary = page.getByText(/van \d+ klachten?$/).first();
  await expect(summary).toBeVisible();
  return Number((await summary.textContent())!.match(/van (\d+) klacht/)![1]);
}

test.describe('management dashboard', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a manager sees every figure drawn in colour, with the same numbers as tables', async ({ page }) => {
    await signIn(page, USERS.manager);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rapportage' }).click();
    await expect(page).toHaveURL(/\/beheer\/rapportage$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Rapportage' })).toBeVisible();
    await expect(page.locator('[data-showing]')).toHaveText(`Cijfers over ${new Date().getFullYear()}`);
    await expectChartsInColour(page);

    const received = Number((await page.locator('[data-tile="received"] dd').first().textContent())!.replace(/\D/g, ''));
    expect(received).toBeGreaterThan(20);
    // The volume table adds up to what was received.
    const volume = page.locator('[data-figure="volume"]');
    await volume.getByText('Cijfers als tabel').click();
    const totals = await volume.locator('td[data-series="total"]').allTextContents();
    expect(totals.reduce((sum, text) => sum + Number(text.replace(/\D/g, '')), 0)).toBe(received);
    await expect(page.locator('[data-caveat]')).toContainText('een vergelijking, geen bewijs');

    await screenshot(page, 'reports-desktop');
    await expectAccessible(page);
  });

  test('a bar and a number in a table open the inbox with exactly the complaints they count', async ({ page }) => {
    await signIn(page, USERS.manager);
    // Last year: complaints the other tests file today do not change its figures.
    await page.goto('/beheer/rapportage?period=lastYear');
    const categories = page.locator('[data-figure="category"]');
    await expect.poll(async () => (await barFills(categories)).length).toBeGreaterThan(0);

    // The largest category's bar: the widest one.
    const counts = (await categories.locator('td[data-series="current"]').allTextContents()).map((text) => Number(text.replace(/\D/g, '')));
    const largest = Math.max(...counts);
    expect(largest).toBeGreaterThan(0);
    const bars = categories.locator('.recharts-bar-rectangle rect, .recharts-bar-rectangle path');
    const widths = await bars.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
    await bars.nth(widths.indexOf(Math.max(...widths))).click();
    await page.waitForURL(/\/beheer\?/);
    expect(await inboxTotal(page)).toBe(largest);

    // A number in the table: the smallest category that has complaints.
    await page.goto('/beheer/rapportage?period=lastYear');
    await categories.getByText('Cijfers als tabel').click();
    const links = categories.locator('td[data-series="current"] a');
    const values = (await links.allTextContents()).map((text) => Number(text.replace(/\D/g, '')));
    const smallest = Math.min(...values);
    await links.nth(values.indexOf(smallest)).click();
    await page.waitForURL(/\/beheer\?/);
    expect(await inboxTotal(page)).toBe(smallest);
  });

  test('compare with the previous period shows both, on a phone too', async ({ page }) => {
    await signIn(page, USERS.manager);
    await page.goto('/beheer/rapportage');
    await page.getByLabel('Vergelijk met de vorige periode').check();
    await page.getByRole('button', { name: 'Toon cijfers' }).click();
    await expect(page).toHaveURL(/\/beheer\/rapportage\?compare=1$/);
    const year = new Date().getFullYear();
    await expect(page.locator('[data-showing]')).toHaveText(`Cijfers over ${year}, vergeleken met ${year - 1}`);
    const categories = page.locator('[data-figure="category"]');
    await expect(categories.getByRole('listitem')).toHaveText([String(year), String(year - 1)]);
    await expect(page.locator('[data-figure="volume-previous"]')).toBeVisible();
    await categories.getByText('Cijfers als tabel').click();
    await expect(categories.getByRole('columnheader', { name: 'Verschil' })).toBeVisible();
    await expect(page.locator('[data-tile="received"]')).toContainText('vorige periode:');
    await expectChartsInColour(page);
    await expectAccessible(page);

    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(async () => (await barFills(categories)).length).toBeGreaterThan(0);
    // Nothing sticks out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'reports-phone-compare');
    await expectAccessible(page);

    // A custom range given backwards is turned round, and the page says so.
    await page.goto('/beheer/rapportage?period=custom&from=2026-03-31&to=2026-01-01');
    await expect(page.locator('[data-notice="swapped"]')).toBeVisible();
    await expect(page.locator('[data-showing]')).toHaveText('Cijfers over 1e kwartaal 2026');
  });

  test('handlers and admins are refused, and have no menu item', async ({ browser }) => {
    for (const email of [USERS.handler1, USERS.admin]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, email);
      await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rapportage' })).toHaveCount(0);
      await page.goto('/beheer/rapportage');
      await expect(page).toHaveURL(/\/beheer\/geen-toegang$/);
      await context.close();
    }
  });
});
