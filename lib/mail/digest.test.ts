import { describe, expect, it } from 'vitest';
import type { Organisation } from '@/lib/organisation';
import { addCalendarDays, type IsoDate } from '@/lib/procedure/dates';
import { deadlineState } from '@/lib/procedure/deadlines';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import type { Status } from '@/lib/procedure/vocabulary';
import { DIGEST_MAX_LINES, type DigestComplaint, digestFor, digestLetter, digestLines, digestMoment, dueSoonUntil, lineText, remaining } from './digest';
import { letterHtml } from './html';

const org: Organisation = {
  name: 'Werkpunt Oost',
  phone: '053 123 45 67',
  email: 'klachten@werkpunt.example',
  postalAddress: 'Postbus 1, 7500 AA Enschede',
  website: null,
  signature: 'Hartelijke groet,\nTeam Kwaliteit Werkpunt Oost',
};
const BASE = 'https://klachten.example';

describe('when the digest is due: working days from 07:00 in Amsterdam', () => {
  it.each([
    ['2026-12-02T06:00:00Z', { due: true, day: '2026-12-02' }], // Wednesday 07:00 (winter time)
    ['2026-12-02T05:59:59Z', { due: false, day: '2026-12-02', reason: 'too-early' }], // 06:59
    ['2026-12-02T22:59:00Z', { due: true, day: '2026-12-02' }], // 23:59 still the same day
    ['2026-12-02T23:30:00Z', { due: false, day: '2026-12-03', reason: 'too-early' }], // 00:30 the next day
    ['2026-07-01T05:00:00Z', { due: true, day: '2026-07-01' }], // 07:00 summer time
    ['2026-07-01T04:59:00Z', { due: false, day: '2026-07-01', reason: 'too-early' }],
    ['2026-12-05T10:00:00Z', { due: false, day: '2026-12-05', reason: 'not-a-working-day' }], // Saturday
    ['2026-12-06T10:00:00Z', { due: false, day: '2026-12-06', reason: 'not-a-working-day' }], // Sunday
    ['2026-12-25T10:00:00Z', { due: false, day: '2026-12-25', reason: 'not-a-working-day' }], // Christmas, a Friday
    ['2026-04-27T10:00:00Z', { due: false, day: '2026-04-27', reason: 'not-a-working-day' }], // King's Day, a Monday
    ['2026-04-06T10:00:00Z', { due: false, day: '2026-04-06', reason: 'not-a-working-day' }], // Easter Monday
    ['2026-04-03T10:00:00Z', { due: true, day: '2026-04-03' }], // Good Friday is a working day (holidays.ts)
    ['2026-12-28T06:00:00Z', { due: true, day: '2026-12-28' }],
  ])('%s → %j', (instant, expected) => {
    expect(digestMoment(new Date(instant))).toEqual(expected);
  });
});

describe('the last due date that counts as due soon', () => {
  it.each([
    ['2026-12-02', '2026-12-07'], // Wed: Thu, Fri, Mon are the three working days; Tuesday is the fourth
    ['2026-12-04', '2026-12-09'], // Fri: over the weekend
    ['2026-12-21', '2026-12-27'], // Mon: Christmas and the weekend do not count
    ['2026-12-24', '2026-12-30'], // Thu: 25, 26, 27 off; Mon 28, Tue 29, Wed 30
  ])('on %s: up to and including %s', (today, until) => {
    expect(dueSoonUntil(today)).toBe(until);
  });

  it.each(['2026-12-02', '2026-12-04', '2026-12-21', '2026-12-24', '2026-04-24', '2027-01-04'])(
    'on %s it agrees with deadlineState for every due date around it',
    (today) => {
      const until = dueSoonUntil(today);
      for (let due = addCalendarDays(today, -5); due <= addCalendarDays(until, 5); due = addCalendarDays(due, 1)) {
        expect(deadlineState(due, today) !== 'on_time', due).toBe(due <= until);
      }
    },
  );
});

let nextId = 0;
function complaint(
  reference: string,
  status: Status,
  receivedOn: IsoDate,
  more: { incident?: IsoDate; extendedTo?: IsoDate; handlerId?: number | null; handlerName?: string | null } = {},
): DigestComplaint {
  return {
    id: ++nextId,
    reference,
    status,
    receivedOn,
    terms: DEFAULT_TERMS,
    incident: more.incident ? { ongoing: false, date: more.incident } : { ongoing: true },
    resolutionExtendedTo: more.extendedTo ?? null,
    handlerId: more.handlerId === undefined ? 1 : more.handlerId,
    handlerName: more.handlerName === undefined ? 'Anna' : more.handlerName,
  };
}

const TODAY = '2026-12-02'; // a Wednesday; due soon = up to Monday 7 December

describe('which clocks a digest lists', () => {
  it.each<[string, DigestComplaint, string[]]>([
    ['acknowledgement due today', complaint('A', 'received', '2026-11-18'), ['acknowledgement 2026-12-02 due_soon']],
    ['acknowledgement late, resolution still far', complaint('B', 'received', '2026-11-10'), ['acknowledgement 2026-11-24 overdue']],
    ['resolution due in three working days', complaint('C', 'in_progress', '2026-10-26'), ['resolution 2026-12-07 due_soon']],
    ['resolution due in four working days', complaint('D', 'in_progress', '2026-10-27'), []],
    ['waiting for information: the clock runs', complaint('E', 'info_requested', '2026-10-20'), ['resolution 2026-12-01 overdue']],
    ['too old: the notice is due today', complaint('F', 'acknowledged', '2026-11-04', { incident: '2025-01-01' }), ['notAdmissibleNotice 2026-12-02 due_soon']],
    ['too old, late and received: two clocks', complaint('G', 'received', '2026-10-25', { incident: '2025-01-01' }), [
      'acknowledgement 2026-11-08 overdue',
      'notAdmissibleNotice 2026-11-22 overdue',
      'resolution 2026-12-06 due_soon',
    ]],
    ['extended into the future', complaint('H', 'in_progress', '2026-10-01', { extendedTo: '2026-12-29' }), []],
    ['extended, and that is past', complaint('I', 'in_progress', '2026-10-01', { extendedTo: '2026-12-01' }), ['resolution 2026-12-01 overdue']],
    ['closed: nothing runs', complaint('J', 'resolved', '2026-10-01'), []],
    ['withdrawn: nothing runs', complaint('K', 'withdrawn', '2026-10-01'), []],
  ])('%s', (_, c, expected) => {
    expect(digestLines([c], TODAY).map((l) => `${l.clock} ${l.due} ${l.state}`)).toEqual(expected);
  });

  it('sorts by due date, then reference; overdueOnly leaves the due-soon ones out', () => {
    const list = [complaint('KL-2', 'in_progress', '2026-10-26'), complaint('KL-1', 'received', '2026-11-10'), complaint('KL-0', 'info_requested', '2026-10-20')];
    expect(digestLines(list, TODAY).map((l) => l.reference)).toEqual(['KL-1', 'KL-0', 'KL-2']);
    expect(digestLines(list, TODAY, { overdueOnly: true }).map((l) => l.reference)).toEqual(['KL-1', 'KL-0']);
  });

  it('a handler gets their own; a manager also everyone else’s overdue ones; unassigned ones only reach managers', () => {
    const list = [
      complaint('OWN-SOON', 'in_progress', '2026-10-26', { handlerId: 7 }),
      complaint('OWN-LATE', 'received', '2026-11-10', { handlerId: 7 }),
      complaint('OTHER-SOON', 'in_progress', '2026-10-26', { handlerId: 8, handlerName: 'Bram' }),
      complaint('OTHER-LATE', 'received', '2026-11-10', { handlerId: 8, handlerName: 'Bram' }),
      complaint('NOBODY-LATE', 'received', '2026-11-10', { handlerId: null, handlerName: null }),
    ];
    const refs = (d: ReturnType<typeof digestFor>) => ({ own: d.own.map((l) => l.reference), others: d.others.map((l) => l.reference) });
    expect(refs(digestFor({ id: 7, name: 'Anna', role: 'handler' }, list, TODAY))).toEqual({ own: ['OWN-LATE', 'OWN-SOON'], others: [] });
    expect(refs(digestFor({ id: 7, name: 'Anna', role: 'manager' }, list, TODAY))).toEqual({ own: ['OWN-LATE', 'OWN-SOON'], others: ['NOBODY-LATE', 'OTHER-LATE'] });
    expect(refs(digestFor({ id: 9, name: 'Mira', role: 'manager' }, list, TODAY))).toEqual({ own: [], others: ['NOBODY-LATE', 'OTHER-LATE', 'OWN-LATE'] });
    expect(refs(digestFor({ id: 10, name: 'Ad', role: 'admin' }, list, TODAY))).toEqual({ own: [], others: [] });
  });
});

describe('how a line reads', () => {
  it.each([
    ['2026-12-02', '2026-11-24', '8 dagen te laat'],
    ['2026-12-02', '2026-12-01', '1 dag te laat'],
    ['2026-12-02', '2026-12-02', 'vandaag'],
    ['2026-12-02', '2026-12-03', 'nog 1 werkdag'],
    ['2026-12-02', '2026-12-07', 'nog 3 werkdagen'],
    ['2026-12-04', '2026-12-06', 'vandaag is de laatste werkdag'], // Friday, due on Sunday
    ['2026-12-24', '2026-12-26', 'vandaag is de laatste werkdag'], // due on Boxing Day
    ['2026-12-24', '2026-12-28', 'nog 1 werkdag'],
  ])('on %s, due %s: %s', (today, due, expected) => {
    expect(remaining(due, today)).toBe(expected);
  });

  it.each([
    [{ clock: 'acknowledgement', due: '2026-11-24', state: 'overdue', handlerName: 'Bram' }, false, '- KL-2026-0042 · Ontvangstbevestiging · uiterlijk 24 november 2026 · 8 dagen te laat · https://klachten.example/beheer/klachten/42'],
    [{ clock: 'resolution', due: '2026-12-07', state: 'due_soon', handlerName: 'Bram' }, false, '- KL-2026-0042 · Afhandeling · uiterlijk 7 december 2026 · nog 3 werkdagen · https://klachten.example/beheer/klachten/42'],
    [{ clock: 'notAdmissibleNotice', due: '2026-12-01', state: 'overdue', handlerName: 'Bram' }, true, '- KL-2026-0042 · Bericht niet-ontvankelijk · uiterlijk 1 december 2026 · 1 dag te laat · behandelaar: Bram · https://klachten.example/beheer/klachten/42'],
    [{ clock: 'resolution', due: '2026-12-01', state: 'overdue', handlerName: null }, true, '- KL-2026-0042 · Afhandeling · uiterlijk 1 december 2026 · 1 dag te laat · nog geen behandelaar · https://klachten.example/beheer/klachten/42'],
  ] as const)('%j (with handler: %s)', (line, withHandler, expected) => {
    expect(lineText({ complaintId: 42, reference: 'KL-2026-0042', ...line }, TODAY, BASE, { withHandler })).toBe(expected);
  });
});

describe('the digest letter', () => {
  const soon = digestLines([complaint('KL-2026-0001', 'in_progress', '2026-10-26')], TODAY);
  const late = digestLines([complaint('KL-2026-0002', 'received', '2026-11-10', { handlerName: 'Bram' })], TODAY);

  it('is not written when there is nothing to list', () => {
    expect(digestLetter({ name: 'Anna', today: TODAY, own: [], others: [], baseUrl: BASE, organisation: org })).toBeNull();
  });

  it('a handler: their own complaints, the counts in the subject, the organisation’s signature', () => {
    const letter = digestLetter({ name: 'Anna', today: TODAY, own: [...late, ...soon], others: [], baseUrl: BASE, organisation: org })!;
    expect(letter.subject).toBe('Termijnen 2 december 2026: 1 te laat, 1 binnenkort');
    expect(letter.text).toBe(
      [
        'Beste Anna,',
        '',
        'Dit is uw overzicht van de termijnen van woensdag 2 december 2026: wat de komende 3 werkdagen afloopt en wat al te laat is.',
        '',
        'Uw klachten',
        `- KL-2026-0002 · Ontvangstbevestiging · uiterlijk 24 november 2026 · 8 dagen te laat · ${BASE}/beheer/klachten/${late[0]!.complaintId}`,
        `- KL-2026-0001 · Afhandeling · uiterlijk 7 december 2026 · nog 3 werkdagen · ${BASE}/beheer/klachten/${soon[0]!.complaintId}`,
        '',
        'U krijgt dit overzicht elke werkdag vanaf 7.00 uur, alleen als er iets op staat.',
        '',
        'Hartelijke groet,',
        'Team Kwaliteit Werkpunt Oost',
        '053 123 45 67 · klachten@werkpunt.example · Postbus 1, 7500 AA Enschede',
      ].join('\n'),
    );
    expect(letter.doc.body.filter((i) => i.t === 'item')).toHaveLength(2);
    expect(letter.doc.body).toContainEqual({ t: 'heading', text: 'Uw klachten' });
  });

  it('a manager: everyone else’s overdue complaints with their handler, under their own heading', () => {
    const letter = digestLetter({ name: 'Mira', today: TODAY, own: [], others: late, baseUrl: BASE, organisation: org })!;
    expect(letter.subject).toBe('Termijnen 2 december 2026: 1 te laat');
    expect(letter.text).not.toContain('Uw klachten');
    expect(letter.text).toContain('Te laat bij anderen\n- KL-2026-0002 · Ontvangstbevestiging · uiterlijk 24 november 2026 · 8 dagen te laat · behandelaar: Bram ·');
  });

  it(`a long list stops at ${DIGEST_MAX_LINES} lines and links to the inbox for the rest`, () => {
    const many = digestLines(
      Array.from({ length: DIGEST_MAX_LINES + 3 }, (_, i) => complaint(`KL-2026-${String(i).padStart(4, '0')}`, 'info_requested', '2026-10-20')),
      TODAY,
    );
    const letter = digestLetter({ name: 'Mira', today: TODAY, own: [], others: many, baseUrl: BASE, organisation: org })!;
    expect(letter.subject).toBe(`Termijnen 2 december 2026: ${DIGEST_MAX_LINES + 3} te laat`);
    expect(letter.doc.body.filter((i) => i.t === 'item')).toHaveLength(DIGEST_MAX_LINES);
    expect(letter.text).toContain(`En nog 3 in de inbox: ${BASE}/beheer?overdue=any`);
  });

  it('gets an HTML part with the lines as a list and the links as text', async () => {
    const letter = digestLetter({ name: 'Anna <b>', today: TODAY, own: [...late, ...soon], others: [], baseUrl: BASE, organisation: org })!;
    const html = await letterHtml(letter.doc, letter.subject);
    expect(html).toContain('<ul');
    expect(html).toContain(`${BASE}/beheer/klachten/${soon[0]!.complaintId}`);
    expect(html).toContain('Anna &lt;b&gt;');
  });
});
