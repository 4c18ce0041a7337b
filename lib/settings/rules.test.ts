import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { fieldErrorsOf } from '@/lib/actions/pipeline';
import { PASSWORD_MIN } from '@/lib/auth/schemas';
import { DEFAULT_ORGANISATION, mailSender } from '@/lib/organisation';
import { PRESETS } from '@/lib/procedure/terms';
import { generateOneTimePassword, INVITE_VALID_DAYS, inviteState, newInvite } from './credentials';
import {
  categoryDeactivationRefusal,
  deriveCategoryCode,
  isCategoryCode,
  moveInOrder,
  sortOrders,
  staffLinkRefusal,
  type UserChange,
  type UserFacts,
  userChangeRefusal,
} from './rules';
import { createCategorySchema, createUserSchema, organisationSchema, TERM_BOUNDS, TERM_KEYS, termsSchema, updateUserDetailsSchema } from './schemas';
import { isAdjusted, sameTerms } from './terms';

const ME = 1;
const admin = (id: number, active = true): UserFacts => ({ id, role: 'admin', active });
const handler = (id: number, active = true): UserFacts => ({ id, role: 'handler', active });

describe('userChangeRefusal: no self-lockout, never without an active admin', () => {
  it.each<[string, UserFacts, UserChange, number, string | null]>([
    ['deactivate myself', admin(ME), { kind: 'deactivate' }, 3, 'cannotDeactivateSelf'],
    ['delete myself', admin(ME), { kind: 'delete' }, 3, 'cannotDeleteSelf'],
    ['change my own role', admin(ME), { kind: 'role', role: 'manager' }, 3, 'cannotChangeOwnRole'],
    ['"change" my own role to what it is', admin(ME), { kind: 'role', role: 'admin' }, 1, null],
    ['deactivate another admin while two are active', admin(2), { kind: 'deactivate' }, 2, null],
    ['deactivate the last active admin (someone else did the counting)', admin(2), { kind: 'deactivate' }, 1, 'lastAdmin'],
    ['demote the last active admin', admin(2), { kind: 'role', role: 'handler' }, 1, 'lastAdmin'],
    ['demote an admin while another is active', admin(2), { kind: 'role', role: 'handler' }, 2, null],
    ['delete the last active admin', admin(2), { kind: 'delete' }, 1, 'lastAdmin'],
    ['deactivate an admin who is already inactive', admin(2, false), { kind: 'deactivate' }, 1, null],
    ['demote an inactive admin', admin(2, false), { kind: 'role', role: 'manager' }, 1, null],
    ['deactivate a handler', handler(2), { kind: 'deactivate' }, 1, null],
    ['make a handler an admin', handler(2), { kind: 'role', role: 'admin' }, 1, null],
    ['reactivate someone', handler(2, false), { kind: 'reactivate' }, 1, null],
    ['reactivate myself (cannot happen, harmless)', admin(ME), { kind: 'reactivate' }, 1, null],
    ['correct my own name and e-mail address', admin(ME), { kind: 'details' }, 1, null],
    ['correct the last active admin\'s name and e-mail address', admin(2), { kind: 'details' }, 1, null],
    ['correct a deactivated handler\'s name and e-mail address', handler(2, false), { kind: 'details' }, 1, null],
  ])('%s → %s', (_label, target, change, activeAdmins, expected) => {
    expect(userChangeRefusal(ME, target, change, activeAdmins)).toBe(expected);
  });
});

describe('deriveCategoryCode', () => {
  it.each([
    ['Wachttijden', [], 'wachttijden'],
    ['Wachttijden en planning', [], 'wachttijden-en-planning'],
    ['  Privé & persoonsgegevens!  ', [], 'prive-persoonsgegevens'],
    ['Bejegening', ['bejegening'], 'bejegening-2'],
    ['Bejegening', ['bejegening', 'bejegening-2'], 'bejegening-3'],
    ['Financiën / vergoedingen', [], 'financien-vergoedingen'],
    ['Café Ĳsselmonde', [], 'cafe-ijsselmonde'],
    ['???', [], 'onderwerp'],
    ['Een heel erg lange naam voor een onderwerp dat eigenlijk korter kan', [], 'een-heel-erg-lange-naam-voor-een'],
  ])('%s (taken %j) → %s', (name, taken, code) => {
    const derived = deriveCategoryCode(name, new Set(taken));
    expect(derived).toBe(code);
    expect(isCategoryCode(derived)).toBe(true);
  });

  it('never exceeds the maximum length, also with a suffix', () => {
    const long = 'x'.repeat(80);
    const first = deriveCategoryCode(long, new Set());
    expect(isCategoryCode(deriveCategoryCode(long, new Set([first])))).toBe(true);
  });

  it.each([
    ['wachttijden', true],
    ['wacht-tijden-2', true],
    ['Wachttijden', false],
    ['wacht tijden', false],
    ['-wacht', false],
    ['wacht--tijden', false],
    ['wacht_tijden', false],
    ['', false],
  ])('isCategoryCode(%j) = %s', (code, ok) => {
    expect(isCategoryCode(code)).toBe(ok);
  });
});

describe('ordering', () => {
  it.each([
    [[1, 2, 3], 2, 'up', [2, 1, 3]],
    [[1, 2, 3], 2, 'down', [1, 3, 2]],
    [[1, 2, 3], 1, 'up', [1, 2, 3]],
    [[1, 2, 3], 3, 'down', [1, 2, 3]],
    [[1, 2, 3], 9, 'up', [1, 2, 3]],
  ] as const)('%j: move %s %s → %j', (list, item, direction, expected) => {
    expect(moveInOrder(list, item, direction)).toEqual(expected);
  });

  it('renumbers in steps of ten', () => {
    expect(sortOrders([7, 3, 5])).toEqual([
      { item: 7, sortOrder: 10 },
      { item: 3, sortOrder: 20 },
      { item: 5, sortOrder: 30 },
    ]);
  });
});

describe('categories and staff links', () => {
  it.each([
    [{ active: true }, 1, 'lastActiveCategory'],
    [{ active: true }, 2, null],
    [{ active: false }, 0, null],
  ])('deactivating %j with %i active → %s', (category, active, expected) => {
    expect(categoryDeactivationRefusal(category, active)).toBe(expected);
  });

  it.each<[number | null, number | null, number[], string | null]>([
    [null, 5, [1, 2], null],
    [7, null, [], null],
    [7, null, [3], 'userAlreadyLinked'],
    [7, 3, [3], null],
    [7, 4, [3], 'userAlreadyLinked'],
  ])('link user %s to staff %s (user linked to %j) → %s', (userId, staffId, linked, expected) => {
    expect(staffLinkRefusal(userId, staffId, linked)).toBe(expected);
  });
});

describe('terms schema: bounds and cross-checks', () => {
  const valid = { preset: 'awb', ...PRESETS.awb };
  const errorsOf = (input: unknown) => {
    const result = termsSchema.safeParse(input);
    return result.success ? {} : fieldErrorsOf(result.error.issues);
  };

  it('accepts both presets as they are', () => {
    expect(termsSchema.safeParse({ preset: 'bijstand-naar-werk', ...PRESETS['bijstand-naar-werk'] }).success).toBe(true);
    expect(termsSchema.safeParse(valid).success).toBe(true);
  });

  it.each(TERM_KEYS.flatMap((key) => [
    [key, TERM_BOUNDS[key].min, null],
    [key, TERM_BOUNDS[key].max, null],
    [key, TERM_BOUNDS[key].min - 1, 'termTooLow'],
    [key, TERM_BOUNDS[key].max + 1, 'termTooHigh'],
    [key, 2.5, 'wholeNumber'],
    [key, Number.NaN, 'required'],
  ] as const))('%s = %s → %s', (key, value, error) => {
    // Keep the cross-checks out of the way: a long resolution term, short letters.
    const base = { ...valid, resolutionDays: 120, acknowledgementDays: 1, notAdmissibleNoticeDays: 1 };
    const errors = errorsOf({ ...base, [key]: value });
    expect(errors[key]?.[0] ?? null).toBe(error);
  });

  it.each([
    [{ acknowledgementDays: 30, resolutionDays: 28 }, { acknowledgementDays: ['ackAfterResolution'] }],
    [{ notAdmissibleNoticeDays: 50, resolutionDays: 42 }, { notAdmissibleNoticeDays: ['noticeAfterResolution'] }],
    [{ notAdmissibleNoticeDays: 42, resolutionDays: 42 }, {}],
    [{ preset: 'eigen' }, { preset: ['choose'] }],
  ])('%j → %j', (change, expected) => {
    expect(errorsOf({ ...valid, ...change })).toEqual(expected);
  });

  it('tells the preset from an adjusted version', () => {
    expect(isAdjusted('awb', PRESETS.awb)).toBe(false);
    expect(isAdjusted('awb', { ...PRESETS.awb, resolutionDays: 70 })).toBe(true);
    expect(isAdjusted('unknown', PRESETS.awb)).toBe(true);
    expect(sameTerms(PRESETS.awb, { ...PRESETS.awb })).toBe(true);
  });
});

describe('the Awb preset follows Awb chapter 9', () => {
  it('six weeks to resolve, one extension of at most four weeks, four weeks for a "not handled" notice, one year', () => {
    expect(PRESETS.awb).toMatchObject({
      resolutionDays: 42, // 9:11 (1)
      maxExtensionDays: 28, // 9:11 (2)
      extensionsWithoutConsent: 1, // 9:11 (3)
      notAdmissibleNoticeDays: 28, // 9:8 (3)
      incidentLimitMonths: 12, // 9:8 (1)(b)
      acknowledgementDays: 14, // 9:6 has no term: our two weeks
    });
  });
});

describe('form schemas', () => {
  const errorsOf = (schema: z.ZodMiniType, input: unknown) => {
    const result = schema.safeParse(input);
    return result.success ? {} : fieldErrorsOf(result.error.issues);
  };

  it.each([
    [{ name: 'Eva', email: ' Eva@Example.TEST ', role: 'handler', method: 'invite' }, {}],
    [{ name: '', email: 'nope', role: 'boss', method: 'magic' }, { name: ['required'], email: ['email'], role: ['choose'], method: ['choose'] }],
  ])('new user %j → %j', (input, expected) => {
    expect(errorsOf(createUserSchema, input)).toEqual(expected);
  });

  it('stores e-mail addresses in lower case', () => {
    expect(createUserSchema.parse({ name: 'Eva', email: ' Eva@Example.TEST ', role: 'handler', method: 'password' }).email).toBe('eva@example.test');
  });

  it.each<[unknown, Record<string, string[]>]>([
    [{ userId: 3, name: 'Eva de Vries', email: 'eva.devries@example.test' }, {}],
    [{ userId: 3, name: ' Eva ', email: ' Eva@Example.TEST ' }, {}],
    [{ userId: 3, name: 'x'.repeat(200), email: 'eva@example.test' }, {}],
    [{ userId: 3, name: 'x'.repeat(201), email: 'eva@example.test' }, { name: ['tooLong'] }],
    [{ userId: 3, name: '   ', email: '' }, { name: ['required'], email: ['required', 'email'] }],
    [{ userId: 3, name: 'Eva', email: 'eva@' }, { email: ['email'] }],
    [{ userId: 3, name: 'Eva', email: `${'x'.repeat(250)}@e.nl` }, { email: ['tooLong'] }],
    [{ userId: 0, name: 'Eva', email: 'eva@example.test' }, { userId: ['invalid'] }],
    [{ name: 'Eva', email: 'eva@example.test' }, { userId: ['invalid'] }],
    [{}, { userId: ['invalid'], name: ['required'], email: ['required'] }],
  ])('user details %j → %j', (input, expected) => {
    expect(errorsOf(updateUserDetailsSchema, input)).toEqual(expected);
  });

  it('user details: name trimmed, e-mail address trimmed and in lower case', () => {
    expect(updateUserDetailsSchema.parse({ userId: 3, name: '  Eva de Vries ', email: ' Eva.de.Vries@Example.TEST ' })).toEqual({
      userId: 3,
      name: 'Eva de Vries',
      email: 'eva.de.vries@example.test',
    });
  });

  it.each([
    [{ nameNl: 'Wachttijden', nameEn: 'Waiting times' }, {}],
    [{ nameNl: 'Wachttijden', nameEn: 'Waiting times', code: 'Wacht Tijden' }, { code: ['categoryCode'] }],
    [{ nameNl: 'Wachttijden', nameEn: 'Waiting times', code: 'WACHTTIJDEN' }, {}],
    [{ nameNl: '', nameEn: '' }, { nameNl: ['required'], nameEn: ['required'] }],
  ])('new category %j → %j', (input, expected) => {
    expect(errorsOf(createCategorySchema, input)).toEqual(expected);
  });

  it.each([
    [{ ...DEFAULT_ORGANISATION }, {}],
    [{ ...DEFAULT_ORGANISATION, website: '' }, {}],
    [{ ...DEFAULT_ORGANISATION, website: 'www.example.nl' }, { website: ['url'] }],
    [{ ...DEFAULT_ORGANISATION, email: 'info', phone: 'bel ons' }, { email: ['email'], phone: ['phone'] }],
    [{ ...DEFAULT_ORGANISATION, signature: ' ' }, { signature: ['required'] }],
  ])('organisation %j → %j', (input, expected) => {
    expect(errorsOf(organisationSchema, input)).toEqual(expected);
  });
});

describe('credentials', () => {
  it('one-time passwords are long enough, readable and differ each time', () => {
    const passwords = Array.from({ length: 50 }, generateOneTimePassword);
    for (const password of passwords) {
      expect(password).toMatch(/^[a-km-np-z2-9]{4}(-[a-km-np-z2-9]{4}){3}$/);
      expect(password.length).toBeGreaterThanOrEqual(PASSWORD_MIN);
    }
    expect(new Set(passwords).size).toBe(50);
  });

  it('an invitation is valid for seven days and only its hash is kept', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const invite = newInvite(now);
    expect(invite.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invite.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(invite.tokenHash).not.toContain(invite.token);
    expect(invite.expiresAt.getTime() - now.getTime()).toBe(INVITE_VALID_DAYS * 86_400_000);
  });

  const at = (iso: string) => new Date(iso);
  it.each([
    [{ expiresAt: at('2026-03-08T10:00:00Z'), usedAt: null, userActive: true }, '2026-03-08T09:59:59Z', 'valid'],
    [{ expiresAt: at('2026-03-08T10:00:00Z'), usedAt: null, userActive: true }, '2026-03-08T10:00:00Z', 'expired'],
    [{ expiresAt: at('2026-03-08T10:00:00Z'), usedAt: at('2026-03-02T10:00:00Z'), userActive: true }, '2026-03-03T10:00:00Z', 'used'],
    [{ expiresAt: at('2026-03-08T10:00:00Z'), usedAt: null, userActive: false }, '2026-03-03T10:00:00Z', 'inactive'],
  ])('%j at %s → %s', (invite, now, state) => {
    expect(inviteState(invite, new Date(now))).toBe(state);
  });
});

describe('mail sender', () => {
  const org = { name: 'Bijstand naar Werk', email: 'info@bijstandnaarwerk.nl' };
  it.each([
    [undefined, 'Bijstand naar Werk <info@bijstandnaarwerk.nl>'],
    ['', 'Bijstand naar Werk <info@bijstandnaarwerk.nl>'],
    ['klachten@mail.example', 'Bijstand naar Werk <klachten@mail.example>'],
    ['Klachtloket <klachten@mail.example>', 'Klachtloket <klachten@mail.example>'],
  ])('MAIL_FROM %j → %s', (mailFrom, expected) => {
    expect(mailSender(org, mailFrom)).toBe(expected);
  });

  it('quotes a name with special characters', () => {
    expect(mailSender({ name: 'Werk, Inc. "Oost"', email: 'a@b.nl' }, undefined)).toBe('"Werk, Inc. \\"Oost\\"" <a@b.nl>');
  });
});

describe('every refusal of the settings has a text', () => {
  it('in Dutch and English: rule checks in the actions, rule results and schema messages', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const schemas = await import('./schemas');
    const nl = (await import('@/lib/i18n/messages/nl.json')).default.errors as Record<string, string>;
    const en = (await import('@/lib/i18n/messages/en.json')).default.errors as Record<string, string>;
    const keys = new Set<string>(['inviteInvalid', 'inviteExpired', 'inviteUsed', 'inviteInactive']);
    for (const file of readdirSync('lib/settings').filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      for (const match of readFileSync(`lib/settings/${file}`, 'utf8').matchAll(/ruleViolation\([^,]+, '(\w+)'\)/g)) keys.add(match[1]!);
    }
    for (const key of ['cannotDeactivateSelf', 'cannotDeleteSelf', 'cannotChangeOwnRole', 'lastAdmin', 'lastActiveCategory', 'userAlreadyLinked']) keys.add(key);
    const bad: [z.ZodMiniType, unknown[]][] = [
      [schemas.createUserSchema, [{}, { name: 'x'.repeat(300), email: 'x', role: 'x', method: 'x' }]],
      [schemas.acceptInviteSchema, [{}, { token: 'x', password: 'kort', confirm: 'x' }, { token: 'A'.repeat(43), password: 'x'.repeat(200), confirm: '' }]],
      [schemas.createCategorySchema, [{}, { nameNl: 'x'.repeat(200), nameEn: '', code: 'A B' }, { nameNl: 'a', nameEn: 'b', code: 'x'.repeat(50) }]],
      [schemas.staffSchema, [{}, { id: 0, name: '', userId: 'x' }]],
      [schemas.partySchema, [{}, { type: 'x', name: '', contactEmail: 'x' }]],
      [schemas.organisationSchema, [{}, { name: '', phone: 'x', email: 'x', postalAddress: '', website: 'x', signature: '' }]],
      [schemas.termsSchema, [{}, { preset: 'x', acknowledgementDays: 0.5, resolutionDays: 999, notAdmissibleNoticeDays: -1 }, { ...PRESETS.awb, preset: 'awb', acknowledgementDays: 40, notAdmissibleNoticeDays: 50, resolutionDays: 20 }]],
      [schemas.changeRoleSchema, [{}, { userId: 'x', role: 'x' }]],
      [schemas.updateUserDetailsSchema, [{}, { userId: 'x', name: 'x'.repeat(300), email: 'x' }]],
      [schemas.setActiveSchema, [{}, { id: 1.5, active: 'ja' }]],
    ];
    for (const [schema, inputs] of bad) {
      for (const input of inputs) {
        const result = schema.safeParse(input);
        if (!result.success) for (const messages of Object.values(fieldErrorsOf(result.error.issues))) messages.forEach((m) => keys.add(m));
      }
    }
    expect(keys.size).toBeGreaterThan(30);
    expect([...keys].filter((key) => !(key in nl) || !(key in en))).toEqual([]);
  });
});
