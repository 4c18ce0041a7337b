import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION, type Organisation } from '@/lib/organisation';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import { acknowledgementMessage, contactLine } from './acknowledgement';

const base = {
  name: 'Noor Bakker',
  reference: 'KL-2026-0042',
  receivedOn: '2026-03-02',
  terms: DEFAULT_TERMS,
  statusUrl: 'https://klachten.example/status/abc',
  olderThanLimit: false,
} as const;

const stored: Organisation = {
  name: 'Werkpunt Oost',
  phone: '053 123 45 67',
  email: 'klachten@werkpunt.example',
  postalAddress: 'Postbus 1, 7500 AA Enschede',
  website: null,
  signature: 'Hartelijke groet,\nTeam Kwaliteit Werkpunt Oost',
};

describe('acknowledgementMessage: the organisation in the letter', () => {
  it('uses the stored details and signature in Dutch', () => {
    const { text } = acknowledgementMessage({ ...base, locale: 'nl', organisation: stored });
    expect(text.endsWith('Hartelijke groet,\nTeam Kwaliteit Werkpunt Oost\n053 123 45 67 · klachten@werkpunt.example · Postbus 1, 7500 AA Enschede')).toBe(true);
    expect(text).not.toContain(DEFAULT_ORGANISATION.name);
  });

  it('uses the stored name in English (the signature is Dutch)', () => {
    const { text } = acknowledgementMessage({ ...base, locale: 'en', organisation: stored });
    expect(text).toContain('Kind regards,\nWerkpunt Oost\n053 123 45 67');
    expect(text).not.toContain('Hartelijke groet');
  });

  it('falls back to the published details when none are passed', () => {
    const { text } = acknowledgementMessage({ ...base, locale: 'nl' });
    expect(text).toContain(DEFAULT_ORGANISATION.signature);
    expect(text).toContain(contactLine(DEFAULT_ORGANISATION));
    expect(contactLine(DEFAULT_ORGANISATION)).toBe('06 20 76 36 88 · info@bijstandnaarwerk.nl · Postbus 170, 5240 AD Rosmalen · https://www.bijstandnaarwerk.nl');
  });
});
