import { describe, expect, it } from 'vitest';
import type { LetterComplaint } from '@/lib/letters/pdf';
import { checkPostedOn, isFailedMail, isWaitingLetter, type OutboxState, postalRecipient } from './rules';

describe('checkPostedOn', () => {
  it.each<[string, string, string, ReturnType<typeof checkPostedOn>]>([
    ['today, written today', '2026-03-10', '2026-03-10', null],
    ['today, written earlier', '2026-03-10', '2026-03-02', null],
    ['the day it was written', '2026-03-02', '2026-03-02', null],
    ['tomorrow', '2026-03-11', '2026-03-02', 'postedInFuture'],
    ['next year', '2027-01-01', '2026-03-02', 'postedInFuture'],
    ['before it was written', '2026-03-01', '2026-03-02', 'postedBeforeLetter'],
  ])('%s', (_label, postedOn, writtenOn, expected) => expect(checkPostedOn(postedOn, writtenOn, '2026-03-10')).toBe(expected));
});

describe('which messages can be handled by hand', () => {
  it.each<[OutboxState, boolean, boolean]>([
    [{ medium: 'post', status: 'pending' }, true, false],
    [{ medium: 'post', status: 'sent' }, false, false],
    [{ medium: 'email', status: 'pending' }, false, false],
    [{ medium: 'email', status: 'failed' }, false, true],
    [{ medium: 'email', status: 'sent' }, false, false],
  ])('%j: waiting letter %s, failed mail %s', (state, waiting, failed) => {
    expect(isWaitingLetter(state)).toBe(waiting);
    expect(isFailedMail(state)).toBe(failed);
  });
});

describe('postalRecipient', () => {
  const complaint: LetterComplaint = {
    reference: 'KL-2026-0042',
    locale: 'nl',
    complainantName: 'Ayşe Şahin',
    complainantEmail: 'ayse@example.test',
    addressStreet: 'Kerkstraat 12',
    addressPostcode: '5341 AB',
    addressCity: 'Oss',
  };
  it.each<[string, string, LetterComplaint | null, string | null]>([
    ['the client with a postal address: the address block', 'ayse@example.test', complaint, 'Ayşe Şahin\nKerkstraat 12\n5341 AB Oss'],
    ['the client without a postal address', 'ayse@example.test', { ...complaint, addressStreet: null }, null],
    ['someone else (the party, a staff member)', 'klachten@oss.example', complaint, null],
    ['no complaint', 'ayse@example.test', null, null],
  ])('%s', (_label, recipient, c, expected) => expect(postalRecipient({ medium: 'email', recipient }, c)).toBe(expected));
});
