// `npm run test:faults` (issue 12, "Nothing lost under faults"): the built app on a throw-away PostgreSQL cluster of
// its own, under a load of concurrent public submissions and handler steps, while
//   1. PostgreSQL is restarted in the middle (fast shutdown, down for 2 s, up again), and
//   2. the mail provider (a fake resend API) answers errors, then refuses connections, for the whole load.
// Afterwards it checks, from the database and the fake mail server, that nothing was lost or written twice, that every
// request got a real answer (a confirmation or a clear "probeer het opnieuw"), and that the app recovered by itself.
// Prints a summary per scenario; exits non-zero on any failure. Builds the app only when there is no build.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { actionId, callAction, formStamp, postJson, signIn, startApp, type App } from './faults/app';
import { judge, referenceProblems, type Outcome } from './faults/checks';
import { freePort, startCluster, type Cluster } from './faults/cluster';
import { startFakeMail, type FakeMail } from './faults/fake-mail';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const say = (line: string) => console.log(`[faults ${elapsed()}] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const DEMO_PASSWORD = 'faults-demo-wachtwoord';
const HANDLER = 'behandelaar1@klachtloket.test';
const CRON_SECRET = 'faults-cron-secret';
/** The Dutch text the complaint form shows for `unavailable` (the test checks it is a clear "probeer het opnieuw"). */
const nl = JSON.parse(readFileSync(path.join(root, 'lib/i18n/messages/nl.json'), 'utf8')) as { form: { unavailable: string } };

const failures: string[] = [];
/** The scenario now running, and which scenarios failed (for the summary of `npm test`: .test-report/faults.json). */
let scenario = 'setup';
const failedScenarios = new Set<string>();
const check = (ok: boolean, what: string) => {
  if (!ok) {
    failures.push(what);
    failedScenarios.add(scenario);
  }
  return ok;
};

// --- setup ---------------------------------------------------------------------------------------------------------

function ensureBuild() {
  if (existsSync(path.join(root, '.next', 'BUILD_ID'))) return;
  say('no build yet: building the app (next build --webpack)…');
  const build = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build', '--webpack'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error('the build failed');
}

type Env = { cluster: Cluster; db: pg.Pool; app: App; mail: FakeMail; databaseUrl: string };

async function setUp(): Promise<Env> {
  ensureBuild();
  const cluster = await startCluster();
  say(`own PostgreSQL cluster on port ${cluster.port} (${cluster.dir})`);
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('create database klachtloket');
  await admin.end();
  const databaseUrl = cluster.url.replace(/\/postgres$/, '/klachtloket');
  const dataDir = path.join(cluster.dir, 'app-data');
  // Migrations and demo data exactly as `npm start` prepares a database (scripts/start.mjs).
  const setup = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['db/seed-cli.ts'], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl, DEMO_PASSWORD, KLACHTLOKET_DATA_DIR: dataDir, AUTH_SECRET: 'faults-secret' },
  });
  if (setup.status !== 0) throw new Error(`migrating and seeding failed:\n${setup.stdout}${setup.stderr}`);
  say(setup.stdout.trim().split('\n').pop() ?? 'seeded');
  const mail = await startFakeMail();
  const port = await freePort();
  const app = await startApp(
    root,
    port,
    {
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: 'faults-secret-not-for-production',
      AUTH_TRUST_HOST: 'true',
      APP_URL: `http://127.0.0.1:${port}`,
      KLACHTLOKET_DATA_DIR: dataDir,
      RESEND_API_KEY: 're_faults_fake',
      RESEND_BASE_URL: mail.url,
      MAIL_FROM: 'Klachtloket faults <klachten@example.test>',
      CRON_SECRET,
      // Every request comes from 127.0.0.1: the abuse limits are raised so the load is not throttled (as in e2e).
      RATE_LIMIT_FACTOR: '1000',
      ACKNOWLEDGEMENTS_PER_RECIPIENT_PER_DAY: '100000',
    },
    path.join(cluster.dir, 'app.log'),
  );
  say(`app (built) on ${app.base}`);
  // The test's own connection, for reading what the app wrote; it survives the restart by reconnecting.
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  db.on('error', () => undefined);
  return { cluster, db, app, mail, databaseUrl };
}

// --- the load --------------------------------------------------------------------------------------------------------

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

type Submission = { key: string; input: Record<string, unknown>; outcome: Outcome; ms: number; at: number };
type Step = { complaintId: number; version: number; outcome: Outcome; at: number };

let serial = 0;
function complaintInput(stamp: string, run: string): Record<string, unknown> {
  const n = ++serial;
  return {
    name: `Storingstest ${run} ${n}`,
    email: `storing-${run}-${n}@example.test`,
    street: '',
    postcode: '',
    city: '',
    phone: '',
    category: 'treatment',
    staffId: '',
    staffOther: '',
    description: 'Mijn adviseur kwam twee keer niet opdagen en liet niets van zich horen.',
    incidentWhen: 'date',
    incidentDate: today(),
    desiredOutcome: '',
    partyChoice: 'unknown',
    partyName: '',
    idempotencyKey: randomUUID(),
    locale: 'nl',
    consent: true,
    formStamp: stamp,
    website: '',
  };
}

type Ids = { register: string; acknowledge: string };

async function submitOnce(env: Env, ids: Ids, input: Record<string, unknown>): Promise<Submission> {
  const t0 = Date.now();
  const outcome = judge(await postJson(env.app.base, '/api/klachten', input));
  return { key: String(input.idempotencyKey), input, outcome, ms: Date.now() - t0, at: t0 - started };
}

/** Public submissions from `workers` concurrent clients until `until`. */
async function submissions(env: Env, ids: Ids, stamps: string[], run: string, until: number): Promise<Submission[]> {
  const done: Submission[] = [];
  await Promise.all(
    stamps.map(async (stamp) => {
      while (Date.now() < until) done.push(await submitOnce(env, ids, complaintInput(stamp, run)));
    }),
  );
  return done;
}

/** The handler registers complaints that came by phone (they wait for acknowledgement): their ids and versions. */
async function registerComplaints(env: Env, ids: Ids, cookie: string, count: number, run: string) {
  const registered: { id: number; reference: string }[] = [];
  for (let i = 0; i < count; i++) {
    const { formStamp: _s, website: _w, consent: _c, ...facts } = complaintInput('', run);
    const answer = await callAction(env.app.base, '/beheer/klachten/nieuw', ids.register, { ...facts, channel: 'phone', receivedOn: today(), informed: true }, cookie);
    const outcome = judge(answer);
    if (outcome.kind !== 'confirmed') throw new Error(`registering a complaint failed: ${JSON.stringify(outcome)}`);
    registered.push({ id: Number(outcome.data.id), reference: String(outcome.data.reference) });
  }
  const { rows } = await env.db.query<{ id: number; version: number }>('select id, version from complaints where id = any($1) order by id', [registered.map((r) => r.id)]);
  return rows;
}

/** The handler acknowledges the given complaints one after the other, `pauseMs` apart (one step each). */
async function acknowledgements(env: Env, ids: Ids, cookie: string, targets: { id: number; version: number }[], pauseMs: number): Promise<Step[]> {
  const steps: Step[] = [];
  for (const target of targets) {
    const t0 = Date.now();
    const answer = await callAction(env.app.base, `/beheer/klachten/${target.id}`, ids.acknowledge, { complaintId: target.id, version: target.version }, cookie);
    steps.push({ complaintId: target.id, version: target.version, outcome: judge(answer), at: t0 - started });
    await sleep(pauseMs);
  }
  return steps;
}

// --- checks ------------------------------------------------------------------------------------------------------------

type Stored = { key: string; reference: string; id: number; history: string[]; outbox: number };

/** What the database holds for these idempotency keys: the complaint, its history entries and its outbox rows. */
async function storedFor(env: Env, keys: string[]): Promise<Map<string, Stored[]>> {
  const { rows } = await env.db.query<{ key: string; reference: string; id: number; history: string[] | null; outbox: string }>(
    `select c.idempotency_key as key, c.reference, c.id,
            (select array_agg(h.action order by h.id) from complaint_history h where h.complaint_id = c.id) as history,
            (select count(*) from outbox o where o.complaint_id = c.id and o.kind = 'acknowledgement') as outbox
       from complaints c where c.idempotency_key = any($1::uuid[])`,
    [keys],
  );
  const map = new Map<string, Stored[]>();
  for (const row of rows) {
    const list = map.get(row.key) ?? [];
    list.push({ key: row.key, reference: row.reference, id: row.id, history: row.history ?? [], outbox: Number(row.outbox) });
    map.set(row.key, list);
  }
  return map;
}

async function tableCounts(env: Env) {
  const { rows } = await env.db.query<{ complaints: string; history: string; outbox: string }>(
    'select (select count(*) from complaints) as complaints, (select count(*) from complaint_history) as history, (select count(*) from outbox) as outbox',
  );
  return { complaints: Number(rows[0]!.complaints), history: Number(rows[0]!.history), outbox: Number(rows[0]!.outbox) };
}

async function checkReferences(env: Env): Promise<string[]> {
  const references = (await env.db.query<{ reference: string }>('select reference from complaints')).rows.map((r) => r.reference);
  const counters = new Map((await env.db.query<{ year: number; last: number }>('select year, last from reference_counters')).rows.map((r) => [r.year, r.last]));
  return referenceProblems(references, counters);
}

async function waitForHealth(base: string, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return Date.now() - t0;
    } catch {
      // keep asking
    }
    await sleep(250);
  }
  return -1;
}

const count = <T>(list: T[], test: (item: T) => boolean) => list.filter(test).length;
const brokenOf = (list: { outcome: Outcome }[]) => list.flatMap((s) => (s.outcome.kind === 'broken' ? [s.outcome.detail] : []));

/** Submissions: every confirmation stored exactly once with its history and outbox row; the rest refused clearly. */
async function checkSubmissions(env: Env, label: string, list: Submission[], channelHistory: string[], outboxRows: number) {
  const stored = await storedFor(env, list.map((s) => s.key));
  const summary = { confirmed: 0, refusedWithMessage: 0, broken: 0, inDatabase: 0, duplicates: 0, refusedButStored: 0 };
  for (const s of list) {
    const rows = stored.get(s.key) ?? [];
    if (rows.length > 1) summary.duplicates++;
    if (rows.length >= 1) summary.inDatabase++;
    if (s.outcome.kind === 'confirmed') {
      summary.confirmed++;
      const row = rows[0];
      check(rows.length === 1, `${label}: confirmed ${s.key} is in the database ${rows.length} times`);
      if (!row) continue;
      check(row.reference === s.outcome.data.reference, `${label}: ${s.key} confirmed as ${String(s.outcome.data.reference)}, stored as ${row.reference}`);
      check(JSON.stringify(row.history) === JSON.stringify(channelHistory), `${label}: ${row.reference} has history ${row.history.join(',')}`);
      check(row.outbox === outboxRows, `${label}: ${row.reference} has ${row.outbox} acknowledgement rows in the outbox`);
    } else if (s.outcome.kind === 'refused') {
      summary.refusedWithMessage++;
      // A commit whose answer was lost with the connection: stored although refused; the retry below finds it.
      if (rows.length) summary.refusedButStored++;
    } else summary.broken++;
  }
  const broken = brokenOf(list);
  check(broken.length === 0, `${label}: ${broken.length} requests without a proper answer, e.g. ${broken.slice(0, 3).join(' | ')}`);
  check(summary.duplicates === 0, `${label}: ${summary.duplicates} idempotency keys stored more than once`);
  return summary;
}

/** Retries every request with its own idempotency key: the same reference for a confirmed one, nothing new written. */
async function retryAll(env: Env, ids: Ids, label: string, list: Submission[], stamp: string) {
  const before = await storedFor(env, list.map((s) => s.key));
  const countsBefore = await tableCounts(env);
  const missing = count(list, (s) => !before.has(s.key));
  const retried: Submission[] = [];
  for (let i = 0; i < list.length; i += 8) {
    retried.push(...(await Promise.all(list.slice(i, i + 8).map((s) => submitOnce(env, ids, { ...s.input, formStamp: stamp })))));
  }
  let sameReference = 0;
  retried.forEach((r, i) => {
    const original = list[i]!;
    if (!check(r.outcome.kind === 'confirmed', `${label}: retry of ${r.key} not confirmed: ${JSON.stringify(r.outcome)}`)) return;
    const reference = r.outcome.kind === 'confirmed' ? r.outcome.data.reference : null;
    const stored = before.get(r.key)?.[0]?.reference;
    if (original.outcome.kind === 'confirmed') {
      if (check(reference === original.outcome.data.reference, `${label}: retry of ${original.outcome.data.reference} answered ${String(reference)}`)) sameReference++;
    } else if (stored) check(reference === stored, `${label}: retry of a refused-but-stored ${stored} answered ${String(reference)}`);
  });
  const countsAfter = await tableCounts(env);
  // Each retry that created a complaint wrote the complaint, its 2 history entries and its outbox row; no other.
  check(countsAfter.complaints - countsBefore.complaints === missing, `${label}: retries added ${countsAfter.complaints - countsBefore.complaints} complaints, expected ${missing}`);
  check(countsAfter.history - countsBefore.history === 2 * missing, `${label}: retries added ${countsAfter.history - countsBefore.history} history entries, expected ${2 * missing}`);
  check(countsAfter.outbox - countsBefore.outbox === missing, `${label}: retries added ${countsAfter.outbox - countsBefore.outbox} outbox rows, expected ${missing}`);
  const after = await storedFor(env, list.map((s) => s.key));
  check(list.every((s) => after.get(s.key)?.length === 1), `${label}: after the retries not every key has exactly one complaint`);
  return { retried: retried.length, sameReference, newlyStored: missing };
}

/** Acknowledgements: each complaint acknowledged exactly once (one history entry, one letter), whatever happened. */
async function checkAcknowledgements(env: Env, ids: Ids, cookie: string, label: string, steps: Step[]) {
  const summary = { confirmed: 0, refusedWithMessage: 0, broken: 0, retriedAfterwards: 0, staleVersionRefused: 0 };
  for (const s of steps) summary[s.outcome.kind === 'confirmed' ? 'confirmed' : s.outcome.kind === 'refused' ? 'refusedWithMessage' : 'broken']++;
  const broken = brokenOf(steps);
  check(broken.length === 0, `${label}: ${broken.length} steps without a proper answer, e.g. ${broken.slice(0, 3).join(' | ')}`);
  // The handler tries again what was refused, as after reloading the page (the version they now see).
  for (const s of steps.filter((x) => x.outcome.kind !== 'confirmed')) {
    const { rows } = await env.db.query<{ status: string; version: number }>('select status, version from complaints where id = $1', [s.complaintId]);
    if (rows[0]?.status !== 'received') continue; // it was written after all; the page shows it acknowledged
    summary.retriedAfterwards++;
    const again = judge(await callAction(env.app.base, `/beheer/klachten/${s.complaintId}`, ids.acknowledge, { complaintId: s.complaintId, version: rows[0].version }, cookie));
    check(again.kind === 'confirmed', `${label}: acknowledging ${s.complaintId} again after the fault: ${JSON.stringify(again)}`);
  }
  // A step sent twice (e.g. a double click before the fault) is refused as a conflict and writes nothing.
  const first = steps.find((s) => s.outcome.kind === 'confirmed');
  if (first) {
    const again = judge(await callAction(env.app.base, `/beheer/klachten/${first.complaintId}`, ids.acknowledge, { complaintId: first.complaintId, version: first.version }, cookie), ['conflict', 'invalid']);
    if (check(again.kind === 'refused', `${label}: the same acknowledgement sent twice: ${JSON.stringify(again)}`)) summary.staleVersionRefused++;
  }
  const { rows } = await env.db.query<{ id: number; status: string; acks: string; letters: string }>(
    `select c.id, c.status,
            (select count(*) from complaint_history h where h.complaint_id = c.id and h.action = 'acknowledged') as acks,
            (select count(*) from outbox o where o.complaint_id = c.id and o.kind = 'acknowledgement') as letters
       from complaints c where c.id = any($1)`,
    [steps.map((s) => s.complaintId)],
  );
  const wrong = rows.filter((r) => r.status !== 'acknowledged' || Number(r.acks) !== 1 || Number(r.letters) !== 1);
  check(rows.length === steps.length && wrong.length === 0, `${label}: complaints not acknowledged exactly once: ${JSON.stringify(wrong.slice(0, 3))}`);
  return { ...summary, acknowledgedExactlyOnce: rows.length - wrong.length };
}

// --- scenarios -----------------------------------------------------------------------------------------------------

async function databaseRestart(env: Env, ids: Ids, cookie: string) {
  say('scenario 1: PostgreSQL restarts under load');
  // Form stamps first: a form may be sent no sooner than 3 s after it was shown (lib/complaints/form-stamp.ts).
  const stamps = await Promise.all(Array.from({ length: 6 }, () => formStamp(env.app.base)));
  const registered = await registerComplaints(env, ids, cookie, 24, 'r1');
  await sleep(3_500);
  const loadMs = 12_000;
  const until = Date.now() + loadMs;
  const restartAt = 4_000;
  const load = submissions(env, ids, stamps, 's1', until);
  // Registrations by the handler in the same window (a staff channel that also takes reference numbers).
  const registrations = (async () => {
    const list: Submission[] = [];
    while (Date.now() < until) {
      const { formStamp: _s, website: _w, consent: _c, ...facts } = complaintInput('', 'h1');
      const input: Record<string, unknown> = { ...facts, channel: 'phone', receivedOn: today(), informed: true };
      const t0 = Date.now();
      const outcome = judge(await callAction(env.app.base, '/beheer/klachten/nieuw', ids.register, input, cookie));
      list.push({ key: String(facts.idempotencyKey), input, outcome, ms: Date.now() - t0, at: t0 - started });
      await sleep(150);
    }
    return list;
  })();
  const steps = acknowledgements(env, ids, cookie, registered, Math.floor(loadMs / registered.length) - 50);
  await sleep(restartAt);
  const downAt = Date.now();
  say('  stopping PostgreSQL (fast shutdown), 2 s down, starting it again…');
  await env.cluster.restart(2_000);
  say(`  PostgreSQL is back after ${((Date.now() - downAt) / 1000).toFixed(1)} s`);
  const [submitted, registeredDuring, acked] = await Promise.all([load, registrations, steps]);

  const healthyAfterMs = await waitForHealth(env.app.base, 20_000);
  check(healthyAfterMs >= 0, 'scenario 1: /api/health not healthy within 20 s after the restart');
  // The app serves new submissions right away, without being restarted: every one of these must be confirmed.
  const fresh = await formStamp(env.app.base);
  await sleep(3_200);
  const afterwards = await Promise.all(Array.from({ length: 10 }, () => submitOnce(env, ids, complaintInput(fresh, 'n1'))));
  const afterwardsOk = count(afterwards, (s) => s.outcome.kind === 'confirmed');
  check(afterwardsOk === afterwards.length, `scenario 1: after the restart ${afterwards.length - afterwardsOk} of ${afterwards.length} new submissions failed: ${JSON.stringify(afterwards.find((s) => s.outcome.kind !== 'confirmed')?.outcome)}`);

  const refusedTexts = submitted.filter((s) => s.outcome.kind === 'refused' && s.outcome.error === 'unavailable').length;
  const public1 = await checkSubmissions(env, 'scenario 1 submissions', submitted, ['received', 'acknowledged'], 1);
  const staff1 = await checkSubmissions(env, 'scenario 1 registrations', registeredDuring, ['registered'], 0);
  const retryPublic = await retryAll(env, ids, 'scenario 1 submissions', submitted, fresh);
  // Registrations: retried with the same key give the same reference and write nothing twice.
  const staffBefore = await storedFor(env, registeredDuring.map((s) => s.key));
  let staffSame = 0;
  for (const s of registeredDuring) {
    const again = judge(await callAction(env.app.base, '/beheer/klachten/nieuw', ids.register, s.input, cookie));
    if (!check(again.kind === 'confirmed', `scenario 1 registrations: retry of ${s.key}: ${JSON.stringify(again)}`)) continue;
    const was = staffBefore.get(s.key)?.[0]?.reference ?? (s.outcome.kind === 'confirmed' ? String(s.outcome.data.reference) : undefined);
    if (was && again.kind === 'confirmed' && again.data.reference === was) staffSame++;
    else if (was) check(false, `scenario 1 registrations: retry of ${was} answered ${again.kind === 'confirmed' ? String(again.data.reference) : '?'}`);
  }
  const staffAfter = await storedFor(env, registeredDuring.map((s) => s.key));
  check(registeredDuring.every((s) => staffAfter.get(s.key)?.length === 1), 'scenario 1 registrations: not every key stored exactly once after the retries');
  const ackSummary = await checkAcknowledgements(env, ids, cookie, 'scenario 1 acknowledgements', acked);
  const references = await checkReferences(env);
  check(references.length === 0, `scenario 1: reference numbers: ${references.join('; ')}`);

  return {
    'submissions sent': submitted.length,
    confirmed: public1.confirmed,
    'refused with "probeer het opnieuw"': public1.refusedWithMessage,
    'of which stored after all (found by the retry)': public1.refusedButStored,
    'without a proper answer': public1.broken,
    'in database (before retries)': public1.inDatabase,
    duplicates: public1.duplicates,
    'retries with the same key → same reference': `${retryPublic.sameReference} of ${public1.confirmed}`,
    'refused ones stored by their retry': retryPublic.newlyStored,
    'staff registrations (confirmed / refused / broken)': `${staff1.confirmed} / ${staff1.refusedWithMessage} / ${staff1.broken}; retried: ${staffSame} same reference`,
    'acknowledgements (confirmed / refused / broken)': `${ackSummary.confirmed} / ${ackSummary.refusedWithMessage} / ${ackSummary.broken}; retried afterwards: ${ackSummary.retriedAfterwards}; each acknowledged exactly once: ${ackSummary.acknowledgedExactlyOnce} of ${acked.length}`,
    'reference numbers': references.length ? references.join('; ') : 'no duplicates, no gaps',
    'healthy again after restart': `${(healthyAfterMs / 1000).toFixed(1)} s`,
    'new submissions afterwards (no app restart)': `${afterwardsOk} of ${afterwards.length} confirmed`,
    'refusal text shown': refusedTexts ? `"${nl.form.unavailable}"` : '(none refused)',
  };
}

async function mailDown(env: Env, ids: Ids, cookie: string) {
  say('scenario 2: the mail provider is down for the whole load');
  const stamps = await Promise.all(Array.from({ length: 4 }, () => formStamp(env.app.base)));
  const registered = await registerComplaints(env, ids, cookie, 8, 'r2');
  await sleep(3_500);
  const mailBefore = { ...env.mail.stats };
  await env.mail.setMode('error');
  const loadMs = 8_000;
  const until = Date.now() + loadMs;
  const load = submissions(env, ids, stamps, 's2', until);
  const steps = acknowledgements(env, ids, cookie, registered, Math.floor(loadMs / registered.length) - 50);
  await sleep(loadMs / 2);
  say('  mail provider: answering 503 → refusing connections');
  await env.mail.setMode('refuse');
  const [submitted, acked] = await Promise.all([load, steps]);
  await sleep(500);
  const downFor = submitted.length ? `${(loadMs / 1000).toFixed(0)} s` : '';
  const public2 = await checkSubmissions(env, 'scenario 2 submissions', submitted, ['received', 'acknowledged'], 1);
  check(public2.confirmed === submitted.length, `scenario 2: ${submitted.length - public2.confirmed} submissions not confirmed while only the mail was down`);
  const ack2 = await checkAcknowledgements(env, ids, cookie, 'scenario 2 acknowledgements', acked);
  const complaintIds = [
    ...[...(await storedFor(env, submitted.map((s) => s.key))).values()].map((rows) => rows[0]!.id),
    ...acked.map((s) => s.complaintId),
  ];
  const rowsOf = async () =>
    (
      await env.db.query<{ id: string; status: string; attempts: number; provider_id: string | null }>(
        "select id, status, attempts, provider_id from outbox where complaint_id = any($1) and medium = 'email' order by id",
        [complaintIds],
      )
    ).rows;
  const whileDown = await rowsOf();
  const sentWhileDown = count(whileDown, (r) => r.status === 'sent');
  const attemptedWhileDown = count(whileDown, (r) => r.attempts > 0);
  check(sentWhileDown === 0, `scenario 2: ${sentWhileDown} mails marked sent while the provider was down`);
  say(`  ${whileDown.length} mails waiting (${attemptedWhileDown} tried and failed); mail provider up again`);
  await env.mail.setMode('up');
  const upAt = Date.now();
  // The outbox worker takes them on its own schedule (retry after 1 minute; instrumentation.ts every minute) and
  // through the cron route, called here as a cron service would.
  let rows = whileDown;
  // The failed ones are due again a minute after their attempt, then go 20 per worker run (a call every 3 s here): how
  // many there are depends on how fast this machine filed complaints during the load, so the wait scales with it.
  const waitMs = 90_000 + Math.ceil(whileDown.length / 20) * 6_000;
  while (Date.now() - upAt < waitMs) {
    await fetch(`${env.app.base}/api/cron/outbox`, { headers: { Authorization: `Bearer ${CRON_SECRET}` } }).catch(() => undefined);
    rows = await rowsOf();
    if (rows.every((r) => r.status === 'sent')) break;
    await sleep(3_000);
  }
  const deliveredAfterMs = Date.now() - upAt;
  // A few more rounds: nothing may be sent again.
  for (let i = 0; i < 2; i++) {
    await fetch(`${env.app.base}/api/cron/outbox`, { headers: { Authorization: `Bearer ${CRON_SECRET}` } }).catch(() => undefined);
    await sleep(500);
  }
  rows = await rowsOf();
  const notSent = rows.filter((r) => r.status !== 'sent');
  check(notSent.length === 0, `scenario 2: ${notSent.length} mails not delivered ${(waitMs / 1000).toFixed(0)} s after the provider came back: ${JSON.stringify(notSent.slice(0, 3))}`);
  const delivered = rows.filter((r) => env.mail.deliveries.has(`outbox-${r.id}`));
  check(delivered.length === rows.length, `scenario 2: ${rows.length - delivered.length} outbox rows never reached the mail provider`);
  // With the database up, the worker never sends a delivered mail again (one claim per row): one send per row.
  const sentAgain = rows.filter((r) => (env.mail.deliveries.get(`outbox-${r.id}`)?.sends ?? 0) > 1);
  check(sentAgain.length === 0, `scenario 2: ${sentAgain.length} mails sent more than once: ${sentAgain.slice(0, 3).map((r) => r.id).join(', ')}`);
  const providerMismatch = rows.filter((r) => r.status === 'sent' && r.provider_id !== env.mail.deliveries.get(`outbox-${r.id}`)?.id);
  check(providerMismatch.length === 0, `scenario 2: ${providerMismatch.length} rows record another provider id than the delivery`);
  // Every delivery the fake received carries an outbox key; a key never delivered twice (resend's idempotency).
  const { rows: allRows } = await env.db.query<{ id: string }>("select id from outbox where medium = 'email'");
  const known = new Set(allRows.map((r) => `outbox-${r.id}`));
  const strangers = [...env.mail.deliveries.keys()].filter((key) => !known.has(key));
  check(strangers.length === 0, `scenario 2: deliveries without an outbox row: ${strangers.slice(0, 3).join(', ')}`);
  check(env.mail.stats.withoutKey === 0, `scenario 2: ${env.mail.stats.withoutKey} sends without an idempotency key`);
  return {
    'submissions sent (all confirmed)': `${public2.confirmed} of ${submitted.length}`,
    'acknowledgements by the handler': `${ack2.confirmed} confirmed, each acknowledged exactly once: ${ack2.acknowledgedExactlyOnce} of ${acked.length}`,
    'mail provider down for': `${downFor} (503 answers, then connections refused)`,
    'mails waiting (tried and failed while down)': `${whileDown.length} (${attemptedWhileDown}); 503 answers: ${env.mail.stats.refusedWithError - mailBefore.refusedWithError}`,
    'mails delivered after it came back': `${delivered.length} of ${rows.length}, within ${(deliveredAfterMs / 1000).toFixed(0)} s`,
    'sent twice (same outbox row)': sentAgain.length,
    lost: notSent.length,
    'sends answered from the idempotency cache (not delivered again), whole run': env.mail.stats.replays,
    'deliveries without an outbox row / without a key': `${strangers.length} / ${env.mail.stats.withoutKey}`,
  };
}

// --- main ------------------------------------------------------------------------------------------------------------

function printSummary(title: string, rows: Record<string, unknown>) {
  console.log(`\n${title}`);
  const width = Math.max(...Object.keys(rows).map((k) => k.length));
  for (const [key, value] of Object.entries(rows)) console.log(`  ${key.padEnd(width)}  ${String(value)}`);
}

let env: Env | null = null;
const cleanUp = async () => {
  if (!env) return;
  const current = env;
  env = null;
  current.app.stop();
  await current.db.end().catch(() => undefined);
  await current.mail.close().catch(() => undefined);
  current.cluster.remove();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void cleanUp().finally(() => process.exit(1));
  });
}

let exitCode = 0;
try {
  env = await setUp();
  const ids: Ids = { register: actionId(root, 'registerComplaintAction'), acknowledge: actionId(root, 'acknowledgeAction') };
  const cookie = await signIn(env.app.base, HANDLER, DEMO_PASSWORD);
  say(`signed in as ${HANDLER}`);
  scenario = 'database restart';
  const s1 = await databaseRestart(env, ids, cookie);
  printSummary('Scenario 1 — PostgreSQL restarted under load', s1);
  scenario = 'mail provider down';
  const s2 = await mailDown(env, ids, cookie);
  printSummary('Scenario 2 — mail provider down for the whole load', s2);
  scenario = 'log';
  // Personal data never goes into the log, not even when things fail.
  const log = readFileSync(env.app.log, 'utf8');
  const leaked = /Storingstest|storing-[a-z0-9]+-\d+@example\.test/.exec(log);
  check(!leaked, `the app's log contains personal data of the test complaints (${leaked?.[0]})`);
  const logErrors = log.split('\n').filter((line) => /error|failed/i.test(line)).length;
  console.log(`\nApp log: ${logErrors} error lines (expected during the faults), no personal data: ${!leaked}`);
} catch (error) {
  check(false, `the fault test could not run (${scenario}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  if (env && failures.length) console.log(`\nLast lines of the app's log:\n${readFileSync(env.app.log, 'utf8').split('\n').slice(-25).join('\n')}`);
  await cleanUp();
}
const SCENARIOS = ['database restart', 'mail provider down', 'log'];
const report = { passed: SCENARIOS.filter((name) => !failedScenarios.has(name)).length, failed: failedScenarios.size, failures };
if (failedScenarios.has('setup')) report.passed = 0;
mkdirSync(path.join(root, '.test-report'), { recursive: true });
writeFileSync(path.join(root, '.test-report', 'faults.json'), JSON.stringify(report, null, 2));
if (failures.length) {
  console.log(`\n✗ test:faults FAILED (${failures.length}) in ${elapsed()}:`);
  for (const failure of failures) console.log(`  - ${failure}`);
  exitCode = 1;
} else console.log(`\n✔ test:faults passed in ${elapsed()}: nothing lost, nothing written twice, the app recovered by itself.`);
process.exit(exitCode);
