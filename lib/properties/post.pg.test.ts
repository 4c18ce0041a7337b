import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundMails, loginAttempts, outbox, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/passwords';
import { daysAgo, type StepsWorld, setUpStepsWorld, today } from '@/lib/complaints/steps/testing';
import { addCalendarDays } from '@/lib/procedure/dates';
import { type ActionUnderTest, checkAction, countWrites, RUNS, TIMEOUT } from './harness';

/**
 * The post room (letters posted, failed mails resent or sent by post), the mail that came in (registered as a
 * complaint or marked "geen klacht") and the own password change, under generated input: see ./harness.ts.
 */

let w: StepsWorld;
let post: typeof import('@/lib/post/actions');
let inbound: typeof import('@/lib/mail/inbound-drafts');
let account: typeof import('@/lib/auth/account');

const PASSWORDS = ['paarse olifanten dansen op het dak', 'groene kikkers zingen in de regen'] as const;
let passwordUser: number;
let currentPassword = 0;

beforeAll(async () => {
  w = await setUpStepsWorld();
  const [user] = await w.db
    .insert(users)
    .values({ email: 'wachtwoord@voorbeeld.nl', name: 'Wim Wachtwoord', role: 'handler', passwordHash: await hashPassword(PASSWORDS[0]) })
    .returning({ id: users.id });
  passwordUser = user!.id;
  await countWrites(w.db);
  post = await import('@/lib/post/actions');
  inbound = await import('@/lib/mail/inbound-drafts');
  account = await import('@/lib/auth/account');
});
afterAll(async () => {
  await w?.close();
});

async function postalLetter() {
  const complaint = await w.complaint({ complainantEmail: null, addressStreet: 'Kerkstraat 12', addressPostcode: '5341 AB', addressCity: 'Oss' });
  const [row] = await w.db
    .insert(outbox)
    .values({
      complaintId: complaint.id,
      kind: 'acknowledgement',
      medium: 'post',
      recipient: 'Ayşe Şahin\nKerkstraat 12\n5341 AB Oss',
      subject: `Wij hebben uw klacht ${complaint.reference} ontvangen`,
      bodyText: 'Beste Ayşe Şahin,\n\nWij hebben uw klacht ontvangen.',
      createdAt: new Date(Date.now() - 3 * 86_400_000),
    })
    .returning({ id: outbox.id });
  return row!.id;
}

async function failedMail() {
  const complaint = await w.complaint({ complainantEmail: 'lukasz@example.test', addressStreet: 'Dorpsstraat 1', addressPostcode: '5341 AA', addressCity: 'Oss' });
  const [row] = await w.db
    .insert(outbox)
    .values({
      complaintId: complaint.id,
      kind: 'info_request',
      medium: 'email',
      recipient: 'lukasz@example.test',
      subject: `Vraag over uw klacht ${complaint.reference}`,
      bodyText: 'Beste Łukasz Nowak,\n\nOnze vraag.',
      status: 'failed',
      attempts: 8,
      lastError: '422: invalid recipient',
      nextAttemptAt: new Date(Date.now() - 3_600_000),
    })
    .returning({ id: outbox.id });
  return row!.id;
}

async function draftMail() {
  const [row] = await w.db
    .insert(inboundMails)
    .values({
      providerId: randomUUID(),
      fromAddress: 'henk@example.nl',
      toAddresses: 'klachten@bijstandnaarwerk.example',
      subject: 'Klacht over mijn adviseur',
      receivedAt: new Date(Date.now() - 86_400_000),
      textBody: 'Mijn adviseur kwam drie afspraken niet opdagen.',
      state: 'draft',
    })
    .returning({ id: inboundMails.id });
  return row!.id;
}

const registration = () => ({
  name: 'Henk de Jong',
  email: 'henk@example.nl',
  street: '',
  postcode: '',
  city: '',
  phone: '',
  category: 'treatment',
  staffId: '',
  staffOther: '',
  description: 'Mijn adviseur kwam drie afspraken niet opdagen zonder iets te laten weten.',
  incidentWhen: 'date',
  incidentDate: addCalendarDays(today, -20),
  desiredOutcome: '',
  partyChoice: 'municipality',
  partyName: '',
  idempotencyKey: randomUUID(),
  locale: 'nl',
  channel: 'email',
  receivedOn: daysAgo(1),
  informed: true,
});

type Spec = Pick<ActionUnderTest, 'action' | 'hidden' | 'afterSuccess'> & {
  input: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  actor?: () => number;
  /** Before every run (not a write the counter sees). */
  reset?: () => Promise<unknown>;
};

const SPECS: Record<string, Spec> = {
  markLetterPosted: { action: (i) => post.markLetterPostedAction(i), input: async () => ({ id: await postalLetter(), postedOn: today }), hidden: ['id'] },
  resendMail: { action: (i) => post.resendMailAction(i), input: async () => ({ id: await failedMail() }), hidden: ['id'] },
  sendMailByPost: { action: (i) => post.sendMailByPostAction(i), input: async () => ({ id: await failedMail() }), hidden: ['id'] },
  // The actions themselves: the page's wrappers (lib/mail/inbound-actions.ts) add only revalidatePath, which needs a request.
  registerFromMail: {
    action: (i) => inbound.registerFromMail(i),
    input: async () => ({ mailId: String(await draftMail()), registration: registration() }),
    hidden: ['mailId', 'registration.idempotencyKey', 'registration.locale', 'registration.staffId'],
  },
  markMailNoComplaint: { action: (i) => inbound.markMailNoComplaint(i), input: async () => ({ mailId: String(await draftMail()), reason: 'Een vraag, geen klacht.' }), hidden: ['mailId'] },
  changePassword: {
    action: (i) => account.changePassword(i),
    actor: () => passwordUser,
    input: () => ({ current: PASSWORDS[currentPassword], password: PASSWORDS[1 - currentPassword], confirm: PASSWORDS[1 - currentPassword] }),
    afterSuccess: () => {
      currentPassword = 1 - currentPassword;
    },
    // Wrong current passwords are counted (and slow the form down, then lock it): each run starts with a clean count.
    reset: () => w.db.delete(loginAttempts),
  },
};

describe('the post room, incoming mail and the password change, under generated input', () => {
  it.each(Object.keys(SPECS))('%s', async (name) => {
    const { input, actor, reset, afterSuccess, ...spec } = SPECS[name]!;
    let current: Record<string, unknown> | null = null;
    const tally = await checkAction(w.db, {
      name,
      ...spec,
      actor: actor ?? (() => w.people.handler.id),
      async valid() {
        await reset?.();
        current ??= await input();
        return structuredClone(current);
      },
      afterSuccess: async (...args) => {
        current = null;
        await afterSuccess?.(...args);
      },
    });
    expect(tally.runs).toBe(RUNS);
    expect(tally.ok).toBeGreaterThan(0);
    expect(tally.refused.invalid ?? 0).toBeGreaterThan(0);
  }, TIMEOUT);
});
