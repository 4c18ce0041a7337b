import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { amsterdamToday, complaintsNamed, expectAccessible, fillComplaint, NL, query, signIn, uniqueName, USERS } from './support';

// The post room: a client without e-mail files a complaint, its acknowledgement waits as a letter; staff download it as
// a PDF, mark it posted, and it leaves the queue. And the blank paper form, from the start page, in both languages.

const SHOTS = process.env.SHOTS_DIR ?? 'e2e/.screenshots';

test.describe('post room', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a postal client’s letter: in the post room, downloaded as PDF, marked posted, out of the queue', async ({ page }) => {
    // A client without an e-mail address files a complaint online.
    const name = uniqueName('Ayşe Şahin');
    await page.goto('/klacht');
    await fillComplaint(page, NL, { name, date: amsterdamToday() });
    await page.getByLabel(NL.email, { exact: true }).fill('');
    await page.getByLabel('Straat en huisnummer').fill('Łukaszstraat 12');
    await page.getByLabel('Postcode').fill('5341ab');
    await page.getByLabel('Plaats').fill('Oss');
    await page.getByRole('button', { name: NL.submit }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wij hebben uw klacht ontvangen');
    const [complaint] = await complaintsNamed(name);
    const [letter] = await query<{ id: number; subject: string }>(
      `select id, subject from outbox where complaint_id = $1 and medium = 'post' and status = 'pending'`,
      [complaint!.id],
    );
    expect(letter).toBeDefined();

    // The manager finds it in the post room, waiting to be printed.
    await signIn(page, USERS.manager);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Post' }).click();
    await expect(page).toHaveURL(/\/beheer\/post$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Post');
    const card = page.locator(`[data-outbox-id="${letter!.id}"]`);
    await expect(card).toContainText(complaint!.reference);
    await expect(card).toContainText('Łukaszstraat 12');
    await expectAccessible(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SHOTS}/post-room-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/post-room-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // The PDF: the letter with the client's address for the window envelope.
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: /^PDF downloaden/ }).click()]);
    expect(download.suggestedFilename()).toBe(`brief-${complaint!.reference}-${letter!.id}.pdf`);
    const file = (await download.path())!;
    await download.saveAs(`${SHOTS}/post-room-letter.pdf`);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of [name, 'Łukaszstraat 12', '5341 AB Oss', complaint!.reference, letter!.subject]) expect(text, expected).toContain(expected);

    // A date in the future is refused with a clear message; today (the default) is accepted.
    const date = card.getByLabel('Verstuurd per post op');
    await expect(date).toHaveValue(amsterdamToday());
    await date.evaluate((input: HTMLInputElement) => input.removeAttribute('max'));
    await date.fill(amsterdamToday(1));
    await card.getByRole('button', { name: 'Markeer als verstuurd' }).click();
    await expect(card.getByText('De datum van verzending mag niet in de toekomst liggen.')).toBeVisible();
    await date.fill(amsterdamToday());
    await card.getByRole('button', { name: 'Markeer als verstuurd' }).click();
    await expect(page.getByRole('status')).toContainText('De brief staat als verstuurd genoteerd');
    await expect(page.locator(`[data-outbox-id="${letter!.id}"]`)).toHaveCount(0);
    const [stored] = await query<{ status: string; posted_on: string }>(`select status, to_char(posted_on, 'YYYY-MM-DD') as posted_on from outbox where id = $1`, [letter!.id]);
    expect(stored).toEqual({ status: 'sent', posted_on: amsterdamToday() });

    // The file shows it, in its messages and its history.
    await page.goto(`/beheer/klachten/${complaint!.id}`);
    await expect(page.getByTestId('outbox')).toContainText('Per post verstuurd op');
    await expect(page.getByTestId('history')).toContainText('Brief per post verstuurd');
    await page.locator('section[aria-labelledby="outbox"]').screenshot({ path: `${SHOTS}/file-outbox.png` });

    // Another handler's post room holds nothing of this complaint, and says so in words when it is empty.
    await page.context().clearCookies();
    await signIn(page, USERS.handler2);
    await page.goto('/beheer/post');
    await expect(page.getByText(complaint!.reference)).toHaveCount(0);
    await expectAccessible(page);
    await page.screenshot({ path: `${SHOTS}/post-room-handler.png`, fullPage: true });
  });

  test('the blank complaint form downloads from the start page, in Dutch and in English', async ({ page }) => {
    for (const [start, link, fileName, title] of [
      ['/', 'Klachtenformulier om te printen (PDF)', 'klachtenformulier.pdf', 'Klachtenformulier'],
      ['/en', 'Complaint form to print (PDF)', 'complaint-form.pdf', 'Complaint form'],
    ] as const) {
      await page.goto(start);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
      expect(download.suggestedFilename()).toBe(fileName);
      await download.saveAs(`${SHOTS}/${fileName}`);
      const text = execFileSync('pdftotext', ['-layout', (await download.path())!, '-'], { encoding: 'utf8' });
      expect(text).toContain(title);
      const [organisation] = await query<{ postal_address: string }>('select postal_address from organisation_settings where id = 1');
      expect(text.replace(/\s+/g, ' ')).toContain((organisation?.postal_address ?? 'Postbus 170, 5240 AD Rosmalen').split(',')[0]!);
    }
    // Cacheable: the same settings give the same ETag, and a browser that has it gets 304.
    const first = await page.request.get('/klachtenformulier.pdf');
    const etag = first.headers()['etag']!;
    expect(etag).toMatch(/^"form-/);
    expect(first.headers()['cache-control']).toContain('public');
    const again = await page.request.get('/klachtenformulier.pdf', { headers: { 'If-None-Match': etag } });
    expect(again.status()).toBe(304);
  });
});
