import { execFileSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION } from '@/lib/organisation';
import { type AnnualMeasure, type AnnualTable, annualRegister, formatShare, parseYear, yearPeriod, yearsOffered } from './annual';
import { wrapText } from '@/lib/pdf/text';
import { annualPdf } from './annual-pdf';
import { dejaVuSans } from './pdf-fonts';
import type { ReportData } from './types';

const clock = (judged: number, onTime: number, pending = 0) => ({ judged, onTime, late: judged - onTime, pending });

const REPORT: ReportData = {
  period: { from: '2025-01-01', to: '2025-12-31' },
  volume: {
    granularity: 'month',
    buckets: [],
    received: 1234,
    receivedByChannel: { online: 700, phone: 300, email: 200, post: 34 },
    openNow: 17,
    closedInPeriod: 1100,
  },
  nature: {
    byCategory: [
      { code: 'bejegening', nameNl: 'Bejegening door adviseur', nameEn: 'Treatment', count: 1000 },
      { code: 'traject', nameNl: 'Inhoud traject', nameEn: 'Programme', count: 234 },
      { code: 'leeg', nameNl: 'Lege categorie', nameEn: 'Empty', count: 0 },
    ],
    byTeam: [{ key: 'Team Oss', count: 1234 }],
    byPartyType: [
      { key: 'municipality', count: 900 },
      { key: 'unknown', count: 334 },
    ],
    topParties: [{ id: 1, name: 'Bakkerij Jansen', type: 'employer', count: 3 }],
  },
  outcomes: {
    byOutcome: { upheld: 100, partly_upheld: 200, not_upheld: 500, resolved_to_satisfaction: 300, not_admissible: 50, withdrawn: 30, open: 54 },
    notAdmissibleByGround: { incident_older_than_limit: 40, handled_before: 10, objection_or_appeal: 0, criminal_investigation: 0, interest_too_small: 0 },
    escalated: 12,
    partyResponded: 9,
  },
  timeliness: {
    acknowledgement: clock(1200, 1150, 3),
    notAdmissibleNotice: clock(50, 49),
    resolution: clock(1000, 800, 20),
    extensions: { of: 1000, extended: 125, extendedTwiceOrMore: 4 },
    daysToOutcome: { count: 1100, median: 35, p90: 61 },
    overdueNow: { acknowledgement: 1, notAdmissibleNotice: 0, resolution: 2 },
  },
  measures: { byStatus: { planned: 1, in_progress: 1, done: 2, dropped: 1 }, overdue: 0, effect: [] },
  satisfaction: { decided: 0, answered: 0, satisfied: 0, forwardRequested: 0, byCategory: [] },
};

const MEASURES: AnnualMeasure[] = [
  { description: 'Training bejegening voor alle adviseurs', categoryName: 'Bejegening door adviseur', status: 'done', doneOn: '2025-05-12', dueOn: '2025-05-01' },
  { description: 'Terugbelafspraak binnen 2 werkdagen', categoryName: null, status: 'in_progress', doneOn: null, dueOn: '2026-02-01' },
  { description: 'Nieuwe brief voor ontvangstbevestiging', categoryName: 'Inhoud traject', status: 'planned', doneOn: null, dueOn: null },
];

const ORGANISATION = { ...DEFAULT_ORGANISATION, name: 'Stichting Şahin & Łukasz', website: null };

const doc = annualRegister({ year: 2025, organisation: ORGANISATION, report: REPORT, measures: MEASURES, today: '2026-01-15' });
const table = (id: string): AnnualTable => doc.sections.flatMap((s) => s.tables).find((t) => t.id === id)!;
const row = (id: string, label: string) => table(id).rows.find((r) => r[0] === label);

describe('year choice', () => {
  it.each<[string | string[] | undefined, number]>([
    ['2025', 2025],
    [['2024', '2025'], 2024],
    ['2019', 2026],
    ['2027', 2026],
    ['25', 2026],
    ['2025abc', 2026],
    [undefined, 2026],
  ])('jaar=%j → %i', (raw, year) => {
    expect(parseYear(raw, [2026, 2025, 2024], 2026)).toBe(year);
  });

  it.each<[number | null, number, number[]]>([
    [2024, 2026, [2026, 2025, 2024]],
    [null, 2026, [2026]],
    [2027, 2026, [2026]],
  ])('first complaint %s, this year %i → %j', (first, now, years) => expect(yearsOffered(first, now)).toEqual(years));

  it('a year is 1 January to 31 December', () => expect(yearPeriod(2026)).toEqual({ from: '2026-01-01', to: '2026-12-31' }));
});

describe('formatShare', () => {
  it.each([
    [1, 4, '25,0%'],
    [1, 3, '33,3%'],
    [0, 5, '0,0%'],
    [5, 5, '100,0%'],
    [0, 0, '–'],
  ])('%i of %i → %s', (part, whole, out) => expect(formatShare(part, whole)).toBe(out));
});

describe('the annual register document', () => {
  it('has a title, the organisation (no website when none) and the sections in order', () => {
    expect(doc.title).toBe('Klachtenregister 2025');
    expect(doc.subtitle).toContain('15 januari 2026');
    expect(doc.organisation.map((o) => o.label)).toEqual(['Naam', 'Postadres', 'Telefoon', 'E-mail']);
    expect(doc.organisation[0]!.value).toBe('Stichting Şahin & Łukasz');
    expect(doc.sections.map((s) => s.id)).toEqual(['volume', 'nature', 'outcomes', 'timeliness', 'escalations', 'measures']);
    expect(doc.footer(2, 3)).toBe('Stichting Şahin & Łukasz · Klachtenregister 2025 · Pagina 2 van 3');
  });

  it.each<[string, string, string[]]>([
    ['volume-totals', 'Ontvangen klachten in 2025', ['Ontvangen klachten in 2025', '1.234']],
    ['volume-totals', 'Afgesloten in 2025 (ook als ze eerder zijn ontvangen)', ['Afgesloten in 2025 (ook als ze eerder zijn ontvangen)', '1.100']],
    ['volume-totals', 'Nu nog in behandeling (alle jaren)', ['Nu nog in behandeling (alle jaren)', '17']],
    ['volume-channels', 'Online formulier', ['Online formulier', '700', '56,7%']],
    ['volume-channels', 'Post', ['Post', '34', '2,8%']],
    ['nature-categories', 'Bejegening door adviseur', ['Bejegening door adviseur', '1.000', '81,0%']],
    ['nature-categories', 'Lege categorie', ['Lege categorie', '0', '0,0%']],
    ['nature-party-types', 'Gemeente', ['Gemeente', '900', '72,9%']],
    ['nature-party-types', 'Werkgever', ['Werkgever', '0', '0,0%']],
    ['nature-party-types', 'Onbekend', ['Onbekend', '334', '27,1%']],
    ['outcomes-keys', 'Gegrond', ['Gegrond', '100', '8,1%']],
    ['outcomes-keys', 'Nog niet afgerond', ['Nog niet afgerond', '54', '4,4%']],
    ['outcomes-grounds', 'Voorval langer dan een jaar geleden', ['Voorval langer dan een jaar geleden', '40']],
    ['timeliness-clocks', 'Ontvangstbevestiging', ['Ontvangstbevestiging', '1.200', '1.150', '50', '95,8%', '3']],
    ['timeliness-clocks', 'Afhandeling (termijn die gold)', ['Afhandeling (termijn die gold)', '1.000', '800', '200', '80,0%', '20']],
    ['timeliness-days', 'Mediaan dagen van ontvangst tot uitkomst', ['Mediaan dagen van ontvangst tot uitkomst', '35']],
    ['timeliness-days', 'Waarvan verlengd', ['Waarvan verlengd', '125 (12,5%)']],
    ['escalations-counts', 'Waarvan de reactie van de opdrachtgever is vastgelegd', ['Waarvan de reactie van de opdrachtgever is vastgelegd', '9']],
    ['measures-counts', 'Uitgevoerd in 2025', ['Uitgevoerd in 2025', '1']],
    ['measures-counts', 'Gepland of in uitvoering', ['Gepland of in uitvoering', '2']],
    ['measures-list', 'Training bejegening voor alle adviseurs', ['Training bejegening voor alle adviseurs', 'Bejegening door adviseur', 'Uitgevoerd', 'uitgevoerd op 12 mei 2025']],
    ['measures-list', 'Terugbelafspraak binnen 2 werkdagen', ['Terugbelafspraak binnen 2 werkdagen', 'Algemeen', 'In uitvoering', 'gepland voor 1 februari 2026']],
    ['measures-list', 'Nieuwe brief voor ontvangstbevestiging', ['Nieuwe brief voor ontvangstbevestiging', 'Inhoud traject', 'Gepland', 'geen datum']],
  ])('%s: %s', (id, label, expected) => {
    expect(row(id, label)).toEqual(expected);
  });

  it('totals close the count tables', () => {
    expect(table('volume-channels').total).toEqual(['Totaal', '1.234', '100,0%']);
    expect(table('outcomes-grounds').total).toEqual(['Totaal', '50']);
  });

  it('every row has a cell per column', () => {
    for (const t of doc.sections.flatMap((s) => s.tables)) {
      for (const r of [...t.rows, ...(t.total ? [t.total] : [])]) expect(r, t.id).toHaveLength(t.columns.length);
      expect(t.align, t.id).toHaveLength(t.columns.length);
    }
  });

  it('names no contracting party and no team (they can point at people)', () => {
    const all = JSON.stringify(doc);
    expect(all).not.toContain('Bakkerij Jansen');
    expect(all).not.toContain('Team Oss');
  });

  it('with no complaints, shares are "–" instead of dividing by zero', () => {
    const empty = annualRegister({
      year: 2030,
      organisation: DEFAULT_ORGANISATION,
      report: { ...REPORT, volume: { ...REPORT.volume, received: 0 } },
      measures: [],
      today: '2030-02-01',
    });
    const channels = empty.sections[0]!.tables.find((t) => t.id === 'volume-channels')!;
    expect(channels.rows[0]![2]).toBe('–');
    expect(empty.sections.at(-1)!.tables.find((t) => t.id === 'measures-list')!.rows).toEqual([]);
  });
});

describe('wrapText', () => {
  const measure = (s: string) => s.length;
  it.each<[string, number, string[]]>([
    ['een twee drie', 20, ['een twee drie']],
    ['een twee drie', 8, ['een twee', 'drie']],
    ['abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['a\nb', 10, ['a', 'b']],
    ['', 10, ['']],
  ])('%j in %i', (text, width, lines) => expect(wrapText(text, measure, width)).toEqual(lines));
});

describe('the PDF', () => {
  it('embeds the font, carries the figures and names like Şahin, and numbers its pages', async () => {
    const many = Array.from({ length: 120 }, (_, i): AnnualMeasure => ({
      description: `Maatregel ${i + 1}: afspraken met Łódź en Ærøskøbing`,
      categoryName: 'Bejegening door adviseur',
      status: 'done',
      doneOn: '2025-06-01',
      dueOn: null,
    }));
    const long = annualRegister({ year: 2025, organisation: ORGANISATION, report: REPORT, measures: many, today: '2026-01-15' });
    const bytes = await annualPdf(long, await dejaVuSans());
    const loaded = await PDFDocument.load(bytes);
    const pages = loaded.getPageCount();
    expect(pages).toBeGreaterThan(2);
    expect(loaded.getTitle()).toBe('Klachtenregister 2025');

    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes, encoding: 'utf8' });
    expect(text).toContain('Klachtenregister 2025');
    expect(text).toContain('Stichting Şahin & Łukasz');
    expect(text).toMatch(/Ontvangen klachten in 2025\s+1\.234/);
    expect(text).toContain('Maatregel 120: afspraken met Łódź');
    expect(text).toContain('Ærøskøbing');
    // No word is broken in two: the status column is at least as wide as its longest word.
    expect(text.match(/Uitgevoerd /g)!.length).toBeGreaterThanOrEqual(120);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Pagina ${page} van ${pages}`);
    // The measures table goes on over several pages, with its header on each.
    expect(text.match(/Maatregel\s+Categorie\s+Stand\s+Datum/g)!.length).toBeGreaterThan(1);
  }, 30_000);
});
