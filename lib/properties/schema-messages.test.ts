import { describe, expect, it } from 'vitest';
import * as auth from '@/lib/auth/schemas';
import { clientAnswerSchema } from '@/lib/complaints/client-answer';
import { lostLinkSchema } from '@/lib/complaints/lost-link-schema';
import { registerSchema } from '@/lib/complaints/register-schema';
import { complaintSchema } from '@/lib/complaints/schema';
import * as steps from '@/lib/complaints/steps/schemas';
import en from '@/lib/i18n/messages/en.json';
import nl from '@/lib/i18n/messages/nl.json';
import { registerFromMailSchema } from '@/lib/mail/inbound-drafts';
import { noComplaintSchema } from '@/lib/mail/inbound-schemas';
import * as measures from '@/lib/measures/schemas';
import * as post from '@/lib/post/schemas';
import * as settings from '@/lib/settings/schemas';

/**
 * Regression for what the property tests (./*.pg.test.ts) found first: wrong types in ids, versions and optional
 * fields were refused with zod's own English text ("Invalid input: expected number, received string"), which no
 * message file translates. Every schema of every action now names every problem with a key of the message files.
 */

type Schema = { safeParse: (value: unknown) => { success: boolean; error?: { issues: { message: string }[] } } };
const isSchema = (value: unknown): value is Schema => typeof (value as Schema | null)?.safeParse === 'function';
const schemasOf = (module: Record<string, unknown>) => Object.entries(module).filter((entry): entry is [string, Schema] => isSchema(entry[1]));

const SCHEMAS: [string, Schema][] = [
  ['complaintSchema', complaintSchema],
  ['registerSchema', registerSchema],
  ['lostLinkSchema', lostLinkSchema],
  ['registerFromMailSchema', registerFromMailSchema],
  ['noComplaintSchema', noComplaintSchema],
  ...schemasOf(auth),
  ...schemasOf(steps),
  ...schemasOf(measures),
  ...schemasOf(post),
  ...schemasOf(settings),
];

const FIELDS = [
  'complaintId', 'version', 'measureId', 'userId', 'id', 'handlerId', 'staffId', 'name', 'email', 'street', 'postcode', 'city', 'phone',
  'description', 'reason', 'owner', 'dueOn', 'categoryId', 'consent', 'consentOn', 'consentHow', 'time', 'place', 'measures',
  'linkMeasureIds', 'locale', 'incidentDate', 'answerBy', 'active', 'team', 'contactEmail', 'website', 'code', 'reference', 'mailId',
  'registration', 'attachments', 'token', 'password', 'confirm', 'current', 'type', 'postedOn',
];
const WRONG = [12345, 1.5, -1, 2 ** 40, true, [], {}, [1, 'x'], null, 'x'];

const messagesOf = (schema: Schema, value: unknown) => schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];
const translated = (texts: Record<string, unknown>) => (key: string) => typeof texts[key] === 'string';

describe('every schema names every problem with a translated message key', () => {
  it.each(SCHEMAS)('%s', (_name, schema) => {
    const messages = new Set<string>();
    for (const value of [undefined, null, 'x', 7, [], {}]) for (const m of messagesOf(schema, value)) messages.add(m);
    for (const wrong of WRONG) for (const m of messagesOf(schema, Object.fromEntries(FIELDS.map((field) => [field, wrong])))) messages.add(m);
    const untranslated = [...messages].filter((key) => !translated(nl.errors)(key) || !translated(en.errors)(key));
    expect(untranslated).toEqual([]);
  });

  it('clientAnswerSchema, in the answer form’s own texts', () => {
    const messages = new Set<string>();
    for (const wrong of WRONG) {
      const value = { token: wrong, questionId: wrong, answer: wrong, idempotencyKey: wrong, attachments: wrong };
      for (const m of messagesOf(clientAnswerSchema, value)) messages.add(m);
      for (const m of messagesOf(clientAnswerSchema, { ...value, attachments: [wrong, { name: wrong, bytes: wrong }] })) messages.add(m);
    }
    const untranslated = [...messages].filter((key) => !translated(nl.answer.errors)(key) || !translated(en.answer.errors)(key));
    expect(untranslated).toEqual([]);
  });
});
