import { expect, type Page, test } from '@playwright/test';
import { amsterdamToday, complaintsNamed, expectAccessible, fakeResendUrl, fillComplaint, NL, query, signIn, uniqueName, USERS, webhookHeaders } from './support';

// Mail in and out (issue 11): a mail to the complaints address arrives as a signed resend webhook (the fake resend
// server serves its body and attachment), becomes a draft in the inbox and is registered by a handler; a bounced
// acknowledgement (a signed webhook) shows the red notice on the file, a marker in the inbox and in the post room.

const SHOTS = process.env.SHOTS_DIR ?? 'e2e/.screenshots';
const PDF_BASE64 = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');

function plusDays(iso: string, days: number) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function postWebhook(page: Page, event: unknown) {
  const body = JSON.stringify(event);
  return page.request.post('/api/webhooks/resend', { headers: await webhookHeaders(body), data: body });
}

test.describe('mail in and out', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a mail to the complaints address becomes a draft that a handler registers as a complaint', async ({ page }) => {
    const name = uniqueName('Mirjam Bos');
    const received = plusDays(amsterdamToday(), -3);
    const emailId = `in_e2e_${Date.now().toString(36)}`;
    const subject = `Klacht over mijn uitkering ${Date.now().toString(36)}`;
    const fake = await fakeResendUrl();
    const stored = await page.request.post(`${fake}/__fake/receiving`, {
      data: {
        id: emailId,
        from: `${name} <mirjam.bos@example.test>`,
        to: ['klachten@example.test'],
        subject,
        created_at: `${received}T09:30:00.000Z`,
        text: 'Mijn adviseur reageert al weken niet op mijn mails.\n<script>alert("x")</script>',
        html: '<p>Mijn adviseur reageert al weken niet.</p><script>alert("x")</script>',
        attachments: [
          { filename: 'brief.pdf', content_type: 'application/pdf', content: PDF_BASE64 },
          { filename: 'programma.exe', content_type: 'application/octet-stream', content: Buffer.from('MZ program').toString('base64') },
        ],
      },
    });
    expect(stored.ok()).toBe(true);

    // Not signed by resend: refused, nothing stored.
    const unsigned = await page.request.post('/api/webhooks/resend', { headers: { 'content-type': 'application/json', 'webhook-id': 'msg_x', 'webhook-timestamp': '1', 'webhook-signature': 'v1,AAAA' }, data: '{}' });
    expect(unsigned.status()).toBe(401);

    const event = { type: 'email.received', created_at: new Date().toISOString(), data: { email_id: emailId, created_at: `${received}T09:30:00.000Z`, from: 'x', to: ['klachten@example.test'], bcc: [], cc: [], received_for: [], message_id: '<m>', subject, attachments: [] } };
    const response = await postWebhook(page, event);
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ result: 'draft' });

    // The handler sees it in the inbox under "Per e-mail binnengekomen" and opens it.
    await signIn(page, USERS.handler1);
    const drafts = page.getByTestId('mail-drafts');
    await expect(drafts.getByRole('heading', { name: /Per e-mail binnengekomen/ })).toBeVisible();
    await expectAccessible(page);
    await shoot(page, 'mail-in-inbox');
    await drafts.getByRole('link', { name: `Mail openen: ${subject}` }).click();
    await expect(page).toHaveURL(/\/beheer\/inkomend\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Binnengekomen mail');
    // The mail as text: the script is text on the page, never run; the program is refused with its reason.
    await expect(page.getByTestId('mail-text')).toContainText('<script>alert("x")</script>');
    await expect(page.getByTestId('mail-from')).toHaveText(`${name} <mirjam.bos@example.test>`);
    await expect(page.getByTestId('mail-attachments')).toContainText('brief.pdf');
    await expect(page.getByTestId('mail-refused')).toContainText('programma.exe: geen PDF, JPG of PNG');
    await expectAccessible(page);
    await shoot(page, 'mail-in-draft');

    // Register it: the form comes prefilled from the mail.
    await page.getByTestId('register-from-mail').click();
    await expect(page).toHaveURL(/\/beheer\/inkomend\/\d+\/registreren$/);
    await page.locator('form[data-ready]').waitFor();
    await expect(page.getByRole('radio', { name: 'E-mail', exact: true })).toBeChecked();
    await expect(page.getByRole('textbox', { name: 'Ontvangen op' })).toHaveValue(received);
    await expect(page.getByRole('textbox', { name: 'Naam', exact: true })).toHaveValue(name);
    await expect(page.getByRole('textbox', { name: /^E-mailadres/ })).toHaveValue('mirjam.bos@example.test');
    await expect(page.getByRole('textbox', { name: 'Wat is er gebeurd?' })).toHaveValue(/Mijn adviseur reageert al weken niet/);
    await expectAccessible(page);
    await shoot(page, 'mail-in-register');
    await page.getByRole('combobox', { name: 'Onderwerp' }).selectOption({ label: 'Bejegening door adviseur' });
    await page.getByRole('radio', { name: 'Op een datum' }).check();
    await page.getByRole('textbox', { name: 'Datum van het voorval' }).fill(plusDays(received, -7));
    await page.getByRole('radio', { name: 'Gemeente', exact: true }).check();
    await page.getByRole('checkbox', { name: /De klager weet dat wij de gegevens vastleggen/ }).check();
    await page.getByRole('button', { name: 'Klacht registreren' }).click();

    // The new complaint's file: channel e-mail, received on the mail's day, the mail and its file on it.
    await expect(page).toHaveURL(/\/beheer\/klachten\/\d+\?geregistreerd=1$/);
    const [complaint] = await complaintsNamed(name);
    expect(complaint).toMatchObject({ channel: 'email' });
    const [row] = await query<{ received_on: string }>(`select to_char(received_on, 'YYYY-MM-DD') as received_on from complaints where id = $1`, [complaint!.id]);
    expect(row!.received_on).toBe(received);
    const [mail] = await query<{ state: string; complaint_id: number }>('select state, complaint_id from inbound_mails where provider_id = $1', [emailId]);
    expect(mail).toEqual({ state: 'registered', complaint_id: complaint!.id });
    const onFile = page.locator('section[aria-labelledby="client-mail"]');
    await expect(onFile.getByTestId('mail-text')).toContainText('Mijn adviseur reageert al weken niet');
    await expect(onFile.getByTestId('mail-attachments')).toContainText('brief.pdf');
    await expect(page.getByTestId('history')).toContainText('Mail van de klager ontvangen');
    await expectAccessible(page);

    // The draft is gone from the inbox.
    await page.goto('/beheer');
    await expect(page.getByRole('link', { name: `Mail openen: ${subject}` })).toHaveCount(0);
  });

  test('a bounced acknowledgement shows the red notice on the file, a marker in the inbox and the post room', async ({ page }) => {
    const name = uniqueName('Bart Smit');
    await page.goto('/klacht');
    await fillComplaint(page, NL, { name, date: amsterdamToday() });
    await page.getByRole('button', { name: NL.submit }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wij hebben uw klacht ontvangen');
    const [complaint] = await complaintsNamed(name);

    // The acknowledgement goes out through the (fake) resend right after the response; resend knows it by its id.
    let sent: { id: number; provider_id: string } | undefined;
    await expect
      .poll(async () => {
        [sent] = await query<{ id: number; provider_id: string }>(`select id, provider_id from outbox where complaint_id = $1 and medium = 'email' and provider_id is not null`, [complaint!.id]);
        return sent?.provider_id ?? null;
      }, { timeout: 20_000 })
      .not.toBeNull();

    const bounce = {
      type: 'email.bounced',
      created_at: new Date().toISOString(),
      data: { email_id: sent!.provider_id, created_at: new Date().toISOString(), from: 'k', to: ['e2e@example.test'], subject: 's', message_id: '<m>', bounce: { type: 'Permanent', subType: 'General', message: 'The mailbox does not exist' } },
    };
    const response = await postWebhook(page, bounce);
    expect(response.status()).toBe(200);

    await signIn(page, USERS.manager);
    await page.goto(`/beheer/klachten/${complaint!.id}`);
    const notice = page.getByTestId('bounce-notice');
    await expect(notice).toContainText('Mail kwam niet aan: neem contact op per telefoon of post');
    await expectAccessible(page);
    await shoot(page, 'mail-bounce-file');

    await page.goto(`/beheer?q=${encodeURIComponent(complaint!.reference)}`);
    await expect(page.getByTestId('bounce-marker')).toHaveText('Mail kwam niet aan');
    await page.goto('/beheer/post');
    const card = page.locator(`[data-outbox-id="${sent!.id}"]`);
    await expect(card.getByTestId('bounced')).toBeVisible();
    await expect(card.getByRole('button', { name: /Opnieuw versturen/ })).toBeVisible();
    await expectAccessible(page);
    await shoot(page, 'mail-bounce-post-room');
  });
});
