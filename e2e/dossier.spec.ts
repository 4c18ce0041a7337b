import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible, query, signIn, USERS } from './support';

/** The dossier PDF from the complaint file (issue 10): one download, as the handler sees it. Rules are in the pg tests. */
test('a handler downloads the dossier of an escalated complaint from its file', async ({ page }) => {
  // An escalated demo complaint of one of the demo handlers (db/seed.test.ts checks the demo has escalations).
  const [complaint] = await query<{ id: number; reference: string; complainant_name: string; email: string }>(
    `select c.id, c.reference, c.complainant_name, u.email from complaints c join users u on u.id = c.handler_id
      where u.email = any($1) and c.status in ('escalated', 'closed_by_party') order by c.id limit 1`,
    [[USERS.handler1, USERS.handler2]],
  );
  expect(complaint, 'an escalated demo complaint of a demo handler').toBeDefined();
  await signIn(page, complaint!.email);
  await page.goto(`/beheer/klachten/${complaint!.id}`);
  const link = page.getByRole('link', { name: 'Dossier downloaden (PDF)' });
  await expect(link).toBeVisible();
  await page.screenshot({ path: '/tmp/shots-mailhtml/file-desktop.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: '/tmp/shots-mailhtml/file-phone.png' });
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(`klachtdossier-${complaint!.reference}.pdf`);
  const bytes = readFileSync((await download.path())!);
  const text = execFileSync('pdftotext', ['-', '-'], { input: bytes, encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(`Klachtdossier ${complaint!.reference}`);
  expect(text).toContain(complaint!.complainant_name);
  expect(text).toContain('Verloop van de behandeling');
  expect(text).toContain('Waarover de klager niet tevreden is');
});
