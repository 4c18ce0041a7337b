import { execFileSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION, type Organisation } from '@/lib/organisation';
import { dejaVuSans } from '@/lib/reports/pdf-fonts';
import { type LetterComplaint, letterAddressee, letterheadLines, letterPdf, type LetterPdfInput } from './pdf';

const postal: LetterComplaint = {
  reference: 'KL-2026-0042',
  locale: 'nl',
  complainantName: 'Ayşe Şahin',
  complainantEmail: null,
  addressStreet: 'Kerkstraat 12',
  addressPostcode: '5341 AB',
  addressCity: 'Oss',
};
const byMail: LetterComplaint = { ...postal, complainantName: 'Łukasz Nowak', complainantEmail: 'lukasz@example.test', addressStreet: null, addressPostcode: null, addressCity: null, locale: 'en' };
const both: LetterComplaint = { ...postal, complainantEmail: 'ayse@example.test' };
const party = { name: 'Gemeente Oss', email: 'klachten@oss.example' };

describe('letterAddressee', () => {
  it.each<[string, Parameters<typeof letterAddressee>, ReturnType<typeof letterAddressee>]>([
    [
      'a letter to a postal client: name and address, in the complaint’s language',
      [{ medium: 'post', recipient: 'Ayşe Şahin\nKerkstraat 12\n5341 AB Oss' }, postal, null],
      { lines: ['Ayşe Şahin', 'Kerkstraat 12', '5341 AB Oss'], locale: 'nl', toClient: true },
    ],
    [
      'an e-mail to a client who also gave a postal address: the address',
      [{ medium: 'email', recipient: 'AYSE@example.test' }, both, party],
      { lines: ['Ayşe Şahin', 'Kerkstraat 12', '5341 AB Oss'], locale: 'nl', toClient: true },
    ],
    [
      'an e-mail to a client without postal address: the name only, in English when the complaint is',
      [{ medium: 'email', recipient: 'lukasz@example.test' }, byMail, null],
      { lines: ['Łukasz Nowak'], locale: 'en', toClient: true },
    ],
    [
      'the dossier to the contracting party by e-mail: its name (no address on record)',
      [{ medium: 'email', recipient: 'klachten@oss.example' }, byMail, party],
      { lines: ['Gemeente Oss'], locale: 'nl', toClient: false },
    ],
    [
      'a letter to a party without e-mail: its name, as stored',
      [{ medium: 'post', recipient: 'UWV Den Bosch' }, postal, { name: 'UWV Den Bosch', email: null }],
      { lines: ['UWV Den Bosch'], locale: 'nl', toClient: false },
    ],
    [
      'a letter to a staff member: as stored, in Dutch',
      [{ medium: 'post', recipient: 'Sanne de Vries' }, byMail, null],
      { lines: ['Sanne de Vries'], locale: 'nl', toClient: false },
    ],
    [
      'a message that belongs to no complaint',
      [{ medium: 'email', recipient: 'nieuw@klachtloket.test' }, null, null],
      { lines: ['nieuw@klachtloket.test'], locale: 'nl', toClient: false },
    ],
    [
      'control characters and extra spaces are cleaned; at most six lines',
      [{ medium: 'post', recipient: 'A\u0007  B\n\n2\n3\n4\n5\n6\n7' }, null, null],
      { lines: ['A B', '2', '3', '4', '5', '6'], locale: 'nl', toClient: false },
    ],
  ])('%s', (_label, args, expected) => expect(letterAddressee(...args)).toEqual(expected));
});

describe('letterheadLines', () => {
  it.each<[Partial<Organisation>, string[]]>([
    [{}, ['Postbus 170, 5240 AD Rosmalen', '06 20 76 36 88', 'info@bijstandnaarwerk.nl', 'https://www.bijstandnaarwerk.nl']],
    [{ website: null }, ['Postbus 170, 5240 AD Rosmalen', '06 20 76 36 88', 'info@bijstandnaarwerk.nl']],
  ])('%j', (change, lines) => expect(letterheadLines({ ...DEFAULT_ORGANISATION, ...change })).toEqual(lines));
});

const pdfText = (bytes: Uint8Array, args: string[] = ['-layout']) => execFileSync('pdftotext', [...args, '-', '-'], { input: bytes, encoding: 'utf8' });
const mm = (n: number) => Math.round((n * 72) / 25.4);

function input(overrides: Partial<LetterPdfInput> = {}): LetterPdfInput {
  return {
    organisation: { ...DEFAULT_ORGANISATION, name: 'Stichting Şahin & Łukasz' },
    addressee: letterAddressee({ medium: 'post', recipient: 'Ayşe Şahin\nKerkstraat 12\n5341 AB Oss' }, postal, null),
    reference: 'KL-2026-0042',
    date: '2026-03-02',
    subject: 'Ontvangstbevestiging van uw klacht KL-2026-0042',
    body: 'Beste Ayşe Şahin,\n\nWij hebben uw klacht ontvangen.\n\nMet vriendelijke groet,\nKlachtloket',
    ...overrides,
  };
}

describe('the letter as PDF', () => {
  it('A4 with letterhead, date, reference, subject and text; names like Şahin and Łukasz print', async () => {
    const bytes = await letterPdf(input(), await dejaVuSans());
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(doc.getTitle()).toBe('Ontvangstbevestiging van uw klacht KL-2026-0042');
    const text = pdfText(bytes);
    for (const expected of [
      'Stichting Şahin & Łukasz',
      'Postbus 170, 5240 AD Rosmalen',
      'info@bijstandnaarwerk.nl',
      'Retouradres: Stichting Şahin & Łukasz, Postbus 170, 5240 AD Rosmalen',
      '2 maart 2026',
      'KL-2026-0042',
      'Ontvangstbevestiging van uw klacht KL-2026-0042',
      'Beste Ayşe Şahin,',
      'Pagina 1 van 1',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).toMatch(/Datum\s+2 maart 2026/);
    expect(text).toMatch(/Ons kenmerk\s+KL-2026-0042/);
  });

  it('the address sits where a left-window envelope shows it (22 mm from the left, 50 mm from the top, 85 × 40 mm)', async () => {
    const bytes = await letterPdf(input(), await dejaVuSans());
    const window = pdfText(bytes, ['-x', String(mm(22)), '-y', String(mm(50)), '-W', String(mm(85)), '-H', String(mm(40))]);
    expect(window.split('\n').map((l) => l.trim()).filter(Boolean)).toEqual(['Ayşe Şahin', 'Kerkstraat 12', '5341 AB Oss']);
  });

  it('an English letter has English labels', async () => {
    const addressee = letterAddressee({ medium: 'email', recipient: 'lukasz@example.test' }, byMail, null);
    const text = pdfText(await letterPdf(input({ addressee, date: '2026-03-02' }), await dejaVuSans()));
    expect(text).toMatch(/Date\s+2 March 2026/);
    expect(text).toMatch(/Our reference\s+KL-2026-0042/);
    expect(text).toContain('Return address:');
    expect(text).toContain('Page 1 of 1');
    expect(text).toContain('Łukasz Nowak');
  });

  it('hostile text stays text: markup, an RTL mark, and a 300-character word that wraps inside the margins', async () => {
    const word = 'W'.repeat(300);
    const body = `Beste <script>alert(1)</script>,\n"><img src=x onerror=alert(1)>\n\u200Fשלום\u200F 🙂 🦄\n${word}\neinde`;
    const bytes = await letterPdf(input({ body }), await dejaVuSans());
    const text = pdfText(bytes);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('"><img src=x onerror=alert(1)>');
    for (const letter of 'שלום') expect(text).toContain(letter);
    expect(text).toContain('einde');
    // Every W is there, over several lines, and none of them runs past the right margin (20 mm).
    expect(text.replace(/[^W]/g, '')).toHaveLength(300);
    expect(text.split('\n').filter((l) => l.includes('W')).length).toBeGreaterThan(3);
    const rightMargin = pdfText(bytes, ['-x', String(mm(190)), '-y', '0', '-W', String(mm(20)), '-H', String(mm(297))]);
    expect(rightMargin).not.toContain('W');
  });

  it('a long letter runs onto more pages, each with the reference and its number', async () => {
    const body = Array.from({ length: 120 }, (_, i) => `Regel ${i + 1} van een lange brief met Łódź en Ærøskøbing.`).join('\n');
    const bytes = await letterPdf(input({ body }), await dejaVuSans());
    const doc = await PDFDocument.load(bytes);
    const pages = doc.getPageCount();
    expect(pages).toBeGreaterThan(2);
    const text = pdfText(bytes);
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Pagina ${n} van ${pages} · KL-2026-0042`);
    expect(text).toContain('Regel 1 van');
    expect(text).toContain('Regel 120 van');
    // Nothing is lost between pages.
    for (let i = 1; i <= 120; i++) expect(text).toContain(`Regel ${i} van`);
    // Later pages name the organisation and the reference at the top.
    const page2 = pdfText(bytes, ['-f', '2', '-l', '2']);
    expect(page2.trimStart().startsWith('Stichting Şahin & Łukasz · KL-2026-0042')).toBe(true);
  });

  it('a letter without a complaint has no reference line', async () => {
    const text = pdfText(await letterPdf(input({ reference: null }), await dejaVuSans()));
    expect(text).not.toContain('Ons kenmerk');
    expect(text).toContain('Pagina 1 van 1');
  });
});
