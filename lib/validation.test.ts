import { describe, expect, it } from 'vitest';
import { assignSchema } from '@/lib/complaints/steps/schemas';
import { complaintSchema } from '@/lib/complaints/schema';
import { unlinkComplaintSchema } from '@/lib/measures/schemas';
import { changeRoleSchema } from '@/lib/settings/schemas';
import { containsLink, controlCharErrors, INT4_MAX } from './validation';

describe('controlCharErrors (every action, in the pipeline)', () => {
  it.each([
    ['plain text with newlines and tabs', { description: 'Regel 1\nRegel 2\r\n\tinspringen' }, null],
    ['a NUL byte', { name: 'Fatima\u0000' }, { name: ['controlChars'] }],
    ['a bell in a nested field', { answer: { text: 'a\u0007b' } }, { 'answer.text': ['controlChars'] }],
    ['DEL', { city: 'Oss\u007F' }, { city: ['controlChars'] }],
    ['in an array', { ids: ['1', '2\u0000'] }, { 'ids.1': ['controlChars'] }],
    ['a bare string', 'x\u0000', { _form: ['controlChars'] }],
    ['not text at all', { id: 3, ok: true, none: null }, null],
    ['file contents are not text', { attachments: [{ name: 'scan.pdf', bytes: new Uint8Array([0, 1, 2, 7]) }] }, null],
    ['a lone surrogate (half an emoji; the history insert failed with 22P02)', { reason: 'a\uD800' }, { reason: ['controlChars'] }],
    ['a lone low surrogate', { reason: '\uDC00b' }, { reason: ['controlChars'] }],
    ['emoji and combining marks are text', { name: '👩‍👩‍👧‍👦 e\u0301' }, null],
    ['a file name is', { attachments: [{ name: 'scan\u0000.pdf', bytes: new Uint8Array([0]) }] }, { 'attachments.0.name': ['controlChars'] }],
  ])('%s', (_name, raw, expected) => {
    expect(controlCharErrors(raw)).toEqual(expected);
  });
});

describe('containsLink (the name field)', () => {
  it.each([
    ['Fatima el Amrani', false],
    ["Anne-Marie O'Brien", false],
    ['Dr. J.A. de Vries-Jansen', false],
    ['Ria.de Wit', false],
    ['Please log in at https://evil.example/login', true],
    ['http://x', true],
    ['www.voorbeeld', true],
    ['Bezoek evil-site.com', true],
    ['mijnbank.nl inloggen', true],
  ])('%s → %s', (name, expected) => {
    expect(containsLink(name)).toBe(expected);
  });
});

describe('ids within PostgreSQL integer range, in public and staff schemas', () => {
  const base = { complaintId: 1, version: 1 };
  it.each([
    ['a step (staff)', () => assignSchema.safeParse({ ...base, handlerId: INT4_MAX + 1 }).success, false],
    ['a step at the maximum', () => assignSchema.safeParse({ ...base, handlerId: INT4_MAX }).success, true],
    ['a complaint id beyond range', () => assignSchema.safeParse({ complaintId: 2 ** 40, version: 1, handlerId: 1 }).success, false],
    ['a measure link', () => unlinkComplaintSchema.safeParse({ measureId: 1, version: 1, complaintId: 99999999999 }).success, false],
    ['a user (settings)', () => changeRoleSchema.safeParse({ userId: INT4_MAX + 1, role: 'handler' }).success, false],
    ['the public form: an adviser id of 10 digits', () => complaintSchema.safeParse({ staffId: '9999999999' }).error?.issues.some((i) => i.path[0] === 'staffId'), true],
  ])('%s', (_name, check, expected) => {
    expect(check()).toBe(expected);
  });
});
