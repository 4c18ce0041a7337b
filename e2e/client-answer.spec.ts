import { mkdirSync, readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { amsterdamToday, complaintsNamed, expectAccessible, fillComplaint, NL, query, signIn, uniqueName, USERS } from './support';

/**
 * The client answers the handler's question on their status page, with a PDF, and the handler reads it on the file
 * and downloads the PDF. The rules (types by content, sizes, replays, one transaction) are tested in
 * lib/complaints/*.test.ts; here only the way through the browser, axe on the page with the form (Dutch and English)
 * and screenshots at desktop and phone width.
 */

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-answer';
mkdirSync(SHOTS, { recursive: true });
const shoot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

async function phoneShot(page: Page, name: string) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, name);
  if (size) await page.setViewportSize(size);
}

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]), Buffer.alloc(200)]);

test('the client answers the question on the status page with a PDF; the handler reads and downloads it', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const name = uniqueName('Ilse de Boer');
  const today = amsterdamToday();

  // The client files a complaint online and keeps the secret status link.
  await page.goto('/klacht');
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  await fillComplaint(page, NL, { name, date: new Date(Date.UTC(y, m - 1, d - 10)).toISOString().slice(0, 10) });
  await page.getByRole('button', { name: NL.submit }).click();
  const statusHref = (await page.getByTestId('status-link').getAttribute('href'))!;
  const [complaint] = await complaintsNamed(name);
  // The manager assigned it to the handler (a fixture: assigning is tested in procedure.spec.ts).
  await query("update complaints set handler_id = (select id from users where email = $2) where id = $1", [complaint!.id, USERS.handler1]);

  // The handler asks a question through the step on the file.
  const handler = await as(browser, USERS.handler1);
  await handler.goto(`/beheer/klachten/${complaint!.id}`);
  await handler.getByTestId('steps').getByRole('button', { name: 'Informatie vragen', exact: true }).click();
  await handler.getByRole('textbox', { name: 'Uw vraag' }).fill('Kunt u de uitnodiging voor de afspraak meesturen?');
  await handler.getByTestId('step-form').getByRole('button', { name: 'Vraag versturen', exact: true }).click();
  await expect(handler.getByTestId('status')).toHaveText('Wacht op informatie');

  // The client opens the status link: the question with the form under it. Axe in both languages.
  await page.goto(`/en${statusHref}`);
  await expect(page.getByRole('heading', { name: 'Answer our question here' })).toBeVisible();
  await page.locator('form[data-ready]').waitFor();
  await expectAccessible(page);
  await shoot(page, 'status-answer-form-en');
  await page.goto(statusHref);
  await expect(page.getByTestId('open-question')).toContainText('Kunt u de uitnodiging voor de afspraak meesturen?');
  await page.locator('form[data-ready]').waitFor();
  await expectAccessible(page);
  await shoot(page, 'status-answer-form-nl');
  await phoneShot(page, 'status-answer-form-nl-phone');

  // A program renamed to .pdf: refused by its content, with a clear message; nothing is written.
  const form = page.getByTestId('answer-form');
  await form.getByLabel('Uw antwoord').fill('Hierbij de uitnodiging. De afspraak was op 3 maart.');
  await expect(form.getByTestId('answer-count')).toHaveText('51 van 5.000 tekens');
  await form.getByLabel(/^Bijlagen/).setInputFiles([{ name: 'uitnodiging.pdf', mimeType: 'application/pdf', buffer: EXE }]);
  await form.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByTestId('answer-alert')).toContainText('uitnodiging.pdf: dit bestand is geen PDF, JPG of PNG.');
  await expectAccessible(page);
  await shoot(page, 'status-answer-refused-nl');
  await phoneShot(page, 'status-answer-refused-nl-phone');
  expect(await query('select count(*)::int as n from complaint_attachments where complaint_id = $1', [complaint!.id])).toEqual([{ n: 0 }]);
  await expect(page.getByTestId('status')).toHaveText('Wacht op uw reactie');

  // The real PDF instead: the answer comes in, the form is gone, the page says so.
  await form.getByRole('button', { name: 'Verwijder uitnodiging.pdf' }).click();
  await form.getByLabel(/^Bijlagen/).setInputFiles([{ name: 'uitnodiging.pdf', mimeType: 'application/pdf', buffer: PDF }]);
  await expect(form.getByTestId('chosen-files')).toContainText('uitnodiging.pdf');
  await form.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByTestId('answer-received')).toContainText('Wij hebben uw antwoord ontvangen');
  await expect(page.getByTestId('answer-form')).toHaveCount(0);
  await expect(page.getByTestId('status')).toHaveText('In behandeling');
  await expect(page.getByTestId('timeline')).toContainText('Wij hebben uw antwoord ontvangen.');
  await expectAccessible(page);
  await shoot(page, 'status-answer-received-nl');
  await phoneShot(page, 'status-answer-received-nl-phone');

  const history = await query<{ action: string; actor_label: string | null; actor_user_id: number | null }>(
    'select action, actor_label, actor_user_id from complaint_history where complaint_id = $1 order by id desc limit 1',
    [complaint!.id],
  );
  expect(history).toEqual([{ action: 'info_received', actor_label: 'client', actor_user_id: null }]);
  expect(await query("select recipient from outbox where complaint_id = $1 and kind = 'client_answer'", [complaint!.id])).toEqual([{ recipient: USERS.handler1 }]);

  // The handler sees the answer with the file on the complaint file, and downloads it.
  await handler.reload();
  await expect(handler.getByTestId('status')).toHaveText('In behandeling');
  const questions = handler.getByTestId('questions');
  await expect(questions).toContainText('Hierbij de uitnodiging. De afspraak was op 3 maart.');
  await expect(questions).toContainText('door de klager zelf');
  await expect(questions.getByTestId('attachments')).toContainText(`uitnodiging.pdf`);
  await expect(questions.getByTestId('attachments')).toContainText(`PDF, ${PDF.byteLength} B`);
  await expectAccessible(handler);
  await questions.scrollIntoViewIfNeeded();
  await shoot(handler, 'file-attachments');
  await phoneShot(handler, 'file-attachments-phone');
  await handler.setViewportSize({ width: 390, height: 844 });
  await questions.screenshot({ path: `${SHOTS}/file-attachments-phone-questions.png` });
  await handler.setViewportSize({ width: 1280, height: 720 });
  const [download] = await Promise.all([handler.waitForEvent('download'), questions.getByRole('link', { name: /uitnodiging\.pdf/ }).click()]);
  expect(download.suggestedFilename()).toBe('uitnodiging.pdf');
  expect(readFileSync((await download.path())!)).toEqual(PDF);
});
