import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { parseCsv } from '../lib/inbox/parse-csv';
import { amsterdamToday, expectAccessible, query, screenshot, signIn, USERS } from './support';

// The CSV export of an inbox view and the annual complaints register (page and PDF), with the demo data. Last year is
// used throughout: other specs add and change complaints while this one runs, but none received last year.

const YEAR = Number(amsterdamToday().slice(0, 4)) - 1;
const FROM = `${YEAR}-01-01`;
const TO = `${YEAR}-12-31`;

async function receivedLastYear() {
  return query<{ reference: string; complainant_name: string }>(
    'select reference, complainant_name from complaints where received_on between $1 and $2 order by reference',
    [FROM, TO],
  );
}

/** The number in the pagination summary: "1–25 van 137 klachten". */
async function inboxTotal(page: Page): Promise<number> {
  const summary = await page.getByText(/van [\d.]+ klacht/).first().textContent();
  return Number(/van ([\d.]+) klacht/.exec(summary ?? '')![1]!.replace(/\./g, ''));
}

/** A figure in one of the register's tables, by the row's label. */
async function registerFigure(page: Page, table: string, label: string | RegExp): Promise<string> {
  const row = page.locator(`table[data-table="${table}"] tr`).filter({ has: page.getByRole('rowheader', { name: label }) });
  return (await row.locator('td').first().textContent())!.trim();
}

test.describe('export and annual register', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a manager downloads the filtered inbox as CSV and it holds exactly the rows the inbox shows', async ({ page }) => {
    const expected = await receivedLastYear();
    expect(expected.length).toBeGreaterThan(25);

    await signIn(page, USERS.manager);
    await page.goto(`/beheer?status=all&received_from=${FROM}&received_to=${TO}&sort=reference&dir=asc`);
    await expect(page.getByRole('table')).toBeVisible();
    const total = await inboxTotal(page);
    expect(total).toBe(expected.length);
    const firstPage = await page.getByRole('table').locator('tbody tr td:first-child a').allTextContents();
    expect(firstPage).toHaveLength(25);

    const link = page.getByRole('link', { name: /Exporteren \(CSV\)/ });
    const href = await link.getAttribute('href');
    expect(href).toContain('/beheer/export?');
    expect(href).toContain(`received_from=${FROM}`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`klachten-${amsterdamToday()}.csv`);
    const bytes = readFileSync((await download.path())!);
    // UTF-8 with a BOM, `;` between cells, CRLF between records.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Kenmerk;Naam klager;Ontvangen;');
    expect(text.endsWith('\r\n')).toBe(true);

    const rows = parseCsv(text);
    const [header, ...records] = rows;
    expect(header![0]).toBe('Kenmerk');
    expect(records).toHaveLength(total);
    // In the inbox's order (the first page as shown), and exactly the complaints of the view (all pages).
    expect(records.slice(0, 25).map((r) => r[0])).toEqual(firstPage);
    expect(records.map((r) => r[0])).toEqual(expected.map((c) => c.reference));
    const received = header!.indexOf('Ontvangen');
    for (const record of records) expect(record[received]).toMatch(new RegExp(`^${YEAR}-\\d\\d-\\d\\d$`));
  });

  test('a handler exports what their own inbox shows, no more', async ({ page }) => {
    await signIn(page, USERS.handler1);
    const [me] = await query<{ id: number }>('select id from users where email = $1', [USERS.handler1]);
    const own = await query<{ reference: string }>(
      `select reference from complaints where received_on between $2 and $3
          and (handler_id = $1 or (handler_id is null and registered_by = $1)) order by reference`,
      [me!.id, FROM, TO],
    );
    const response = await page.request.get(`/beheer/export?status=all&received_from=${FROM}&received_to=${TO}&sort=reference&dir=asc`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/csv');
    const [, ...records] = parseCsv(await response.text());
    expect(records.map((r) => r[0])).toEqual(own.map((c) => c.reference));
    expect(records.length).toBeLessThan((await receivedLastYear()).length);
  });

  test('the annual register: the page, and a PDF with the same figures and no names', async ({ page }) => {
    const complaints = await receivedLastYear();
    await signIn(page, USERS.manager);
    await page.goto(`/beheer/rapportage/jaarverslag?jaar=${YEAR}`);
    await expect(page.getByRole('heading', { level: 1, name: `Klachtenregister ${YEAR}` })).toBeVisible();
    const received = await registerFigure(page, 'volume-totals', `Ontvangen klachten in ${YEAR}`);
    expect(Number(received.replace(/\./g, ''))).toBe(complaints.length);
    await expectAccessible(page);
    await screenshot(page, 'annual-register');

    // Choosing the year in the form keeps it in the URL.
    await page.getByLabel('Jaar').selectOption(String(YEAR + 1));
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.waitForURL(`**/beheer/rapportage/jaarverslag?jaar=${YEAR + 1}`);
    await expect(page.getByRole('heading', { level: 1, name: `Klachtenregister ${YEAR + 1}` })).toBeVisible();
    await page.goto(`/beheer/rapportage/jaarverslag?jaar=${YEAR}`);

    const closed = await registerFigure(page, 'volume-totals', /^Afgesloten in/);
    const upheld = await registerFigure(page, 'outcomes-keys', 'Gegrond');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`klachtenregister-${YEAR}.pdf`);
    const file = (await download.path())!;
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

    expect(text).toContain(`Klachtenregister ${YEAR}`);
    const [organisation] = await query<{ name: string }>('select name from organisation_settings where id = 1');
    expect(text).toContain(organisation?.name ?? 'Bijstand naar Werk');
    expect(text).toMatch(new RegExp(`Ontvangen klachten in ${YEAR}\\s+${received.replace('.', '\\.')}\\n`));
    expect(text).toMatch(new RegExp(`Afgesloten in ${YEAR}[^\\n]*\\s${closed.replace('.', '\\.')}\\n`));
    expect(text).toMatch(new RegExp(`\\n\\s*Gegrond\\s+${upheld}\\s`));
    const pages = Number(/Pagina 1 van (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain(`Pagina ${pages} van ${pages}`);

    // Anonymised: no client's name and no staff member's name anywhere in it.
    const staff = await query<{ name: string }>('select name from users union select name from staff');
    for (const name of [...complaints.map((c) => c.complainant_name), ...staff.map((s) => s.name)]) {
      expect(text, name).not.toContain(name);
    }
  });

  test('handlers and admins are refused the register and its PDF; admins the export', async ({ browser }) => {
    for (const email of [USERS.handler1, USERS.admin]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, email);
      for (const path of [`/beheer/rapportage/jaarverslag?jaar=${YEAR}`, `/beheer/rapportage/jaarverslag/pdf?jaar=${YEAR}`]) {
        const response = await page.request.get(path);
        expect(new URL(response.url()).pathname, `${email} ${path}`).toBe('/beheer/geen-toegang');
      }
      const exported = await page.request.get('/beheer/export?status=all');
      if (email === USERS.admin) expect(new URL(exported.url()).pathname).toBe('/beheer/geen-toegang');
      else expect(exported.headers()['content-type']).toContain('text/csv');
      await context.close();
    }
  });
});
