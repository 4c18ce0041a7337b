import { type Browser, expect, type Page, test } from '@playwright/test';
import { amsterdamToday, expectAccessible, query, screenshot, sentMails, signIn, uniqueName, USERS } from './support';

/**
 * The procedure in the browser, the way handler and manager run it: one complaint from receipt through resolution to
 * the contracting party, and one complaint about something longer than a year ago that is not handled. Every step is a
 * form on the file page; the database shows what each wrote.
 */

function plusDays(iso: string, days: number) {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Registers a phone complaint as the signed-in handler and returns its id. */
async function registerByPhone(page: Page, options: { name: string; staff: string; incidentDate: string; description: string }) {
  await page.goto('/beheer/klachten/nieuw');
  await page.locator('form[data-ready]').waitFor();
  await page.getByRole('radio', { name: 'Telefoon', exact: true }).check();
  await page.getByRole('textbox', { name: 'Ontvangen op' }).fill(amsterdamToday());
  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill(options.name);
  await page.getByRole('textbox', { name: /^E-mailadres/ }).fill('klager.e2e@example.test');
  await page.getByRole('combobox', { name: 'Onderwerp' }).selectOption({ label: 'Bejegening door adviseur' });
  await page.getByRole('combobox', { name: /^Over welke medewerker/ }).selectOption({ label: options.staff });
  await page.getByRole('textbox', { name: 'Wat is er gebeurd?' }).fill(options.description);
  await page.getByRole('radio', { name: 'Op een datum' }).check();
  await page.getByRole('textbox', { name: 'Datum van het voorval' }).fill(options.incidentDate);
  await page.getByRole('radio', { name: 'Gemeente', exact: true }).check();
  await page.getByRole('textbox', { name: /^Naam van de opdrachtgever/ }).fill('gemeente Den Bosch');
  await page.getByRole('checkbox', { name: /De klager weet dat wij de gegevens vastleggen/ }).check();
  await page.getByRole('button', { name: 'Klacht registreren' }).click();
  await expect(page).toHaveURL(/\/beheer\/klachten\/\d+\?geregistreerd=1$/);
  return Number(/klachten\/(\d+)/.exec(page.url())![1]);
}

const steps = (page: Page) => page.getByTestId('steps');

async function partyId(name: string) {
  const [row] = await query<{ id: number }>('select id from contracting_parties where name = $1', [name]);
  return row!.id;
}

/** Opens a step's form from the panel. */
async function open(page: Page, button: string) {
  await steps(page).getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByTestId('step-form')).toBeVisible();
}

/** Submits the open step form and waits for the panel's confirmation and the new status. */
async function submit(page: Page, button: string, status: string) {
  await page.getByTestId('step-form').getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByTestId('step-done')).toBeVisible();
  await expect(page.getByTestId('status')).toHaveText(status);
}

async function historyOf(id: number) {
  return (await query<{ action: string }>('select action from complaint_history where complaint_id = $1 order by id', [id])).map((r) => r.action);
}

async function selectByText(page: Page, label: string, text: string) {
  const select = page.getByRole('combobox', { name: label });
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
}

test.describe('the procedure, step by step', () => {
  test.describe.configure({ timeout: 240_000 });

  test('from receipt to resolution and on to the contracting party; assigning the adviser it is about is refused', async ({ browser }) => {
    const name = uniqueName('Yvonne Kramer');
    const today = amsterdamToday();
    const handler = await as(browser, USERS.handler1);
    const id = await registerByPhone(handler, {
      name,
      staff: 'Fatima El Amrani',
      incidentDate: plusDays(today, -20),
      description: 'Mijn adviseur Fatima El Amrani sprak mij bij de laatste afspraak onvriendelijk toe, waar anderen bij waren.',
    });
    await expect(handler.getByTestId('status')).toHaveText('Ontvangen');

    // A manager has the same file open (its version before the acknowledgement).
    const manager = await as(browser, USERS.manager);
    await manager.goto(`/beheer/klachten/${id}`);
    await expect(steps(manager).getByRole('button', { name: 'Ontvangst bevestigen' })).toBeVisible();

    // 1. The handler who took the call acknowledges it.
    await open(handler, 'Ontvangst bevestigen');
    await expect(handler.getByTestId('step-form')).toContainText('De bevestiging gaat per e-mail naar klager.e2e@example.test.');
    await expectAccessible(handler);
    await submit(handler, 'Bevestiging versturen', 'Ontvangst bevestigd');
    await expect(handler.getByTestId('history')).toContainText('Ontvangst bevestigd');
    // Without a handler the rest of the procedure waits, and says why.
    await expect(handler.getByTestId('steps-waiting')).toContainText('Een kwaliteitsmanager moet de klacht eerst toewijzen.');
    await screenshot(handler, 'procedure-1-acknowledged');

    // The manager's page is out of date: the step is refused with who changed the complaint, and nothing is written.
    await open(manager, 'Ontvangst bevestigen');
    await manager.getByTestId('step-form').getByRole('button', { name: 'Bevestiging versturen' }).click();
    await expect(manager.getByTestId('step-form').getByRole('alert')).toContainText('Deze klacht is intussen gewijzigd door Sanne Jansen');
    await screenshot(manager, 'procedure-2-conflict');
    expect(await historyOf(id)).toEqual(['registered', 'acknowledged']);

    // 2. The manager assigns: the adviser the complaint is about is refused, with the reason.
    await manager.reload();
    await open(manager, 'Toewijzen');
    await expect(manager.getByTestId('assign-suggestion')).toBeVisible();
    await selectByText(manager, 'Klachtbehandelaar', 'Fatima El Amrani');
    await manager.getByTestId('step-form').getByRole('button', { name: 'Toewijzen', exact: true }).click();
    await expect(manager.getByTestId('step-form')).toContainText('Deze persoon is betrokken bij de klacht en mag haar daarom niet behandelen');
    await expectAccessible(manager);
    await screenshot(manager, 'procedure-3-assign-refused');
    expect(await historyOf(id)).toEqual(['registered', 'acknowledged']);
    await selectByText(manager, 'Klachtbehandelaar', 'Sanne Jansen');
    await submit(manager, 'Toewijzen', 'Ontvangst bevestigd');
    await expect(manager.getByTestId('history')).toContainText('Toegewezen');

    // 3. The handler asks the client for information; the complaint waits, the clock runs on.
    await handler.reload();
    await open(handler, 'Informatie vragen');
    await handler.getByRole('textbox', { name: 'Uw vraag' }).fill('Wie waren er bij de afspraak aanwezig?');
    await submit(handler, 'Vraag versturen', 'Wacht op informatie');
    await screenshot(handler, 'procedure-4-info-requested');

    // 4. The client calls back: the handler types in the answer.
    await open(handler, 'Antwoord vastleggen');
    await expect(handler.getByTestId('step-form')).toContainText('Wie waren er bij de afspraak aanwezig?');
    await handler.getByRole('textbox', { name: 'Wat antwoordde de klager?' }).fill('Twee andere deelnemers van de groepstraining.');
    await handler.getByRole('textbox', { name: 'Wanneer kwam het antwoord binnen?' }).fill(today);
    await handler.getByRole('group', { name: 'Hoe kwam het antwoord binnen?' }).getByRole('radio', { name: 'Telefoon' }).check();
    await submit(handler, 'Antwoord vastleggen', 'In behandeling');

    // 5. A copy to the adviser, then the hearing: planned, held, reported.
    await open(handler, 'Afschrift vastleggen');
    await handler.getByRole('textbox', { name: /Wanneer is het afschrift/ }).fill(today);
    await handler.getByRole('group', { name: 'Hoe?' }).getByRole('radio', { name: 'E-mail' }).check();
    await submit(handler, 'Afschrift vastleggen', 'In behandeling');

    await open(handler, 'Hoorgesprek plannen');
    await handler.getByRole('textbox', { name: 'Datum' }).fill(today);
    await handler.getByRole('textbox', { name: 'Tijd' }).fill('10:30');
    await handler.getByRole('textbox', { name: 'Plaats' }).fill('Ons kantoor in Oss');
    await handler.getByRole('textbox', { name: 'Wie zijn erbij?' }).fill('De klager, Fatima El Amrani en Sanne Jansen');
    await submit(handler, 'Uitnodiging versturen', 'In behandeling');

    await open(handler, 'Verslag hoorgesprek');
    await handler.getByRole('textbox', { name: 'Wanneer was het gesprek?' }).fill(today);
    await handler.getByRole('textbox', { name: 'Wie waren erbij?' }).fill('De klager, Fatima El Amrani en Sanne Jansen');
    await handler.getByRole('textbox', { name: 'Verslag' }).fill('De klager en de adviseur vertelden allebei hun kant. De adviseur erkent dat de toon te scherp was.');
    await submit(handler, 'Verslag vastleggen', 'In behandeling');
    await screenshot(handler, 'procedure-5-heard');

    // 6. More time is needed: the extension needs a reason, and moves the resolution clock.
    const [{ due }] = (await query<{ due: string }>(`select to_char(resolution_due, 'YYYY-MM-DD') as due from complaints where id = $1`, [id])) as [{ due: string }];
    await open(handler, 'Termijn verlengen');
    await handler.getByRole('textbox', { name: 'Nieuwe uiterste datum' }).fill(plusDays(due, 14));
    await handler.getByTestId('step-form').getByRole('button', { name: 'Termijn verlengen' }).click();
    await expect(handler.getByTestId('step-form')).toContainText('Vul dit veld in.');
    await handler.getByRole('textbox', { name: 'Waarom is er meer tijd nodig?' }).fill('Wij willen ook de twee andere deelnemers horen.');
    await submit(handler, 'Termijn verlengen', 'In behandeling');
    await expect(handler.getByTestId('clock-resolution')).toContainText('Verlengd');
    const [after] = await query<{ due: string; count: number }>(
      `select to_char(resolution_due, 'YYYY-MM-DD') as due, extension_count as count from complaints where id = $1`,
      [id],
    );
    expect(after).toEqual({ due: plusDays(due, 14), count: 1 });

    // 7. The outcome, with a measure.
    await open(handler, 'Klacht afhandelen');
    await handler.getByRole('radio', { name: /^Deels gegrond/ }).check();
    await handler.getByRole('textbox', { name: 'Wat heeft u uitgezocht?' }).fill('De adviseur sprak de klager in een groep aan op een toon die niet past.');
    await handler.getByRole('textbox', { name: 'Uw oordeel en waarom' }).fill('De klacht over de toon is gegrond; dat er anderen bij waren, kon de adviseur niet voorkomen.');
    await handler.getByRole('button', { name: 'Maatregel toevoegen' }).click();
    await handler.getByRole('textbox', { name: 'Wat gebeurt er?' }).fill('Training gespreksvaardigheden voor Team Den Bosch');
    await handler.getByRole('textbox', { name: /^Wie is verantwoordelijk/ }).fill('Teamleider Den Bosch');
    await submit(handler, 'Besluit vastleggen en brief versturen', 'Afgehandeld');
    const [measure] = await query<{ description: string; owner: string; status: string }>(
      'select m.description, m.owner, m.status from measures m join complaint_measures cm on cm.measure_id = m.id where cm.complaint_id = $1',
      [id],
    );
    expect(measure).toEqual({ description: 'Training gespreksvaardigheden voor Team Den Bosch', owner: 'Teamleider Den Bosch', status: 'planned' });
    await screenshot(handler, 'procedure-6-resolved');

    // The client named "gemeente Den Bosch": the known party is suggested; linking it is a step with a history entry.
    const denBosch = await partyId("Gemeente 's-Hertogenbosch");
    await open(handler, 'Opdrachtgever koppelen');
    await expect(handler.getByTestId('client-party')).toHaveText('De klager noemde op het formulier: Gemeente, „gemeente Den Bosch”.');
    await expect(handler.getByRole('combobox', { name: 'Opdrachtgever' })).toHaveValue(String(denBosch));
    await expect(handler.getByRole('combobox', { name: 'Opdrachtgever' }).locator('option:checked')).toHaveText(/voorgesteld$/);
    await selectByText(handler, 'Opdrachtgever', 'Gemeente Oss');
    await expect(handler.getByTestId('party-differs')).toHaveText('Let op: Gemeente Oss is niet de opdrachtgever die de klager noemde. Klopt deze keuze?');
    await screenshot(handler, 'procedure-6b-link-party-differs');
    await expectAccessible(handler);
    await handler.getByRole('combobox', { name: 'Opdrachtgever' }).selectOption(String(denBosch));
    await expect(handler.getByTestId('party-differs')).toHaveCount(0);
    await submit(handler, 'Koppelen', 'Afgehandeld');

    // 8. The client is not satisfied: the complaint goes to the contracting party, who answers later. The linked party
    // is pre-selected.
    await open(handler, 'Voorleggen aan opdrachtgever');
    await expect(handler.getByRole('combobox', { name: 'Opdrachtgever' })).toHaveValue(String(denBosch));
    await expect(handler.getByTestId('step-form')).toContainText("De klacht is gekoppeld aan Gemeente 's-Hertogenbosch.");
    await screenshot(handler, 'procedure-6c-escalate-preselected');
    await handler.getByRole('textbox', { name: 'Waarover is de klager niet tevreden?' }).fill('De klager vindt dat de adviseur excuses moet aanbieden.');
    await submit(handler, 'Dossier versturen', 'Voorgelegd aan opdrachtgever');
    await screenshot(handler, 'procedure-7-escalated');

    await open(handler, 'Reactie opdrachtgever vastleggen');
    await handler.getByRole('textbox', { name: 'Wat antwoordde de opdrachtgever?' }).fill('De gemeente sluit zich aan bij het oordeel en sluit de klacht af.');
    await submit(handler, 'Reactie vastleggen', 'Afgesloten door opdrachtgever');
    await expectAccessible(handler);
    await screenshot(handler, 'procedure-8-closed-by-party');

    // The history tells the story; the letters went out.
    expect(await historyOf(id)).toEqual([
      'registered', 'acknowledged', 'assigned', 'info_requested', 'info_received', 'copy_sent', 'hearing_planned', 'hearing_held',
      'extended', 'resolved', 'party_linked', 'escalated', 'closed_by_party',
    ]);
    const kinds = (await query<{ kind: string }>('select kind from outbox where complaint_id = $1 order by id', [id])).map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['acknowledgement', 'info_request', 'hearing_invitation', 'extension', 'outcome', 'escalation']));
    const [reference] = await query<{ reference: string }>('select reference from complaints where id = $1', [id]);
    await expect.poll(async () => (await sentMails()).filter((m) => m.subject.includes(reference!.reference)).length).toBeGreaterThanOrEqual(4);
  });

  test('a complaint about something more than a year ago is not handled, with the reason', async ({ browser }) => {
    const name = uniqueName('Gerrit Postma');
    const today = amsterdamToday();
    const handler = await as(browser, USERS.handler1);
    const id = await registerByPhone(handler, {
      name,
      staff: 'Ingrid Verhoeven',
      incidentDate: plusDays(today, -500),
      description: 'Anderhalf jaar geleden heeft mijn adviseur mijn cv zonder overleg naar een werkgever gestuurd.',
    });
    await expect(handler.getByTestId('one-year-flag')).toBeVisible();

    const manager = await as(browser, USERS.manager);
    await manager.goto(`/beheer/klachten/${id}`);
    await open(manager, 'Toewijzen');
    await selectByText(manager, 'Klachtbehandelaar', 'Sanne Jansen');
    await submit(manager, 'Toewijzen', 'Ontvangen');

    await handler.reload();
    await open(handler, 'Niet in behandeling nemen');
    await expect(handler.getByRole('radio', { name: /langer dan een jaar vóór de klacht/ })).toBeChecked();
    await handler.getByTestId('step-form').getByRole('button', { name: 'Bericht versturen en afsluiten' }).click();
    await expect(handler.getByTestId('step-form')).toContainText('Vul dit veld in.');
    expect(await historyOf(id)).toEqual(['registered', 'assigned']);
    await handler.getByRole('textbox', { name: 'Uitleg voor de klager' }).fill('Het voorval was ruim een jaar voordat u de klacht indiende. Volgens onze klachtenregeling behandelen wij de klacht daarom niet.');
    await expectAccessible(handler);
    await submit(handler, 'Bericht versturen en afsluiten', 'Niet in behandeling genomen');
    await screenshot(handler, 'procedure-9-not-admissible');

    const [stored] = await query<{ ground: string; reason: string }>(
      `select c.not_admissible_ground as ground, h.reason from complaints c
         join complaint_history h on h.complaint_id = c.id and h.action = 'not_admissible' where c.id = $1`,
      [id],
    );
    expect(stored).toEqual({ ground: 'incident_older_than_limit', reason: expect.stringContaining('ruim een jaar') });
    const [notice] = await query<{ kind: string; body: string }>(`select kind, body_text as body from outbox where complaint_id = $1 and kind = 'not_admissible'`, [id]);
    expect(notice!.body).toContain('ruim een jaar');
    await expect(steps(handler)).toContainText('Er is nu geen stap voor u te doen.');
  });
});
