import { describe, expect, it } from 'vitest';
import { type AccessExport, displayValue, exportItems } from './export';

/** The access export's PDF is for the person to read: dates, moments and codes in Dutch words (the JSON keeps the codes). */
describe('displayValue', () => {
  it.each([
    ['nothing', null, undefined, '—'],
    ['an empty text', '', undefined, '—'],
    ['yes', true, undefined, 'ja'],
    ['no', false, undefined, 'nee'],
    ['a calendar date', '2026-11-30', undefined, '30 november 2026'],
    ['a moment (winter time, Amsterdam)', new Date('2026-11-30T09:15:00Z'), undefined, '30 november 2026 om 10:15'],
    ['a moment (summer time, Amsterdam)', new Date('2026-07-01T22:30:00Z'), undefined, '2 juli 2026 om 00:30'],
    ['a moment as ISO text (from the JSON)', '2026-11-30T09:15:00.000Z', undefined, '30 november 2026 om 10:15'],
    ['a status', 'in_progress', 'status', 'In behandeling'],
    ['a status reached in the history', 'not_admissible', 'toStatus', 'Niet in behandeling genomen'],
    ['a channel', 'online', 'channel', 'Online formulier'],
    ['a language', 'en', 'locale', 'Engels'],
    ['the party the client chose', 'municipality', 'partyChoice', 'De gemeente'],
    ['an outcome', 'partly_upheld', 'outcome', 'Deels gegrond'],
    ['a ground for not handling', 'incident_older_than_limit', 'notAdmissibleGround', 'Voorval langer dan een jaar geleden'],
    ['a hearing', 'skipped', 'hearingState', 'Niet gehouden'],
    ['the actor "client"', 'client', 'actor', 'De klager'],
    ['a staff member as actor', 'Sanne de Vries', 'actor', 'Sanne de Vries'],
    ['a code without words stays as it is', 'something_new', 'status', 'something_new'],
    ['a text in a field without codes', 'online', 'description', 'online'],
    ['a number', 2, 'extensionCount', '2'],
  ] as const)('%s', (_, value, field, shown) => {
    expect(displayValue(value, field)).toBe(shown);
  });
});

const doc = {
  format: 'klachtloket-inzage/1',
  madeAt: '2026-12-01T13:05:00.000Z',
  request: { id: 7, kind: 'access', requesterName: 'Özlem Şahin', requesterEmail: 'o@example.test', receivedOn: '2026-11-28', receivedVia: 'email', requestText: 'Inzage graag.' },
  complaints: [
    {
      complaint: {
        id: 41, reference: 'KL-2026-0041', status: 'resolved', channel: 'phone', receivedOn: '2026-10-01', locale: 'nl', complainantName: 'Özlem Şahin',
        complainantEmail: 'o@example.test', outcome: 'upheld', clientSatisfied: null, version: 9, handlerId: 3, terms: { acknowledgementDays: 14 },
      },
      categoryName: 'Bejegening',
      contractingPartyName: null,
      handlerName: 'Sanne de Vries',
      involved: [{ name: 'Piet Jansen', team: 'Team Oost', involvement: 'subject' }],
      history: [{ at: new Date('2026-10-01T08:00:00Z'), action: 'received', fromStatus: null, toStatus: 'received', reason: null, details: {}, actor: 'client' }],
      questions: [],
      attachments: [{ fileName: 'brief.pdf', contentType: 'application/pdf', sizeBytes: 2048, createdAt: new Date('2026-10-02T10:00:00Z') }],
      lettersSent: [],
      mailsReceived: [],
    },
  ],
} as unknown as AccessExport;

describe('exportItems', () => {
  const text = exportItems(doc).map((i) => ('text' in i ? i.text : ''));

  it('states the request in words and dates', () => {
    expect(text).toEqual(expect.arrayContaining([
      'Soort verzoek: Inzage',
      'Ontvangen op: 28 november 2026 (e-mail)',
      'Gemaakt op: 1 december 2026 om 14:05',
    ]));
  });

  it('shows the complaint with labels and words, not codes; internal numbers only in the JSON', () => {
    expect(text).toEqual(expect.arrayContaining([
      'Status: Afgehandeld',
      'Binnengekomen via: Telefoon',
      'Ontvangen op: 1 oktober 2026',
      'Uitkomst: Gegrond',
      'Tevreden met de uitkomst: —',
      'Piet Jansen (Team Oost), over wie de klacht gaat',
      '1 oktober 2026 om 10:00 · Klacht ontvangen (online) → Ontvangen · De klager',
      'brief.pdf · PDF · 2 kB · 2 oktober 2026 om 12:00',
    ]));
    expect(text.some((line) => /^(id|version|handlerId|terms):/.test(line))).toBe(false);
    expect(text.some((line) => /\d{4}-\d{2}-\d{2}/.test(line))).toBe(false);
  });
});
