import {
  _default,
  boolean,
  check,
  email,
  enum as oneOf,
  gte,
  httpUrl,
  type input,
  int,
  lte,
  maxLength,
  minLength,
  number,
  object,
  optional,
  type output,
  refine,
  regex,
  string,
  toLowerCase,
  trim,
} from 'zod/mini';
import { INT4_MAX } from '@/lib/validation';
import { newPasswordFields, passwordsMatch } from '@/lib/auth/schemas';
import { PRESET_IDS, type ProcedureTerms } from '@/lib/procedure/terms';
import { CONTRACTING_PARTY_TYPES, ROLES } from '@/lib/procedure/vocabulary';

/**
 * The settings forms' schemas: checked by react-hook-form in the browser and again by the server actions. Messages
 * are keys under `errors.` in lib/i18n/messages/{nl,en}.json.
 */

const requiredText = (max: number) => string('required').check(trim(), minLength(1, 'required'), maxLength(max, 'tooLong'));
const optionalText = (max: number) => _default(string('invalid').check(trim(), maxLength(max, 'tooLong')), '');
const requiredEmail = string('required').check(trim(), toLowerCase(), minLength(1, 'required'), maxLength(254, 'tooLong'), email('email'));
const optionalEmail = _default(
  string('invalid').check(trim(), toLowerCase(), maxLength(254, 'tooLong'), refine((v) => v === '' || email().safeParse(v).success, 'email')),
  '',
);
const id = number('invalid').check(int('invalid'), gte(1, 'invalid'), lte(INT4_MAX, 'invalid'));
/** A choice from a select list: a record's id as text, or '' for none. */
const optionalId = _default(string('invalid').check(regex(/^\d{0,9}$/, 'invalid')), '');

export const PHONE_PATTERN = /^\+?[0-9 ()-]{6,30}$/;
export const CATEGORY_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const CATEGORY_CODE_MAX = 40;
export const LIMITS = { name: 200, categoryName: 100, team: 100, postalAddress: 300, signature: 1000, website: 300 } as const;

// ---------------------------------------------------------------------------------------------------------------
// Users

export const USER_CREATION_METHODS = ['password', 'invite'] as const;
export type UserCreationMethod = (typeof USER_CREATION_METHODS)[number];

export const createUserSchema = object({
  name: requiredText(LIMITS.name),
  email: requiredEmail,
  role: oneOf(ROLES, 'choose'),
  method: oneOf(USER_CREATION_METHODS, 'choose'),
}, 'invalid');

/** The role form in the browser; the action also gets the user's id. */
export const roleSchema = object({ role: oneOf(ROLES, 'choose') }, 'invalid');
export const changeRoleSchema = object({ userId: id, role: oneOf(ROLES, 'choose') }, 'invalid');
export const setUserActiveSchema = object({ userId: id, active: boolean('invalid') }, 'invalid');
export const resetPasswordSchema = object({ userId: id, method: oneOf(USER_CREATION_METHODS, 'choose') }, 'invalid');
export const deleteUserSchema = object({ userId: id }, 'invalid');
/** Correcting a user's name and e-mail address: the form in the browser, and the action with the user's id. */
export const userDetailsSchema = object({ name: requiredText(LIMITS.name), email: requiredEmail }, 'invalid');
export const updateUserDetailsSchema = object({ userId: id, name: requiredText(LIMITS.name), email: requiredEmail }, 'invalid');

/** The invitation link's token: 32 random bytes, base64url (as the status links). */
export const INVITE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const acceptInviteSchema = object({
  token: string('inviteInvalid').check(regex(INVITE_TOKEN_PATTERN, 'inviteInvalid')),
  ...newPasswordFields,
}, 'invalid').check(passwordsMatch);

// ---------------------------------------------------------------------------------------------------------------
// Categories

export const createCategorySchema = object({
  nameNl: requiredText(LIMITS.categoryName),
  nameEn: requiredText(LIMITS.categoryName),
  /** Empty: derived from the Dutch name. */
  code: _default(
    string('invalid').check(
      trim(),
      toLowerCase(),
      maxLength(CATEGORY_CODE_MAX, 'tooLong'),
      refine((v) => v === '' || CATEGORY_CODE_PATTERN.test(v), 'categoryCode'),
    ),
    '',
  ),
}, 'invalid');
export const categoryNamesSchema = object({ nameNl: requiredText(LIMITS.categoryName), nameEn: requiredText(LIMITS.categoryName) }, 'invalid');
export const renameCategorySchema = object({ id, nameNl: requiredText(LIMITS.categoryName), nameEn: requiredText(LIMITS.categoryName) }, 'invalid');
export const moveCategorySchema = object({ id, direction: oneOf(['up', 'down'], 'invalid') }, 'invalid');
export const setActiveSchema = object({ id, active: boolean('invalid') }, 'invalid');

// ---------------------------------------------------------------------------------------------------------------
// Staff and contracting parties

export const staffSchema = object({
  /** Absent: a new record. */
  id: optional(id),
  name: requiredText(LIMITS.name),
  team: optionalText(LIMITS.team),
  userId: optionalId,
}, 'invalid');

export const partySchema = object({
  id: optional(id),
  type: oneOf(CONTRACTING_PARTY_TYPES, 'choose'),
  name: requiredText(LIMITS.name),
  contactEmail: optionalEmail,
}, 'invalid');

// ---------------------------------------------------------------------------------------------------------------
// Organisation

export const organisationSchema = object({
  name: requiredText(LIMITS.name),
  phone: string('required').check(trim(), minLength(1, 'required'), regex(PHONE_PATTERN, 'phone')),
  email: requiredEmail,
  postalAddress: requiredText(LIMITS.postalAddress),
  website: _default(
    string('invalid').check(trim(), maxLength(LIMITS.website, 'tooLong'), refine((v) => v === '' || httpUrl().safeParse(v).success, 'url')),
    '',
  ),
  signature: requiredText(LIMITS.signature),
}, 'invalid');

// ---------------------------------------------------------------------------------------------------------------
// Procedure terms

export type TermKey = keyof ProcedureTerms;
export type TermUnit = 'days' | 'months' | 'times';

/**
 * The sane range of each term. Wide enough for any reasonable procedure, narrow enough to catch a typo (420 days):
 * the acknowledgement within six weeks, a resolution term between two weeks and four months, the Awb's ten weeks
 * with an advisory committee inside it; retention up to ten years.
 */
export const TERM_BOUNDS: Record<TermKey, { min: number; max: number; unit: TermUnit }> = {
  acknowledgementDays: { min: 1, max: 42, unit: 'days' },
  notAdmissibleNoticeDays: { min: 1, max: 70, unit: 'days' },
  resolutionDays: { min: 14, max: 120, unit: 'days' },
  incidentLimitMonths: { min: 1, max: 60, unit: 'months' },
  maxExtensionDays: { min: 0, max: 84, unit: 'days' },
  extensionsWithoutConsent: { min: 0, max: 3, unit: 'times' },
  retentionMonths: { min: 1, max: 120, unit: 'months' },
  dataRequestMonths: { min: 1, max: 3, unit: 'months' },
};

export const TERM_KEYS = Object.keys(TERM_BOUNDS) as TermKey[];

const term = (key: TermKey) => number('required').check(int('wholeNumber'), gte(TERM_BOUNDS[key].min, 'termTooLow'), lte(TERM_BOUNDS[key].max, 'termTooHigh'));

export const termsSchema = object({
  preset: oneOf(PRESET_IDS, 'choose'),
  acknowledgementDays: term('acknowledgementDays'),
  notAdmissibleNoticeDays: term('notAdmissibleNoticeDays'),
  resolutionDays: term('resolutionDays'),
  incidentLimitMonths: term('incidentLimitMonths'),
  maxExtensionDays: term('maxExtensionDays'),
  extensionsWithoutConsent: term('extensionsWithoutConsent'),
  retentionMonths: term('retentionMonths'),
  dataRequestMonths: term('dataRequestMonths'),
}, 'invalid').check(
  check((ctx) => {
    const v = ctx.value;
    // A letter about the complaint cannot be due after the complaint itself has been settled.
    if (v.acknowledgementDays > v.resolutionDays) {
      ctx.issues.push({ code: 'custom', message: 'ackAfterResolution', path: ['acknowledgementDays'], input: v.acknowledgementDays });
    }
    if (v.notAdmissibleNoticeDays > v.resolutionDays) {
      ctx.issues.push({ code: 'custom', message: 'noticeAfterResolution', path: ['notAdmissibleNoticeDays'], input: v.notAdmissibleNoticeDays });
    }
  }),
);

export type CreateUserInput = input<typeof createUserSchema>;
export type UserDetailsInput = input<typeof userDetailsSchema>;
export type AcceptInviteInput = input<typeof acceptInviteSchema>;
export type CreateCategoryInput = input<typeof createCategorySchema>;
export type StaffInput = input<typeof staffSchema>;
export type PartyInput = input<typeof partySchema>;
export type OrganisationInput = input<typeof organisationSchema>;
export type TermsInput = input<typeof termsSchema>;
export type TermsData = output<typeof termsSchema>;
