import { readFileSync } from 'node:fs';
import { hash } from '@node-rs/argon2';
import { type APIRequestContext, type Browser, expect, test } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { DEMO_PASSWORD, query, signIn, USERS } from './support';

/**
 * The authorization matrix, written out by hand: every back-office page, every server action and every route, for
 * every kind of visitor. Requests go straight to the server (no clicking), the way someone skipping the UI would.
 */
const WHO = ['anonymous', 'handler', 'manager', 'admin', 'deactivated'] as const;
type Who = (typeof WHO)[number];

/** ok = the page renders; signIn / denied = sent to the sign-in / no-access page; home = sent to the role's start page. */
type PageOutcome = 'ok' | 'signIn' | 'denied' | 'notFound' | `home:${string}`;
type Row = Record<Who, PageOutcome>;

const signedIn = (outcome: PageOutcome): Row => ({ anonymous: 'signIn', handler: outcome, manager: outcome, admin: outcome, deactivated: 'signIn' });
const rolePage = (handler: PageOutcome, manager: PageOutcome, admin: PageOutcome): Row => ({ anonymous: 'signIn', handler, manager, admin, deactivated: 'signIn' });

const SETTINGS_PAGES = [
  '/beheer/instellingen',
  '/beheer/instellingen/gebruikers',
  '/beheer/instellingen/gebruikers/nieuw',
  '/beheer/instellingen/gebruikers/1',
  '/beheer/instellingen/categorieen',
  '/beheer/instellingen/categorieen/1',
  '/beheer/instellingen/medewerkers',
  '/beheer/instellingen/medewerkers/nieuw',
  '/beheer/instellingen/medewerkers/1',
  '/beheer/instellingen/opdrachtgevers',
  '/beheer/instellingen/opdrachtgevers/nieuw',
  '/beheer/instellingen/opdrachtgevers/1',
  '/beheer/instellingen/organisatie',
  '/beheer/instellingen/termijnen',
  '/beheer/instellingen/geschiedenis',
  '/beheer/instellingen/geschiedenis?soort=user&pagina=2',
];

const REPORT_PAGES = ['/beheer/rapportage', '/beheer/rapportage?period=custom&from=2025-01-01&to=2025-03-31&compare=1'];

const MEASURE_PAGES = ['/beheer/maatregelen', '/beheer/maatregelen?overdue=1', '/beheer/maatregelen/nieuw', '/beheer/maatregelen/1'];

function pageMatrix(ids: { own: number; other: number; files?: { own: number; other: number } }): [string, Row][] {
  return [
    ['/beheer', rolePage('ok', 'ok', 'home:/beheer/instellingen')],
    ['/beheer?status=closed&page=2', rolePage('ok', 'ok', 'home:/beheer/instellingen')],
    [`/beheer/klachten/${ids.own}`, rolePage('ok', 'ok', 'denied')],
    // A complaint assigned to another handler does not exist as far as this handler can tell.
    [`/beheer/klachten/${ids.other}`, rolePage('notFound', 'ok', 'denied')],
    ['/beheer/klachten/999999', rolePage('notFound', 'notFound', 'denied')],
    ['/beheer/klachten/nieuw', rolePage('ok', 'ok', 'denied')],
    ...SETTINGS_PAGES.map((path): [string, Row] => [path, rolePage('denied', 'denied', 'ok')]),
    ...MEASURE_PAGES.map((path): [string, Row] => [path, rolePage('denied', 'ok', 'denied')]),
    ['/beheer/maatregelen/999999', rolePage('denied', 'notFound', 'denied')],
    // Export and annual register (issue 9): the export follows the inbox; the register is for managers.
    ['/beheer/export?status=all', rolePage('ok', 'ok', 'denied')],
    ['/beheer/rapportage/jaarverslag', rolePage('denied', 'ok', 'denied')],
    ['/beheer/rapportage/jaarverslag?jaar=2025', rolePage('denied', 'ok', 'denied')],
    ['/beheer/rapportage/jaarverslag/pdf', rolePage('denied', 'ok', 'denied')],
    ...REPORT_PAGES.map((path): [string, Row] => [path, rolePage('denied', 'ok', 'denied')]),
    // Retention and privacy requests (issue 12): the retention page for managers; privacy requests for managers and admins.
    ['/beheer/bewaartermijn', rolePage('denied', 'ok', 'denied')],
    ['/beheer/privacy', rolePage('denied', 'ok', 'ok')],
    ['/beheer/privacy/nieuw', rolePage('denied', 'ok', 'ok')],
    ['/beheer/privacy/999999', rolePage('denied', 'notFound', 'notFound')],
    ['/beheer/account', signedIn('ok')],
    ['/beheer/account/wachtwoord', signedIn('ok')],
    ['/beheer/geen-toegang', signedIn('ok')],
    ['/beheer/uitnodiging/onbekende-code', { anonymous: 'ok', handler: 'ok', manager: 'ok', admin: 'ok', deactivated: 'ok' }],
    ['/beheer/inloggen', { anonymous: 'ok', handler: 'home:/beheer', manager: 'home:/beheer', admin: 'home:/beheer/instellingen', deactivated: 'ok' }],
    // The dossier PDF (issue 10): whoever may see the file may download it.
    [`/beheer/klachten/${ids.own}/dossier`, rolePage('ok', 'ok', 'denied')],
    [`/beheer/klachten/${ids.other}/dossier`, rolePage('notFound', 'ok', 'denied')],
    ['/beheer/klachten/999999/dossier', rolePage('notFound', 'notFound', 'denied')],
    // A file the client sent with an answer (issue 10): staff who may see its complaint; 404 for anyone else, signed in or not.
    ...(ids.files
      ? ([
          [`/api/bijlagen/${ids.files.own}`, { anonymous: 'notFound', handler: 'ok', manager: 'ok', admin: 'notFound', deactivated: 'notFound' }],
          [`/api/bijlagen/${ids.files.other}`, { anonymous: 'notFound', handler: 'notFound', manager: 'ok', admin: 'notFound', deactivated: 'notFound' }],
        ] satisfies [string, Row][])
      : []),
    ['/api/bijlagen/999999', { anonymous: 'notFound', handler: 'notFound', manager: 'notFound', admin: 'notFound', deactivated: 'notFound' }],
  ];
}

/** A small PDF attached to a complaint, as the client's answer would store it (the content is "%PDF-1.4"). */
async function attachmentOf(complaintId: number): Promise<number> {
  const [row] = await query<{ id: number }>(
    "insert into complaint_attachments (complaint_id, file_name, content_type, size_bytes, content) values ($1, 'matrix.pdf', 'application/pdf', 8, '\\x255044462d312e34'::bytea) returning id",
    [complaintId],
  );
  return row!.id;
}

/**
 * Server actions by exported name: who may run them. Public ones answer everyone. (The complaint form posts to a route,
 * POST /api/klachten: lib/complaints/submit-route.pg.test.ts, e2e/abuse.spec.ts.)
 */
const ACTIONS: Record<string, 'public' | 'signedIn' | 'handlerOrManager' | 'manager' | 'managerOrAdmin' | 'admin'> = {
  signInAction: 'public',
  signOutAction: 'public',
  changePasswordAction: 'signedIn',
  registerComplaintAction: 'handlerOrManager',
  acceptInviteAction: 'public', // the invitation link is the credential
  // The procedure's steps (lib/complaints/steps/actions.ts); which complaint and step is checked inside.
  assignAction: 'manager',
  reopenAction: 'manager',
  ...Object.fromEntries(
    [
      'acknowledgeAction', 'withdrawAction', 'recuseAction', 'addInvolvedAction', 'removeInvolvedAction',
      'declareNotAdmissibleAction', 'extendAction',
      'requestInfoAction', 'recordAnswerAction', 'sendCopyAction', 'planHearingAction', 'recordHearingAction', 'skipHearingAction',
    ].map((name) => [name, 'handlerOrManager' as const]),
  ),
  ...Object.fromEntries(['resolveAction', 'linkPartyAction', 'escalateAction', 'recordPartyResponseAction'].map((name) => [name, 'handlerOrManager' as const])),
  // The measures register (lib/measures/actions.ts): managers only.
  ...Object.fromEntries(
    ['createMeasureAction', 'updateMeasureAction', 'changeMeasureStatusAction', 'linkComplaintAction', 'unlinkComplaintAction'].map((name) => [name, 'manager' as const]),
  ),
  ...Object.fromEntries(
    [
      'createUserAction', 'updateUserDetailsAction', 'changeUserRoleAction', 'setUserActiveAction', 'resetUserPasswordAction', 'deleteUserAction',
      'createCategoryAction', 'renameCategoryAction', 'moveCategoryAction', 'setCategoryActiveAction',
      'saveStaffAction', 'setStaffActiveAction', 'savePartyAction', 'setPartyActiveAction',
      'saveOrganisationAction', 'saveProcedureTermsAction',
    ].map((name) => [name, 'admin' as const]),
  ),
  // The post room (lib/post/actions.ts); whether the letter's complaint is the user's is checked inside.
  ...Object.fromEntries(['markLetterPostedAction', 'resendMailAction', 'sendMailByPostAction'].map((name) => [name, 'handlerOrManager' as const])),
  // The client on the public pages (lib/complaints/client-actions.ts): the status link is the credential, checked inside.
  judgeOutcomeAction: 'public',
  requestForwardAction: 'public',
  requestStatusLinkAction: 'public',
  // Mail that came in (issue 11, lib/mail/inbound-actions.ts): staff who register complaints decide about drafts.
  ...Object.fromEntries(['registerFromMailAction', 'markMailNoComplaintAction'].map((name) => [name, 'handlerOrManager' as const])),
  // Privacy requests (issue 12, lib/privacy/actions.ts): managers and admins (permission privacy.manage).
  ...Object.fromEntries(
    [
      'registerPrivacyRequestAction', 'suggestPrivacyComplaintsAction', 'extendPrivacyRequestAction', 'refusePrivacyRequestAction',
      'completePrivacyRequestAction', 'correctPrivacyContactsAction', 'erasePrivacyComplaintsAction',
    ].map((name) => [name, 'managerOrAdmin' as const]),
  ),
};
/** Read-only searches that answer an empty input with an empty list (the privacy request form's complaint suggestions). */
const EMPTY_INPUT_FINDS_NOTHING = new Set(['suggestPrivacyComplaintsAction']);

const ALLOWED: Record<(typeof ACTIONS)[string], readonly Who[]> = {
  public: WHO,
  signedIn: ['handler', 'manager', 'admin'],
  handlerOrManager: ['handler', 'manager'],
  manager: ['manager'],
  managerOrAdmin: ['manager', 'admin'],
  admin: ['admin'],
};

/** Where a request ends up after following redirects (a stale cookie may take two hops to the sign-in page). */
async function outcomeOf(request: APIRequestContext, path: string): Promise<PageOutcome> {
  const response = await request.get(path, { maxRedirects: 5 });
  const final = new URL(response.url()).pathname;
  if (response.status() === 404) return 'notFound';
  if (response.status() !== 200) throw new Error(`${path}: unexpected ${response.status()}`);
  if (final === '/beheer/inloggen' && !path.startsWith('/beheer/inloggen')) return 'signIn';
  if (final === '/beheer/geen-toegang' && path !== '/beheer/geen-toegang') return 'denied';
  return final === new URL(path, baseURL).pathname ? 'ok' : `home:${final}`;
}

/** A browser session per kind of visitor; the deactivated one signed in first, then lost their account. */
async function sessions(browser: Browser) {
  const result = {} as Record<Who, APIRequestContext>;
  const deactivated = `e2e-deactivated-${Date.now().toString(36)}@example.test`;
  await query('insert into users (email, name, role, password_hash) values ($1, $2, $3, $4)', [deactivated, 'E2E gedeactiveerd', 'manager', await hash(DEMO_PASSWORD)]);
  const accounts: Record<Exclude<Who, 'anonymous'>, string> = { handler: USERS.handler1, manager: USERS.manager, admin: USERS.admin, deactivated };
  const anonymous = await browser.newContext();
  result.anonymous = anonymous.request;
  for (const [who, email] of Object.entries(accounts) as [Exclude<Who, 'anonymous'>, string][]) {
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `192.0.2.${WHO.indexOf(who) + 10}` } });
    await signIn(await context.newPage(), email);
    result[who] = context.request;
  }
  await query('update users set active = false where email = $1', [deactivated]);
  return result;
}

test.describe('authorization matrix', () => {
  test.describe.configure({ timeout: 180_000 });

  test('pages: each visitor reaches exactly what their role allows', async ({ browser }) => {
    const [handler1] = await query<{ id: number }>('select id from users where email = $1', [USERS.handler1]);
    const [own] = await query<{ id: number }>('select id from complaints where handler_id = $1 order by id limit 1', [handler1!.id]);
    const [other] = await query<{ id: number }>('select id from complaints where handler_id <> $1 order by id limit 1', [handler1!.id]);
    const visitors = await sessions(browser);
    const actual: Record<string, Row> = {};
    const expected: Record<string, Row> = {};
    const files = { own: await attachmentOf(own!.id), other: await attachmentOf(other!.id) };
    for (const [path, row] of pageMatrix({ own: own!.id, other: other!.id, files })) {
      expected[path] = row;
      actual[path] = {} as Row;
      for (const who of WHO) actual[path]![who] = await outcomeOf(visitors[who], path);
    }
    expect(actual).toEqual(expected);
  });

  test('routes: health is public, scheduled work needs its secret whoever is signed in', async ({ browser }) => {
    const visitors = await sessions(browser);
    for (const who of WHO) {
      expect((await visitors[who].get('/api/health')).status(), who).toBe(200);
      expect((await visitors[who].get('/api/cron/outbox')).status(), who).toBe(401);
      expect((await visitors[who].get('/api/cron/deadlines')).status(), who).toBe(401);
      // The client's answer route: the status link is the authority, whoever is signed in; an unknown link is 404.
      const answer = await visitors[who].post(`/api/status/${'x'.repeat(43)}/answer`, { multipart: { answer: 'Test', questionId: '1', idempotencyKey: '00000000-0000-4000-8000-000000000000' } });
      expect(answer.status(), who).toBe(404);
      const session = await (await visitors[who].get('/api/auth/session')).json();
      if (who === 'anonymous' || who === 'deactivated') expect(session, who).toBeNull();
      else expect(session.user.role, who).toBe(who);
    }
  });

  test('server actions: called directly, each refuses whoever may not run it', async ({ browser }) => {
    const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
      node: Record<string, { filename: string; exportedName: string }>;
    };
    const actions = Object.entries(manifest.node).map(([id, entry]) => ({ id, name: entry.exportedName, file: entry.filename }));
    // Every action the app has is in the matrix above.
    expect(actions.map((a) => a.name).sort()).toEqual(Object.keys(ACTIONS).sort());

    const visitors = await sessions(browser);
    for (const action of actions) {
      const access = ACTIONS[action.name]!;
      if (access === 'public') continue; // signing in and out, an invitation, the status page's forms: anyone may
      for (const who of WHO) {
        // An empty input: an allowed caller gets "invalid", a refused one "forbidden" before any input is read.
        const response = await visitors[who].post('/', {
          headers: { 'Next-Action': action.id, 'Content-Type': 'text/plain;charset=UTF-8', Origin: baseURL, Accept: 'text/x-component' },
          data: JSON.stringify([{}]),
          maxRedirects: 0,
        });
        const body = await response.text();
        const refused = body.includes('"error":"forbidden"');
        expect({ action: action.name, who, refused }).toEqual({ action: action.name, who, refused: !ALLOWED[access].includes(who) });
        // A search with nothing to search for finds nothing; every other action needs input.
        if (!refused) expect(body, `${action.name} as ${who}`).toContain(EMPTY_INPUT_FINDS_NOTHING.has(action.name) ? '{"ok":true,"data":[]}' : '"error":"invalid"');
      }
    }
  });

  test('post room and letters as PDF (issue 10): letters of the complaints a user may see only; the blank form for everyone', async ({ browser }) => {
    const [handler1] = await query<{ id: number }>('select id from users where email = $1', [USERS.handler1]);
    const letterOf = async (condition: string) =>
      (await query<{ id: number }>(`select o.id from outbox o join complaints c on c.id = o.complaint_id where ${condition} order by o.id limit 1`, [handler1!.id]))[0]!.id;
    const own = await letterOf('c.handler_id = $1');
    const other = await letterOf('c.handler_id <> $1');
    const visitors = await sessions(browser);
    const matrix: [string, Row][] = [
      ['/beheer/post', rolePage('ok', 'ok', 'denied')],
      [`/beheer/post/brief/${own}`, rolePage('ok', 'ok', 'denied')],
      // A letter of a complaint assigned to someone else does not exist as far as this handler can tell.
      [`/beheer/post/brief/${other}`, rolePage('notFound', 'ok', 'denied')],
      ['/beheer/post/brief/999999999', rolePage('notFound', 'notFound', 'denied')],
      ['/beheer/post/brief/abc', rolePage('notFound', 'notFound', 'denied')],
    ];
    const actual: Record<string, Row> = {};
    const expected: Record<string, Row> = {};
    for (const [path, row] of matrix) {
      expected[path] = row;
      actual[path] = {} as Row;
      for (const who of WHO) actual[path]![who] = await outcomeOf(visitors[who], path);
    }
    expect(actual).toEqual(expected);
    for (const who of WHO) {
      for (const path of ['/klachtenformulier.pdf', '/en/complaint-form.pdf']) {
        const response = await visitors[who].get(path);
        expect({ who, path, status: response.status(), type: response.headers()['content-type'] }).toEqual({ who, path, status: 200, type: 'application/pdf' });
      }
    }
  });

  test('mail in (issue 11): drafts and their files for staff who register complaints; the webhook only for resend', async ({ browser }) => {
    const [mail] = await query<{ id: number }>(
      `insert into inbound_mails (provider_id, from_address, to_addresses, subject, received_at, text_body, state)
       values ('authz-' || md5(random()::text), 'x@example.test', 'klachten@example.test', 'Matrix', now(), 'Tekst', 'draft') returning id`,
    );
    const [file] = await query<{ id: number }>(
      "insert into inbound_mail_attachments (inbound_mail_id, file_name, content_type, size_bytes, content) values ($1, 'matrix.pdf', 'application/pdf', 8, '\\x255044462d312e34'::bytea) returning id",
      [mail!.id],
    );
    const visitors = await sessions(browser);
    const matrix: [string, Row][] = [
      [`/beheer/inkomend/${mail!.id}`, rolePage('ok', 'ok', 'denied')],
      [`/beheer/inkomend/${mail!.id}/registreren`, rolePage('ok', 'ok', 'denied')],
      ['/beheer/inkomend/999999', rolePage('notFound', 'notFound', 'denied')],
      [`/api/mail-bijlagen/${file!.id}`, { anonymous: 'notFound', handler: 'ok', manager: 'ok', admin: 'notFound', deactivated: 'notFound' }],
      ['/api/mail-bijlagen/999999', { anonymous: 'notFound', handler: 'notFound', manager: 'notFound', admin: 'notFound', deactivated: 'notFound' }],
    ];
    const actual: Record<string, Row> = {};
    const expected: Record<string, Row> = {};
    for (const [path, row] of matrix) {
      expected[path] = row;
      actual[path] = {} as Row;
      for (const who of WHO) actual[path]![who] = await outcomeOf(visitors[who], path);
    }
    expect(actual).toEqual(expected);
    // The webhook: whoever is signed in, without resend's signature it is refused.
    for (const who of WHO) {
      const response = await visitors[who].post('/api/webhooks/resend', { headers: { 'content-type': 'application/json' }, data: '{"type":"email.bounced","data":{"email_id":"x"}}' });
      expect(response.status(), who).toBe(401);
    }
  });
});
