import { randomBytes, randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { informationRequests } from '@/db/schema';
import { daysAgo, type StepsWorld, setUpStepsWorld, today } from '@/lib/complaints/steps/testing';
import { signFormStamp } from '@/lib/complaints/form-stamp';
import { addCalendarDays } from '@/lib/procedure/dates';
import { hashToken } from '@/lib/server/tokens';
import { type ActionUnderTest, checkAction, countWrites, RUNS, TIMEOUT } from './harness';

/**
 * The intake under generated input (see ./harness.ts): the public complaint form, the staff registration, the
 * client's answer on the status page, the lost-link form and the client's judgement and forward request.
 */

let w: StepsWorld;
let submit: typeof import('@/lib/complaints/public-submit');
let register: typeof import('@/lib/complaints/register-actions');
let answer: typeof import('@/lib/complaints/client-answer');
let lostLink: typeof import('@/lib/complaints/lost-link');
let satisfaction: typeof import('@/lib/complaints/steps/satisfaction');
let steps: typeof import('@/lib/complaints/steps/actions');

beforeAll(async () => {
  w = await setUpStepsWorld();
  await countWrites(w.db);
  submit = await import('@/lib/complaints/public-submit');
  register = await import('@/lib/complaints/register-actions');
  answer = await import('@/lib/complaints/client-answer');
  lostLink = await import('@/lib/complaints/lost-link');
  satisfaction = await import('@/lib/complaints/steps/satisfaction');
  steps = await import('@/lib/complaints/steps/actions');
});
afterAll(async () => {
  await w?.close();
});

const complaintForm = () => ({
  name: 'Fatima el Amrani',
  email: 'fatima@example.test',
  street: '',
  postcode: '',
  city: '',
  phone: '06 12345678',
  category: 'treatment',
  staffId: '',
  staffOther: '',
  description: 'Mijn adviseur kwam drie afspraken niet opdagen zonder iets te laten weten.',
  incidentWhen: 'date',
  incidentDate: addCalendarDays(today, -20),
  desiredOutcome: 'Een andere adviseur.',
  partyChoice: 'municipality',
  partyName: 'Gemeente Oss',
  consent: true,
  idempotencyKey: randomUUID(),
  locale: 'nl',
});

/** A complaint the client can reach through their secret link: its token. */
async function withLink(overrides: Parameters<StepsWorld['complaint']>[0] = {}) {
  const token = randomBytes(32).toString('base64url');
  const c = await w.complaint({ statusTokenHash: hashToken(token), ...overrides });
  return { ...c, token };
}

async function resolvedWithLink() {
  const c = await withLink({ status: 'in_progress', copySentOn: daysAgo(5), hearingState: 'held', hearingOn: daysAgo(2) });
  const resolved = await w.act(w.people.handler, steps.resolveAction, c.id, { outcome: 'not_upheld', findings: 'Onderzocht.', judgement: 'Niet gegrond.' });
  expect(resolved).toMatchObject({ ok: true });
  return c;
}

/** The status page shows judgement.errors (components/status/Judgement.tsx), and "reload and try again" for anything else. */
const JUDGEMENT = { dictionary: 'judgement.errors', mapped: ['invalid', 'forbidden', 'controlChars'] };

let references = 0;

type Spec = Omit<ActionUnderTest, 'name' | 'valid' | 'afterSuccess'> & { input: () => Promise<Record<string, unknown>> | Record<string, unknown>; again?: boolean };

const SPECS: Record<string, Spec> = {
  submitComplaint: {
    action: (i) => submit.submitComplaint(i),
    actor: () => null,
    input: () => ({ ...complaintForm(), formStamp: signFormStamp(new Date(Date.now() - 60_000)), website: '' }),
    hidden: ['idempotencyKey', 'locale', 'formStamp', 'website', 'staffId'],
  },
  registerComplaint: {
    action: (i) => register.registerComplaintAction(i),
    actor: () => w.people.handler.id,
    input: () => ({ ...complaintForm(), channel: 'phone', receivedOn: daysAgo(2), informed: true }),
    hidden: ['idempotencyKey', 'locale', 'staffId'],
  },
  answerQuestion: {
    action: (i) => answer.answerQuestion(i),
    actor: () => null,
    input: async () => {
      const c = await withLink({ status: 'in_progress' });
      expect(await w.act(w.people.handler, steps.requestInfoAction, c.id, { question: 'Op welke dagen had u een afspraak?' })).toMatchObject({ ok: true });
      const [question] = await w.db.select({ id: informationRequests.id }).from(informationRequests).where(eq(informationRequests.complaintId, c.id)).orderBy(asc(informationRequests.id));
      return { token: c.token, questionId: String(question!.id), answer: 'Op 2, 9 en 16 februari.', idempotencyKey: randomUUID(), attachments: [] };
    },
    hidden: ['token', 'questionId', 'idempotencyKey'],
    // The answer form (components/status/AnswerForm.tsx) shows answer.errors, and "the question is closed" or "try later" for these.
    dictionary: 'answer.errors',
    mapped: ['stepNotAllowed', 'noOpenQuestion', 'complaintBlocked', 'forbidden'],
  },
  renewStatusLink: {
    action: (i) => lostLink.renewStatusLink(i),
    actor: () => null,
    input: async () => {
      const c = await w.complaint({ status: 'in_progress', reference: `KL-2026-${String(++references).padStart(6, '0')}` });
      return { reference: c.reference, email: c.complainantEmail!, locale: 'nl' };
    },
    hidden: ['locale'],
  },
  judgeOutcome: {
    action: (i) => satisfaction.judgeOutcome(i),
    actor: () => null,
    input: async () => ({ token: (await resolvedWithLink()).token, satisfied: 'no' }),
    hidden: ['token', 'satisfied'],
    ...JUDGEMENT,
  },
  requestForward: {
    action: (i) => satisfaction.requestForward(i),
    actor: () => null,
    input: async () => {
      const c = await resolvedWithLink();
      expect(await satisfaction.judgeOutcome({ token: c.token, satisfied: 'no' })).toMatchObject({ ok: true });
      return { token: c.token };
    },
    hidden: ['token'],
    ...JUDGEMENT,
  },
};

describe('the intake, under generated input', () => {
  it.each(Object.keys(SPECS))('%s', async (name) => {
    const { input, ...spec } = SPECS[name]!;
    let current: Record<string, unknown> | null = null;
    const tally = await checkAction(w.db, {
      name,
      ...spec,
      async valid() {
        current ??= await input();
        return structuredClone(current);
      },
      afterSuccess: () => {
        current = null;
      },
    });
    expect(tally.runs).toBe(RUNS);
    expect(tally.ok).toBeGreaterThan(0);
    expect(tally.refused.invalid ?? 0).toBeGreaterThan(0);
  }, TIMEOUT);
});
