import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import { CSV_OPTIONS, EXPORT_COLUMNS, EXPORT_LABELS, type ExportRecord, exportFilename, exportHeader, exportRow, neutralise } from './export';
import { parseCsv } from './parse-csv';

const csv = (rows: string[][]) => stringify(rows, CSV_OPTIONS);
const BOM = '\uFEFF';

describe('neutralise: formula injection', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+31 6 12345678', "'+31 6 12345678"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tindent', "'\tindent"],
    ['\rcarriage', "'\rcarriage"],
    ['Jansen', 'Jansen'],
    ['', ''],
    ['a=b', 'a=b'],
    [" =leading space", ' =leading space'],
    ["'already", "'already"],
    ['KL-2026-0042', 'KL-2026-0042'],
    ['2026-03-01', '2026-03-01'],
  ])('%j → %j', (input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });
});

describe('the CSV dialect (csv-stringify with CSV_OPTIONS)', () => {
  it.each<[string, string[], string]>([
    ['plain cells', ['KL-2026-0001', 'Jansen'], 'KL-2026-0001;Jansen\r\n'],
    ['a semicolon is quoted', ['a;b', 'c'], '"a;b";c\r\n'],
    ['a quote is doubled and quoted', ['zei "nee"', 'x'], '"zei ""nee""";x\r\n'],
    ['a line feed is quoted', ['regel 1\nregel 2', 'x'], '"regel 1\nregel 2";x\r\n'],
    ['a lone CR is quoted', ['a\rb', 'x'], '"a\rb";x\r\n'],
    ['a tab is quoted', ['a\tb', 'x'], '"a\tb";x\r\n'],
    ['a formula is neutralised', ['=HYPERLINK("http://x")', 'x'], `"'=HYPERLINK(""http://x"")";x\r\n`],
    ['a leading tab is neutralised and quoted', ['\t=1', 'x'], `"'\t=1";x\r\n`],
    ['a leading minus is neutralised', ['-1', '+1'], "'-1;'+1\r\n"],
    ['non-ASCII stays UTF-8 text', ['Şahin', 'Łukasz Ørsted'], 'Şahin;Łukasz Ørsted\r\n'],
    ['empty cells stay empty', ['', 'x', ''], ';x;\r\n'],
  ])('%s', (_, row, expected) => {
    expect(csv([row])).toBe(BOM + expected);
  });

  it('starts with one BOM and separates records with CRLF', () => {
    const out = csv([['a'], ['b'], ['c']]);
    expect(out).toBe(`${BOM}a\r\nb\r\nc\r\n`);
  });

  it.each([
    [['=1+1', 'a;b', 'zei "ja"', 'x\r\ny', '\rz', 'Şahin', '']],
    [['-', '+', '@', '=']],
  ])('parses back to the neutralised cells: %j', (row) => {
    expect(parseCsv(csv([row]))).toEqual([row.map(neutralise)]);
  });
});

const base: ExportRecord = {
  id: 7,
  reference: 'KL-2026-0007',
  complainantName: 'Ayşe Şahin',
  receivedOn: '2026-03-02',
  status: 'acknowledged',
  channel: 'phone',
  categoryName: 'Bejegening door adviseur',
  handlerId: 3,
  handlerName: 'Fatima el Amrani',
  terms: DEFAULT_TERMS,
  incidentDate: null,
  incidentOngoing: true,
  resolutionExtendedTo: null,
  partyName: 'Gemeente Oss',
  partyType: 'municipality',
  partyChoice: 'municipality',
  acknowledgementDue: '2026-03-16',
  noticeDue: null,
  resolutionDue: '2026-04-13',
  extensionCount: 0,
  outcome: null,
  notAdmissibleGround: null,
};

const cellsOf = (record: Partial<ExportRecord>, today = '2026-03-20') => {
  const row = exportRow({ ...base, ...record }, today, EXPORT_LABELS);
  return Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, row[i]]));
};

describe('exportRow', () => {
  it('has a Dutch header for every column, in order', () => {
    expect(exportHeader(EXPORT_LABELS)).toEqual([
      'Kenmerk',
      'Naam klager',
      'Ontvangen',
      'Kanaal',
      'Status',
      'Categorie',
      'Behandelaar',
      'Opdrachtgever',
      'Soort opdrachtgever',
      'Eerstvolgende termijn',
      'Eerstvolgende termijn uiterlijk',
      'Stand termijn',
      'Ontvangstbevestiging uiterlijk',
      'Bericht niet-ontvankelijk uiterlijk',
      'Afhandeling uiterlijk',
      'Aantal verlengingen',
      'Uitkomst',
      'Grond niet in behandeling',
    ]);
  });

  it.each<[string, Partial<ExportRecord>, string, Record<string, string>]>([
    [
      'an open complaint: labels, dates as yyyy-mm-dd, the next deadline and its state',
      {},
      '2026-03-20',
      {
        reference: 'KL-2026-0007',
        complainant: 'Ayşe Şahin',
        received: '2026-03-02',
        channel: 'Telefoon',
        status: 'Ontvangst bevestigd',
        handler: 'Fatima el Amrani',
        party: 'Gemeente Oss',
        partyType: 'Gemeente',
        nextClock: 'Afhandeling',
        nextDue: '2026-04-13',
        deadlineState: 'Op tijd',
        acknowledgementDue: '2026-03-16',
        noticeDue: '',
        resolutionDue: '2026-04-13',
        extensions: '0',
        outcome: '',
        ground: '',
      },
    ],
    [
      'not acknowledged past its due date: overdue on the acknowledgement clock',
      { status: 'received' },
      '2026-03-20',
      { status: 'Ontvangen', nextClock: 'Ontvangstbevestiging', nextDue: '2026-03-16', deadlineState: 'Te laat' },
    ],
    [
      'nobody assigned, no party linked: empty handler, the client’s own choice as type',
      { handlerId: null, handlerName: null, partyName: null, partyType: null, partyChoice: 'unknown' },
      '2026-03-20',
      { handler: '', party: '', partyType: 'Onbekend' },
    ],
    [
      'the client said employer but no party is linked',
      { partyName: null, partyType: null, partyChoice: 'employer' },
      '2026-03-20',
      { party: '', partyType: 'Werkgever' },
    ],
    [
      'extended: the due date in force and the count',
      { resolutionExtendedTo: '2026-05-11', resolutionDue: '2026-05-11', extensionCount: 2 },
      '2026-05-07',
      { nextDue: '2026-05-11', resolutionDue: '2026-05-11', extensions: '2', deadlineState: 'Binnenkort' },
    ],
    [
      'resolved: the outcome, no next deadline',
      { status: 'escalated', outcome: 'partly_upheld' },
      '2026-03-20',
      { status: 'Voorgelegd aan opdrachtgever', outcome: 'Deels gegrond', nextClock: '', nextDue: '', deadlineState: '' },
    ],
    [
      'not admissible: the ground and the notice due date',
      {
        status: 'not_admissible',
        notAdmissibleGround: 'incident_older_than_limit',
        incidentOngoing: false,
        incidentDate: '2024-01-10',
        noticeDue: '2026-03-30',
      },
      '2026-03-20',
      { status: 'Niet in behandeling genomen', ground: 'Voorval langer dan een jaar geleden', noticeDue: '2026-03-30', nextDue: '' },
    ],
    [
      'a name that looks like a formula is kept here (the CSV options neutralise it)',
      { complainantName: '=cmd|calc' },
      '2026-03-20',
      { complainant: '=cmd|calc' },
    ],
  ])('%s', (_, record, today, expected) => {
    expect(cellsOf(record, today)).toMatchObject(expected);
  });

  it('writes one cell per column', () => {
    expect(exportRow(base, '2026-03-20', EXPORT_LABELS)).toHaveLength(EXPORT_COLUMNS.length);
  });
});

describe('exportFilename', () => {
  it.each([
    ['2026-12-02', 'klachten-2026-12-02.csv'],
    ['2027-01-01', 'klachten-2027-01-01.csv'],
  ])('%s → %s', (today, name) => expect(exportFilename(today)).toBe(name));
});
