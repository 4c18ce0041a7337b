import { execFileSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION } from '@/lib/organisation';
import { dejaVuSans } from '@/lib/reports/pdf-fonts';
import { complaintFormEtag } from './complaint-form-load';
import { type ComplaintFormInput, complaintFormPdf, complaintFormTexts } from './complaint-form-pdf';

const input = (overrides: Partial<ComplaintFormInput> = {}): ComplaintFormInput => ({
  locale: 'nl',
  organisation: { ...DEFAULT_ORGANISATION, name: 'Stichting Şahin & Łukasz', postalAddress: 'Postbus 170, 5240 AD Rosmalen' },
  categories: ['Bejegening door adviseur', 'Mijn traject', 'Privacy'],
  terms: { acknowledgementDays: 14, retentionMonths: 24 },
  ...overrides,
});

const pdfText = (bytes: Uint8Array) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes, encoding: 'utf8' });

describe('complaintFormTexts', () => {
  it.each<[string, Partial<ComplaintFormInput>, Record<string, unknown>]>([
    [
      'Dutch: the online form’s own questions, the address split into lines, the terms in words',
      {},
      {
        heading: 'Klachtenformulier',
        name: 'Uw naam *',
        description: 'Wat is er gebeurd? *',
        desiredOutcome: 'Wat zou u willen dat er gebeurt? (niet verplicht)',
        address: ['Stichting Şahin & Łukasz', 'Postbus 170', '5240 AD Rosmalen'],
        after: 'Binnen 2 weken krijgt u een brief dat wij uw klacht hebben ontvangen, met een referentienummer.',
        partyChoices: ['Mijn werkgever', 'De gemeente', 'UWV', 'Weet ik niet'],
        online: 'Liever online? Dat kan ook: https://www.bijstandnaarwerk.nl',
      },
    ],
    [
      'English',
      { locale: 'en' },
      {
        heading: 'Complaint form',
        description: 'What happened? *',
        online: 'Prefer to do it online? You can: https://www.bijstandnaarwerk.nl/en',
      },
    ],
    ['no website: no online line', { organisation: { ...DEFAULT_ORGANISATION, website: null } }, { online: null }],
    [
      'other terms',
      { terms: { acknowledgementDays: 10, retentionMonths: 12 } },
      { after: 'Binnen 10 dagen krijgt u een brief dat wij uw klacht hebben ontvangen, met een referentienummer.' },
    ],
  ])('%s', (_label, change, expected) => expect(complaintFormTexts(input(change))).toMatchObject(expected));

  it('Dutch and English ask the same questions', () => {
    const nl = complaintFormTexts(input());
    const en = complaintFormTexts(input({ locale: 'en' }));
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    expect(en.name).not.toBe(nl.name);
  });
});

describe('complaintFormEtag', () => {
  it('changes with every setting the form shows, and only then', () => {
    const base = complaintFormEtag(input());
    expect(complaintFormEtag(input())).toBe(base);
    expect(base).toMatch(/^"form-[\w-]+"$/);
    for (const change of [
      { locale: 'en' as const },
      { categories: ['Privacy'] },
      { terms: { acknowledgementDays: 10, retentionMonths: 24 } },
      { organisation: { ...input().organisation, postalAddress: 'Postbus 1, 1000 AA Amsterdam' } },
    ]) {
      expect(complaintFormEtag(input(change)), JSON.stringify(change)).not.toBe(base);
    }
  });
});

describe('the blank form as PDF', () => {
  it.each(['nl', 'en'] as const)('%s: A4, every question, the categories and where to send it', async (locale) => {
    const bytes = await complaintFormPdf(input({ locale }), await dejaVuSans());
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    const text = pdfText(bytes).replace(/[ \t]+/g, ' ');
    const t = complaintFormTexts(input({ locale }));
    for (const expected of [
      t.heading,
      'Stichting Şahin & Łukasz',
      'Postbus 170',
      '5240 AD Rosmalen',
      t.name,
      t.email,
      t.street,
      t.postcode,
      t.city,
      t.category,
      t.staff,
      t.incidentWhen,
      t.incidentOngoing,
      t.description,
      t.desiredOutcome,
      t.party,
      ...t.partyChoices,
      t.partyName,
      t.consent,
      t.signature,
      'Bejegening door adviseur',
      'Privacy',
      t.page(1, doc.getPageCount()),
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('without categories (database unreachable) it asks for the subject in words', async () => {
    const text = pdfText(await complaintFormPdf(input({ categories: [] }), await dejaVuSans()));
    expect(text).toContain('Waar gaat uw klacht over? *');
    expect(text).not.toContain('Privacy');
  });
});
