import { hash } from '@node-rs/argon2';
import { type Browser, expect, test } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, query, screenshot, signIn, USERS } from './support';

/** Each test signs in from its own (forwarded) address, so one test's lockout cannot lock out another test. */
let addressCounter = 0;
async function newContext(browser: Browser) {
  const address = `198.51.100.${++addressCounter + Math.floor(Math.random() * 200)}`;
  return { context: await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address } }), address };
}

/** A user of this test alone (so changing its password or deactivating it does not disturb other tests). */
async function createUser(role: 'handler' | 'manager' | 'admin', password: string) {
  const email = `e2e-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}@example.test`;
  await query('insert into users (email, name, role, password_hash) values ($1, $2, $3, $4)', [email, `E2E ${role}`, role, await hash(password)]);
  return email;
}

test.describe('signing in to the back-office', () => {
  test('a visitor who is not signed in is sent to the Dutch sign-in page, and back after signing in', async ({ browser }) => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/beheer/account');
    await expect(page).toHaveURL(/\/beheer\/inloggen\?terug=%2Fbeheer%2Faccount$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expectAccessible(page);
    await screenshot(page, 'beheer-signin');

    await page.getByLabel('E-mailadres').fill(USERS.handler1);
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page).toHaveURL(/\/beheer\/account$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn account');
    await expect(page.getByText('Sanne Jansen').first()).toBeVisible();
    await context.close();
  });

  test('each demo role lands on its own start page and sees only its own menu', async ({ browser }) => {
    const expected = [
      { email: USERS.admin, url: /\/beheer\/instellingen$/, heading: 'Instellingen', menu: ['Privacyverzoeken', 'Instellingen'] },
      { email: USERS.manager, url: /\/beheer$/, heading: 'Klachten', menu: ['Klachten', 'Klacht registreren', 'Maatregelen', 'Rapportage', 'Bewaartermijn', 'Privacyverzoeken', 'Post'] },
      { email: USERS.handler1, url: /\/beheer$/, heading: 'Klachten', menu: ['Klachten', 'Klacht registreren', 'Post'] },
    ];
    for (const role of expected) {
      const { context } = await newContext(browser);
      const page = await context.newPage();
      await signIn(page, role.email);
      await expect(page).toHaveURL(role.url);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(role.heading);
      await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link')).toHaveText(role.menu);
      await context.close();
    }
  });

  test('a wrong password gets one clear message that does not reveal whether the account exists', async ({ browser }) => {
    const { context, address } = await newContext(browser);
    const page = await context.newPage();
    for (const email of [USERS.handler2, 'niemand@klachtloket.test']) {
      await page.goto('/beheer/inloggen');
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord').fill('dit is het niet');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await expect(page.getByRole('main').getByRole('alert')).toHaveText('Het e-mailadres of het wachtwoord klopt niet.');
      await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
      await expect(page).toHaveURL(/\/beheer\/inloggen/);
    }
    await screenshot(page, 'beheer-signin-wrong');
    // The attempts are kept in the database with the address they came from.
    // (Only this test's two e-mail addresses: another test may sign in from an address drawn the same.)
    const attempts = await query<{ email: string; success: boolean }>('select email, success from login_attempts where ip = $1 and email = any($2) order by id', [
      address,
      [USERS.handler2, 'niemand@klachtloket.test'],
    ]);
    expect(attempts).toEqual([
      { email: USERS.handler2, success: false },
      { email: 'niemand@klachtloket.test', success: false },
    ]);
  });

  test('signing in and out also works before JavaScript has loaded (or without it)', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.250' } });
    const page = await context.newPage();
    await page.goto('/beheer/inloggen');
    await page.getByLabel('E-mailadres').fill(USERS.manager);
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page).toHaveURL(/\/beheer$/);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page).toHaveURL(/\/beheer\/inloggen\?uitgelogd=1$/);
    await page.goto('/beheer');
    await expect(page).toHaveURL(/\/beheer\/inloggen/);
    await context.close();
  });

  test('empty fields are named next to the field', async ({ browser }) => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/beheer/inloggen');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Vul dit veld in.').first()).toBeVisible();
  });

  test('after 5 wrong passwords from one address that address is locked for the account; the right password from elsewhere still works', async ({ browser }) => {
    const email = await createUser('handler', 'het juiste wachtwoord');
    const { context } = await newContext(browser);
    const page = await context.newPage();
    const attempt = async (p: typeof page, password: string) => {
      await p.goto('/beheer/inloggen');
      await p.getByLabel('E-mailadres').fill(email);
      await p.getByLabel('Wachtwoord').fill(password);
      await p.getByRole('button', { name: 'Inloggen' }).click();
    };
    for (let i = 0; i < 5; i++) {
      await attempt(page, `fout ${i}`);
      await expect(page.getByRole('main').getByRole('alert')).toHaveText('Het e-mailadres of het wachtwoord klopt niet.');
    }
    // The same address: refused, even with the right password.
    await attempt(page, 'het juiste wachtwoord');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Te veel mislukte pogingen');
    await expect(page.getByRole('main').getByRole('alert')).toContainText(/over 1[45] minuten opnieuw/);
    await expect(page).toHaveURL(/\/beheer\/inloggen/);
    await screenshot(page, 'beheer-signin-locked');
    // Issue 12: another address is not locked out (before, the whole account was).
    const other = await newContext(browser);
    const second = await other.context.newPage();
    await attempt(second, 'het juiste wachtwoord');
    await expect(second).toHaveURL(/\/beheer(\?|$)/);
    await context.close();
    await other.context.close();
  });

  test('a deactivated account cannot sign in', async ({ browser }) => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await page.goto('/beheer/inloggen');
    await page.getByLabel('E-mailadres').fill(USERS.former);
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Het e-mailadres of het wachtwoord klopt niet.');
  });

  test('signing out ends the session', async ({ browser }) => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, USERS.handler2);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page).toHaveURL(/\/beheer\/inloggen\?uitgelogd=1$/);
    await expect(page.getByRole('status')).toHaveText('U bent uitgelogd.');
    await page.goto('/beheer');
    await expect(page).toHaveURL(/\/beheer\/inloggen/);
  });

  test('issue 12: after signing out, a copied session cookie no longer works', async ({ browser }) => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, USERS.handler2);
    const copied = await context.cookies();
    expect(copied.some((c) => c.name.endsWith('authjs.session-token'))).toBe(true);
    // A server action as the browser sends it (the password form, with a wrong current password: changes nothing).
    await page.goto('/beheer/account/wachtwoord');
    await page.getByLabel('Huidig wachtwoord').fill('niet mijn wachtwoord');
    await page.getByLabel('Nieuw wachtwoord').fill('tulp regen zolder vijftig');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('tulp regen zolder vijftig');
    const [action] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']),
      page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click(),
    ]);
    await expect(page.getByText('Uw huidige wachtwoord klopt niet.')).toBeVisible();
    const replay = (request: typeof context.request) =>
      request.post(action.url(), {
        headers: Object.fromEntries(['next-action', 'content-type', 'accept', 'next-router-state-tree'].map((h) => [h, action.headers()[h] ?? ''])),
        data: action.postData() ?? '',
      });
    expect(await (await replay(context.request)).text()).toContain('passwordWrong'); // the replay reaches the action
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page).toHaveURL(/\/beheer\/inloggen\?uitgelogd=1$/);

    const thief = await newContext(browser);
    await thief.context.addCookies(copied);
    const stolen = await thief.context.newPage();
    await stolen.goto('/beheer');
    await expect(stolen).toHaveURL(/\/beheer\/inloggen/);
    // And the session endpoint neither answers with the user nor hands out a fresh cookie.
    const session = await thief.context.request.get('/api/auth/session');
    expect(await session.json()).toBeNull();
    expect((session.headers()['set-cookie'] ?? '').match(/authjs\.session-token=[^;]+;/)).toBeNull();
    // The same server action with the copied cookie: refused before its input is read.
    const refused = await (await replay(thief.context.request)).text();
    expect(refused).toContain('forbidden');
    expect(refused).not.toContain('passwordWrong');
    await context.close();
    await thief.context.close();
  });

  test('a user changes their password: the new one works, the old one no longer, other sessions end', async ({ browser }) => {
    const email = await createUser('manager', 'oud wachtwoord 123');
    const first = await newContext(browser);
    const other = await newContext(browser);
    const page = await first.context.newPage();
    const elsewhere = await other.context.newPage();
    await signIn(page, email, 'oud wachtwoord 123');
    await signIn(elsewhere, email, 'oud wachtwoord 123');

    await page.goto('/beheer/account');
    await page.getByRole('link', { name: 'Wachtwoord wijzigen' }).click();
    await expectAccessible(page);
    await page.getByLabel('Huidig wachtwoord').fill('oud wachtwoord 123');
    await page.getByLabel('Nieuw wachtwoord').fill('kort');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('anders');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect(page.getByText('Kies een wachtwoord van minstens 12 tekens.')).toBeVisible();
    await expect(page.getByText('De twee wachtwoorden zijn niet gelijk.')).toBeVisible();
    await screenshot(page, 'beheer-password-errors');

    // Issue 12: long enough but trivial is refused, with a clear Dutch message.
    await page.getByLabel('Nieuw wachtwoord').fill('aaaaaaaaaaaa');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('aaaaaaaaaaaa');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect(page.getByText('Dit wachtwoord herhaalt te veel dezelfde tekens of een patroon.')).toBeVisible();
    await screenshot(page, 'beheer-password-weak');

    await page.getByLabel('Nieuw wachtwoord').fill('een nieuw lang wachtwoord');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een nieuw lang wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect(page).toHaveURL(/\/beheer\/account\?gewijzigd=1$/);
    await expect(page.getByRole('status')).toContainText('Uw wachtwoord is gewijzigd');

    // This browser stays signed in; the other session has ended.
    await page.goto('/beheer/account');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn account');
    await elsewhere.goto('/beheer/account');
    await expect(elsewhere).toHaveURL(/\/beheer\/inloggen/);

    await elsewhere.getByLabel('E-mailadres').fill(email);
    await elsewhere.getByLabel('Wachtwoord').fill('oud wachtwoord 123');
    await elsewhere.getByRole('button', { name: 'Inloggen' }).click();
    await expect(elsewhere.getByRole('main').getByRole('alert')).toHaveText('Het e-mailadres of het wachtwoord klopt niet.');
    await signIn(elsewhere, email, 'een nieuw lang wachtwoord');
    await expect(elsewhere).toHaveURL(/\/beheer$/);
    await first.context.close();
    await other.context.close();
  });

  test('a user deactivated while signed in is signed out at the next request', async ({ browser }) => {
    const email = await createUser('handler', 'wachtwoord van vandaag');
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, email, 'wachtwoord van vandaag');
    await page.goto('/beheer/account');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn account');
    await query('update users set active = false where email = $1', [email]);
    await page.goto('/beheer/account');
    await expect(page).toHaveURL(/\/beheer\/inloggen/);
    await context.close();
  });
});
