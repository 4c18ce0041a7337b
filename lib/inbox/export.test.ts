import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '@/lib/procedure/dates';
import { acknowledgementDue, nextDeadline, notAdmissibleNoticeDue, resolutionDue } from '@/lib/procedure/deadlines';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import { STATUSES, type Status } from '@/lib/procedure/vocabulary';
import { deadlineOf } from './view';
import { exportDeadline, CSV_OPTIONS, EXPORT_COLUMNS, EXPORT_LABELS, type ExportRecord, exportFilename, exportHeader, exportRow, neutralise } from './export';
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
  nextDue: '2026-04-13',
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
      { status: 'received', nextDue: '2026-03-16' },
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
      { resolutionExtendedTo: '2026-05-11', resolutionDue: '2026-05-11', nextDue: '2026-05-11', extensionCount: 2 },
      '2026-05-07',
      { nextDue: '2026-05-11', resolutionDue: '2026-05-11', extensions: '2', deadlineState: 'Binnenkort' },
    ],
    [
      'resolved: the outcome, no next deadline',
      { status: 'escalated', outcome: 'partly_upheld', nextDue: null },
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
        nextDue: null,
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

describe('exportDeadline: the inbox’s deadline from the due dates the database derived', () => {
  /** A record as the database gives it: the generated due dates computed by the procedure's own rules. */
  function record(receivedOn: string, status: Status, extendedTo: string | null, incidentDate: string | null): ExportRecord {
    const incident = incidentDate ? ({ ongoing: false, date: incidentDate } as const) : ({ ongoing: true } as const);
    const next = nextDeadline({ status, receivedOn, terms: DEFAULT_TERMS, incident, resolutionExtendedTo: extendedTo });
    const older = incidentDate !== null && incidentDate < addCalendarDays(receivedOn, -366);
    return {
      ...base,
      status,
      receivedOn,
      incidentDate,
      incidentOngoing: incidentDate === null,
      resolutionExtendedTo: extendedTo,
      acknowledgementDue: acknowledgementDue(receivedOn, DEFAULT_TERMS),
      noticeDue: older ? notAdmissibleNoticeDue(receivedOn, DEFAULT_TERMS) : null,
      resolutionDue: resolutionDue(receivedOn, DEFAULT_TERMS, extendedTo ? [{ newDue: extendedTo }] : []),
      nextDue: next?.due ?? null,
    };
  }

  // Around Christmas, Easter, King's Day and ordinary weeks; every status; extended or not; an old incident or not.
  const TODAYS = ['2026-12-22', '2026-04-01', '2026-04-24', '2026-06-10'];
  const cases = TODAYS.flatMap((today) =>
    [-50, -30, -20, -15, -14, -13, -12, -10, -5, -1, 0].flatMap((offset) =>
      STATUSES.flatMap((status) =>
        (
          [
            [null, null],
            [addCalendarDays(today, 3), null],
            [null, '2020-01-01'],
          ] as [string | null, string | null][]
        ).map(([extendedTo, incidentDate]) => [today, addCalendarDays(today, offset), status, extendedTo, incidentDate] as const),
      ),
    ),
  );

  it(`agrees with deadlineOf in all ${cases.length} cases`, () => {
    const disagreements = cases.filter(([today, received, status, extendedTo, incidentDate]) => {
      const r = record(received, status, extendedTo, incidentDate);
      const inbox = deadlineOf(r, today);
      const mine = exportDeadline(r, today);
      return JSON.stringify(mine) !== JSON.stringify(inbox && { clock: inbox.clock, due: inbox.due, state: inbox.state });
    });
    expect(disagreements).toEqual([]);
    // The cases reach every clock and every state.
    const seen = new Set(cases.map(([today, received, status, e, i]) => { const d = exportDeadline(record(received, status, e, i), today); return d ? `${d.clock}/${d.state}` : 'none'; }));
    expect([...seen].sort()).toEqual(expect.arrayContaining(['acknowledgement/overdue', 'acknowledgement/due_soon', 'resolution/on_time', 'resolution/due_soon', 'notAdmissibleNotice/overdue', 'none']));
  });
});

describe('exportFilename', () => {
  it.each([
    ['2026-12-02', 'klachten-2026-12-02.csv'],
    ['2027-01-01', 'klachten-2027-01-01.csv'],
  ])('%s → %s', (today, name) => expect(exportFilename(today)).toBe(name));
});
