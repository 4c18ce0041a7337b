import { describe, expect, it } from 'vitest';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import { HISTORY_ACTIONS } from './history-actions';
import { CLIENT_HISTORY_ACTIONS, type ClientFacts, type ClientHistoryRow, clientTimeline, clientView, timelineEntry } from './client-view';
import { STATUSES } from '@/lib/procedure/vocabulary';

// Received 2 March 2026; the default terms: acknowledgement 2026-03-16 (2 weeks), decision 2026-04-13 (6 weeks),
// not-admissible notice 2026-03-30 (4 weeks).
const RECEIVED = '2026-03-02';
const at = (day: string) => new Date(`${day}T10:00:00Z`);
const row = (action: string, day: string, details: Record<string, unknown> | null = null, reason: string | null = null): ClientHistoryRow => ({
  action,
  at: at(day),
  reason,
  details,
});

function facts(overrides: Partial<ClientFacts> = {}): ClientFacts {
  return {
    status: 'received',
    receivedOn: RECEIVED,
    terms: DEFAULT_TERMS,
    incidentDate: '2026-02-20',
    incidentOngoing: false,
    resolutionExtendedTo: null,
    outcome: null,
    notAdmissibleGround: null,
    party: null,
    ...overrides,
  };
}

const OSS = { name: 'Gemeente Oss', type: 'municipality' } as const;
const received = row('received', RECEIVED, { channel: 'online', receivedOn: RECEIVED });
const acknowledged = row('acknowledged', '2026-03-03', { medium: 'email' });
const extended = row('extended', '2026-04-01', { previousDue: '2026-04-13', newDue: '2026-05-11', days: 28 }, 'Wij wachten op het verslag van uw adviseur.');
const resolved = row('resolved', '2026-05-01', { outcome: 'partly_upheld', judgement: 'Deels terecht.', measures: ['Extra scholing'] }, 'Wij spraken uw adviseur.');
const escalated = row('escalated', '2026-05-10', { contractingPartyId: 3, contractingPartyName: 'Gemeente Oss' }, 'Ik ben het niet eens met het besluit.');

describe('clientView: what the client sees, for every status', () => {
  const cases: { name: string; facts: ClientFacts; history: ClientHistoryRow[]; expected: Partial<ReturnType<typeof clientView>> }[] = [
    {
      name: 'received: the acknowledgement and the decision are due',
      facts: facts(),
      history: [received],
      expected: {
        open: true,
        dates: [
          { key: 'received', date: RECEIVED },
          { key: 'ackBy', date: '2026-03-16' },
          { key: 'decisionBy', date: '2026-04-13' },
        ],
        outcome: null,
        routeOnward: null,
        forwardedTo: null,
        openQuestion: null,
        notAdmissible: null,
      },
    },
    {
      name: 'acknowledged: the day the confirmation was sent, and the decision date',
      facts: facts({ status: 'acknowledged' }),
      history: [received, acknowledged],
      expected: {
        open: true,
        dates: [
          { key: 'received', date: RECEIVED },
          { key: 'ackSent', date: '2026-03-03' },
          { key: 'decisionBy', date: '2026-04-13' },
        ],
      },
    },
    {
      name: 'in progress about something older than a year: when they hear whether we handle it',
      facts: facts({ status: 'in_progress', incidentDate: '2024-12-01' }),
      history: [received, acknowledged],
      expected: {
        dates: [
          { key: 'received', date: RECEIVED },
          { key: 'ackSent', date: '2026-03-03' },
          { key: 'noticeBy', date: '2026-03-30' },
          { key: 'decisionBy', date: '2026-04-13' },
        ],
      },
    },
    {
      name: 'in progress after an extension: the new date, and that it was extended from the first',
      facts: facts({ status: 'in_progress', resolutionExtendedTo: '2026-05-11' }),
      history: [received, acknowledged, extended],
      expected: {
        dates: [
          { key: 'received', date: RECEIVED },
          { key: 'ackSent', date: '2026-03-03' },
          { key: 'decisionByExtended', date: '2026-05-11', originalDate: '2026-04-13' },
        ],
      },
    },
    {
      name: 'waiting for the client: the open question and its answer date',
      facts: facts({ status: 'info_requested' }),
      history: [received, acknowledged, row('info_requested', '2026-03-10', { question: 'Wanneer was de afspraak?', answerBy: '2026-03-20', medium: 'email' })],
      expected: { openQuestion: { question: 'Wanneer was de afspraak?', answerBy: '2026-03-20' } },
    },
    {
      name: 'resolved: the outcome, the day it was decided, and the route onward to the named party',
      facts: facts({ status: 'resolved', outcome: 'partly_upheld', resolutionExtendedTo: '2026-05-11', party: OSS }),
      history: [received, acknowledged, extended, resolved],
      expected: {
        open: false,
        dates: [
          { key: 'received', date: RECEIVED },
          { key: 'ackSent', date: '2026-03-03' },
          { key: 'decidedOn', date: '2026-05-01' },
        ],
        outcome: 'partly_upheld',
        routeOnward: { party: OSS },
        forwardedTo: null,
      },
    },
    {
      name: 'resolved without a known party: the route onward in general',
      facts: facts({ status: 'resolved', outcome: 'not_upheld' }),
      history: [received, acknowledged, resolved],
      expected: { outcome: 'not_upheld', routeOnward: { party: null } },
    },
    {
      name: 'escalated: forwarded to the party named in the history, the outcome still stands',
      facts: facts({ status: 'escalated', outcome: 'partly_upheld', party: OSS }),
      history: [received, acknowledged, resolved, escalated],
      expected: {
        dates: [
          { key: 'received', date: RECEIVED },
          { key: 'ackSent', date: '2026-03-03' },
          { key: 'decidedOn', date: '2026-05-01' },
          { key: 'escalatedOn', date: '2026-05-10' },
        ],
        outcome: 'partly_upheld',
        routeOnward: null,
        forwardedTo: 'Gemeente Oss',
      },
    },
    {
      name: 'closed by the party: when the party closed it',
      facts: facts({ status: 'closed_by_party', outcome: 'partly_upheld', party: OSS }),
      history: [received, acknowledged, resolved, escalated, row('closed_by_party', '2026-06-02', { response: 'Intern antwoord', receivedOn: '2026-06-01' })],
      expected: {
        dates: [
          { key: 'received', date: RECEIVED },
          { key: 'ackSent', date: '2026-03-03' },
          { key: 'decidedOn', date: '2026-05-01' },
          { key: 'escalatedOn', date: '2026-05-10' },
          { key: 'closedByPartyOn', date: '2026-06-01' },
        ],
        forwardedTo: 'Gemeente Oss',
      },
    },
    {
      name: 'not admissible: the ground, the reason and the route onward; no decision date',
      facts: facts({ status: 'not_admissible', notAdmissibleGround: 'handled_before', incidentDate: '2024-12-01' }),
      history: [received, row('not_admissible', '2026-03-05', { ground: 'handled_before', late: false }, 'Deze klacht is al eerder behandeld.')],
      expected: {
        open: false,
        dates: [
          { key: 'received', date: RECEIVED },
          { key: 'notHandledOn', date: '2026-03-05' },
        ],
        notAdmissible: { ground: 'handled_before', reason: 'Deze klacht is al eerder behandeld.' },
        routeOnward: { party: null },
        outcome: null,
      },
    },
    {
      name: 'withdrawn: the day it was withdrawn, nothing due',
      facts: facts({ status: 'withdrawn' }),
      history: [received, acknowledged, row('withdrawn', '2026-03-12', { withdrawnOn: '2026-03-11' }, 'Het is opgelost.')],
      expected: {
        open: false,
        dates: [
          { key: 'received', date: RECEIVED },
          { key: 'ackSent', date: '2026-03-03' },
          { key: 'withdrawnOn', date: '2026-03-11' },
        ],
        outcome: null,
        routeOnward: null,
      },
    },
    {
      name: 'reopened: open again with the date in force, the earlier outcome no longer stands',
      facts: facts({ status: 'in_progress', outcome: null, resolutionExtendedTo: '2026-05-11' }),
      history: [received, acknowledged, extended, resolved, row('reopened', '2026-05-03', {}, 'Interne reden')],
      expected: {
        open: true,
        outcome: null,
        routeOnward: null,
        dates: [
          { key: 'received', date: RECEIVED },
          { key: 'ackSent', date: '2026-03-03' },
          { key: 'decisionByExtended', date: '2026-05-11', originalDate: '2026-04-13' },
        ],
      },
    },
  ];

  it.each(cases)('$name', ({ facts: f, history, expected }) => {
    expect(clientView(f, history)).toMatchObject(expected);
  });

  it('covers every status', () => {
    expect(new Set(cases.map((c) => c.facts.status))).toEqual(new Set(STATUSES));
  });
});

describe('clientTimeline: what happened, in the client\'s words and nothing internal', () => {
  const cases: { name: string; row: ClientHistoryRow; expected: ReturnType<typeof timelineEntry> }[] = [
    { name: 'an online complaint received', row: received, expected: { kind: 'received', on: RECEIVED } },
    {
      name: 'a complaint registered by staff, on the day it came in',
      row: row('registered', '2026-03-04', { channel: 'post', receivedOn: '2026-03-02' }),
      expected: { kind: 'received', on: '2026-03-02' },
    },
    { name: 'acknowledged by e-mail', row: acknowledged, expected: { kind: 'acknowledged', on: '2026-03-03', medium: 'email' } },
    {
      name: 'a question asked',
      row: row('info_requested', '2026-03-10', { question: 'Wanneer?', answerBy: '2026-03-20', medium: 'post' }),
      expected: { kind: 'question', on: '2026-03-10', question: 'Wanneer?', answerBy: '2026-03-20' },
    },
    {
      name: 'an answer, without what staff typed in',
      row: row('info_received', '2026-03-15', { question: 'Wanneer?', answer: 'Notitie van de behandelaar', answeredOn: '2026-03-14', via: 'phone' }),
      expected: { kind: 'answered', on: '2026-03-14' },
    },
    {
      name: 'a hearing planned, without the participants',
      row: row('hearing_planned', '2026-03-16', { on: '2026-03-25', time: '10:00', place: 'Kantoor Oss', participants: 'Sanne Jansen' }),
      expected: { kind: 'hearingPlanned', on: '2026-03-16', hearingOn: '2026-03-25', time: '10:00', place: 'Kantoor Oss' },
    },
    {
      name: 'a hearing held, without the report or the participants',
      row: row('hearing_held', '2026-03-26', { heldOn: '2026-03-25', participants: 'Sanne Jansen', report: 'Intern verslag' }),
      expected: { kind: 'hearingHeld', on: '2026-03-25' },
    },
    { name: 'an extension with its reason and new date', row: extended, expected: { kind: 'extended', on: '2026-04-01', newDue: '2026-05-11', reason: 'Wij wachten op het verslag van uw adviseur.' } },
    {
      name: 'an outcome with the measures as the letter stated them',
      row: row(
        'resolved',
        '2026-05-01',
        {
          outcome: 'upheld',
          judgement: 'Terecht.',
          measures: ['Scholing'],
          measureStates: [{ description: 'Scholing', dueOn: '2026-06-01', done: false }],
        },
        'Bevindingen.',
      ),
      expected: {
        kind: 'outcome',
        on: '2026-05-01',
        outcome: 'upheld',
        findings: 'Bevindingen.',
        judgement: 'Terecht.',
        measures: [{ description: 'Scholing', dueOn: '2026-06-01', done: false }],
      },
    },
    {
      name: 'an older outcome that kept only the measure descriptions',
      row: resolved,
      expected: {
        kind: 'outcome',
        on: '2026-05-01',
        outcome: 'partly_upheld',
        findings: 'Wij spraken uw adviseur.',
        judgement: 'Deels terecht.',
        measures: [{ description: 'Extra scholing', dueOn: null, done: null }],
      },
    },
    { name: 'escalated, without what the client is unhappy about', row: escalated, expected: { kind: 'escalated', on: '2026-05-10', party: 'Gemeente Oss' } },
    {
      name: 'closed by the party, without the party\'s response',
      row: row('closed_by_party', '2026-06-02', { response: 'Intern', receivedOn: '2026-06-01' }),
      expected: { kind: 'closedByParty', on: '2026-06-01' },
    },
    {
      name: 'not admissible with the ground and the reason',
      row: row('not_admissible', '2026-03-05', { ground: 'incident_older_than_limit', late: true }, 'Te lang geleden.'),
      expected: { kind: 'notAdmissible', on: '2026-03-05', ground: 'incident_older_than_limit', reason: 'Te lang geleden.' },
    },
    {
      name: 'withdrawn on the day the client withdrew',
      row: row('withdrawn', '2026-03-12', { withdrawnOn: '2026-03-11' }, 'Opgelost.'),
      expected: { kind: 'withdrawn', on: '2026-03-11', reason: 'Opgelost.' },
    },
    { name: 'reopened, without the reason', row: row('reopened', '2026-05-03', {}, 'Interne reden'), expected: { kind: 'reopened', on: '2026-05-03' } },
    ...(['assigned', 'recused', 'involved_added', 'involved_removed', 'copy_sent', 'hearing_skipped', 'something_new'] as const).map((action) => ({
      name: `${action} is internal`,
      row: row(action, '2026-03-05', { handlerName: 'Sanne Jansen' }, 'Interne notitie'),
      expected: null,
    })),
  ];

  it.each(cases)('$name', ({ row: r, expected }) => {
    expect(timelineEntry(r)).toEqual(expected);
  });

  it('allows exactly the client actions through, and every history action is decided on', () => {
    for (const action of HISTORY_ACTIONS) {
      const entry = timelineEntry(row(action, '2026-03-05', {}));
      expect(entry !== null, action).toBe((CLIENT_HISTORY_ACTIONS as readonly string[]).includes(action));
    }
  });

  it('keeps the history order and leaves out internal entries; a day is the day in Amsterdam', () => {
    const late = { action: 'acknowledged', at: new Date('2026-03-02T23:30:00Z'), reason: null, details: { medium: 'post' } };
    const timeline = clientTimeline([received, row('assigned', '2026-03-02', { handlerId: 4 }), late]);
    expect(timeline).toEqual([
      { kind: 'received', on: RECEIVED },
      { kind: 'acknowledged', on: '2026-03-03', medium: 'post' },
    ]);
  });

  it('ignores details of the wrong shape instead of showing them', () => {
    expect(timelineEntry(row('resolved', '2026-05-01', { outcome: 'bogus', judgement: 5, measures: [1, null, 'Ok'] }, ''))).toEqual({
      kind: 'outcome',
      on: '2026-05-01',
      outcome: null,
      findings: null,
      judgement: null,
      measures: [{ description: 'Ok', dueOn: null, done: null }],
    });
  });
});

describe('clientView: the answer the client gave on the status page', () => {
  const asked = row('info_requested', '2026-03-05', { question: 'Wanneer was de afspraak?', answerBy: null });
  const answered = row('info_received', '2026-03-07', { question: 'Wanneer was de afspraak?', answer: 'Op 3 maart.', answeredOn: '2026-03-07' });
  const askedAgain = row('info_requested', '2026-03-09', { question: 'Wie was erbij?', answerBy: null });
  const cases: { what: string; status: ClientFacts['status']; history: ClientHistoryRow[]; expected: { on: string } | null }[] = [
    { what: 'still waiting for the answer', status: 'info_requested', history: [received, acknowledged, asked], expected: null },
    { what: 'answered, handling goes on', status: 'in_progress', history: [received, acknowledged, asked, answered], expected: { on: '2026-03-07' } },
    { what: 'answered, then asked again', status: 'info_requested', history: [received, acknowledged, asked, answered, askedAgain], expected: null },
    { what: 'never asked', status: 'in_progress', history: [received, acknowledged], expected: null },
    { what: 'answered, then decided: the decision speaks', status: 'resolved', history: [received, acknowledged, asked, answered, resolved], expected: null },
  ];
  it.each(cases)('$what', ({ status, history, expected }) => {
    expect(clientView(facts({ status }), history).answerReceived).toEqual(expected);
  });
});

describe("the client's own reactions to the outcome", () => {
  it.each([
    ['satisfied', row('satisfaction_given', '2026-05-03', { satisfied: true }), { kind: 'satisfaction', on: '2026-05-03', satisfied: true }],
    ['changed to not satisfied', row('satisfaction_given', '2026-05-04', { satisfied: false, previousSatisfied: true }), { kind: 'satisfaction', on: '2026-05-04', satisfied: false }],
    ['a judgement of the wrong shape', row('satisfaction_given', '2026-05-04', { satisfied: 'ja' }), { kind: 'satisfaction', on: '2026-05-04', satisfied: null }],
    ['the forward request, without the party id', row('forward_requested', '2026-05-05', { contractingPartyName: 'Gemeente Oss' }), { kind: 'forwardRequested', on: '2026-05-05' }],
    ['a new status link is internal', row('status_link_renewed', '2026-05-06', { medium: 'email' }), null],
  ] as const)('%s', (_, r, expected) => {
    expect(timelineEntry(r)).toEqual(expected);
  });

  it.each([
    ['resolved, not judged yet', facts({ status: 'resolved', outcome: 'not_upheld' }), { satisfied: null, forwardRequested: false }],
    ['resolved, not satisfied, forward asked', facts({ status: 'resolved', outcome: 'not_upheld', satisfied: false, forwardRequested: true }), { satisfied: false, forwardRequested: true }],
    ['escalated: the judgement stays', facts({ status: 'escalated', outcome: 'not_upheld', satisfied: false, forwardRequested: true }), { satisfied: false, forwardRequested: true }],
    ['still open: nothing to judge', facts({ status: 'in_progress' }), null],
    ['not admissible: nothing to judge', facts({ status: 'not_admissible', notAdmissibleGround: 'handled_before' }), null],
  ] as const)('the judgement in force: %s', (_, f, expected) => {
    expect(clientView(f, [received]).judgement).toEqual(expected);
  });
});
