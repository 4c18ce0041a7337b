import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { amsterdamToday, expectAccessible, query, screenshot, signIn, uniqueName, USERS } from './support';

/**
 * Privacy requests (AVG), as a quality manager handles one: register an access request, find the person's complaints
 * by e-mail address, confirm them, download the export as PDF and JSON; the download is on the request's event list.
 * A handler has no way in.
 */

test.describe('privacy requests', () => {
  test.describe.configure({ timeout: 180_000 });

  test('register an access request with the requester\'s complaints and download the export', async ({ page }) => {
    const [complaint] = await query<{ id: number; reference: string; email: string; name: string }>(
      "select id, reference, complainant_email as email, complainant_name as name from complaints where complainant_email is not null and anonymised_at is null order by id limit 1",
    );
    await signIn(page, USERS.manager);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Privacyverzoeken' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Privacyverzoeken' })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Nieuw verzoek registreren' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuw privacyverzoek' })).toBeVisible();
    // Nothing filled in, and a date in the future: refused with clear messages.
    await page.getByLabel(/^Ontvangen op/).fill(amsterdamToday(3));
    await page.getByRole('button', { name: 'Verzoek registreren' }).click();
    await expect(page.getByText('De ontvangstdatum ligt in de toekomst.', { exact: false })).toBeVisible();
    await expect(page.getByText('Vul dit veld in.').first()).toBeVisible();
    await screenshot(page, 'privacy-new-errors');

    const requester = uniqueName(complaint!.name);
    await page.getByLabel(/^Inzage/).check();
    await page.getByLabel(/^Naam van de aanvrager/).fill(requester);
    await page.getByLabel(/^E-mailadres van de aanvrager/).fill(complaint!.email.toUpperCase());
    await page.getByLabel(/^Ontvangen op/).fill(amsterdamToday(-2));
    await page.getByLabel(/^Binnengekomen via/).selectOption({ label: 'E-mail' });
    await page.getByLabel(/^Het verzoek/).fill('Ik wil weten welke gegevens u over mij bewaart.');
    await page.getByRole('button', { name: 'Klachten zoeken' }).click();
    const suggestions = page.getByTestId('privacy-suggestions');
    await expect(suggestions.getByText(complaint!.reference)).toBeVisible();
    await suggestions.getByRole('checkbox', { name: new RegExp(complaint!.reference) }).check();
    await expectAccessible(page);
    await screenshot(page, 'privacy-new');
    await page.getByRole('button', { name: 'Verzoek registreren' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'Het verzoek is geregistreerd.' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: requester })).toBeVisible();
    await expect(page.getByTestId('privacy-complaints').getByRole('link', { name: complaint!.reference })).toBeVisible();
    await expect(page.getByText(`Uiterlijk beantwoorden op`).first()).toBeVisible();

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download als PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^inzage-verzoek-\d+\.pdf$/);
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download als JSON' }).click()]);
    const doc = JSON.parse(await readFile((await json.path())!, 'utf8')) as { request: { requesterName: string }; complaints: { complaint: { reference: string } }[] };
    expect(doc.request.requesterName).toBe(requester);
    expect(doc.complaints.map((c) => c.complaint.reference)).toEqual([complaint!.reference]);

    await page.reload();
    const events = page.getByTestId('privacy-events');
    await expect(events.getByText('Inzage-overzicht gedownload')).toHaveCount(2);
    await expectAccessible(page);
    await screenshot(page, 'privacy-detail');

    await page.goto('/beheer/privacy');
    await expect(page.getByTestId('privacy-table').getByRole('link', { name: requester })).toBeVisible();
    await screenshot(page, 'privacy-list');
  });

  test('a handler has no menu item and no way in', async ({ page }) => {
    await signIn(page, USERS.handler1);
    await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Privacyverzoeken' })).toHaveCount(0);
    await page.goto('/beheer/privacy/nieuw');
    await expect(page).toHaveURL(/\/beheer\/geen-toegang/);
  });
});
