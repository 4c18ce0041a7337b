import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { ComplaintFileHistoryEntry, ComplaintFileMessage, ComplaintFileQuestion, ComplaintFileRecord } from '@/db/complaint-file';
import { beheerMessages } from '@/lib/i18n/beheer';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import {
  attachmentRow,
  clockRows,
  complaintFileView,
  formatDateTime,
  hearingAndCopyItems,
  historyDetails,
  historyRow,
  outboxRow,
  parseComplaintId,
  questionRow,
  type Translate,
} from './file';
import { HISTORY_ACTIONS } from './history-actions';

const t = createTranslator({ locale: 'nl', messages: { beheer: beheerMessages }, namespace: 'beheer' }) as unknown as Translate;

function record(overrides: Partial<ComplaintFileRecord> = {}): ComplaintFileRecord {
  return {
    id: 7,
    reference: 'KL-2026-0042',
    status: 'received',
    channel: 'post',
    receivedOn: '2026-03-02',
    registeredById: 3,
    registeredByName: 'Sanne Jansen',
    locale: 'nl',
    complainantName: 'Henk de Jong',
    anonymisedAt: null,
    anonymisedReason: null,
    complainantEmail: null,
    complainantPhone: '06-12345678',
    addressStreet: 'Kerkstraat 12',
    addressPostcode: '5341 AB',
    addressCity: 'Oss',
    categoryCode: 'treatment',
    categoryName: 'Bejegening door adviseur',
    concernsStaffName: null,
    concernsStaffText: null,
    description: 'Mijn adviseur kwam drie keer niet opdagen.',
    incidentDate: '2026-02-20',
    incidentOngoing: false,
    desiredOutcome: null,
    partyChoice: 'municipality',
    partyName: 'Gemeente Oss',
    contractingPartyName: null,
    contractingPartyType: null,
    terms: DEFAULT_TERMS,
    handlerId: null,
    handlerName: null,
    resolutionExtendedTo: null,
    extensionCount: 0,
    copySentOn: null,
    hearingState: null,
    hearingOn: null,
    outcome: null,
    notAdmissibleGround: null,
    contractingPartyId: null,
    clientSatisfied: null,
    satisfactionAt: null,
    forwardRequestedAt: null,
    version: 1,
    consentAt: new Date('2026-03-02T10:00:00Z'),
    createdAt: new Date('2026-03-02T10:00:00Z'),
    updatedAt: new Date('2026-03-02T10:00:00Z'),
    ...overrides,
  };
}

function entry(overrides: Partial<ComplaintFileHistoryEntry>): ComplaintFileHistoryEntry {
  return {
    id: 1,
    at: new Date('2026-03-02T10:00:00Z'),
    actorUserId: 3,
    actorName: 'Sanne Jansen',
    actorLabel: null,
    action: 'registered',
    fromStatus: null,
    toStatus: 'received',
    reason: null,
    details: null,
    ...overrides,
  };
}

const byClock = (rows: ReturnType<typeof clockRows>) => Object.fromEntries(rows.map((row) => [row.clock, row]));

describe('clock rows', () => {
  it('a fresh complaint: acknowledgement and resolution run from the received date, the notice clock does not', () => {
    const rows = byClock(clockRows(record(), [], '2026-03-06', t));
    expect(rows.acknowledgement).toMatchObject({
      due: '2026-03-16',
      dueText: 'maandag 16 maart 2026',
      phase: 'running',
      state: 'on_time',
      stateLabel: 'Op tijd',
      detail: 'Nog 6 werkdagen',
      warning: null,
    });
    expect(rows.notAdmissibleNotice).toMatchObject({ due: '2026-03-30', phase: 'not_applicable', stateLabel: 'Loopt niet' });
    expect(rows.resolution).toMatchObject({ due: '2026-04-13', phase: 'running', state: 'on_time', extendedFrom: null });
  });

  it.each([
    // today         state       label          detail
    ['2026-03-11', 'due_soon', 'Binnenkort', 'Nog 3 werkdagen'],
    ['2026-03-16', 'due_soon', 'Binnenkort', 'Vandaag de laatste dag'],
    ['2026-03-17', 'overdue', 'Te laat', '1 dag te laat'],
    ['2026-03-26', 'overdue', 'Te laat', '10 dagen te laat'],
  ])('on %s the acknowledgement is %s', (today, state, label, detail) => {
    expect(byClock(clockRows(record(), [], today, t)).acknowledgement).toMatchObject({ state, stateLabel: label, detail });
  });

  it('warns when a due date falls in the weekend and gives the working day before as target', () => {
    const rows = byClock(clockRows(record({ receivedOn: '2026-02-21' }), [], '2026-02-23', t));
    expect(rows.acknowledgement).toMatchObject({ due: '2026-03-07', warning: 'Valt in het weekend.', target: 'Streefdatum: vrijdag 6 maart 2026' });
    expect(rows.resolution).toMatchObject({ due: '2026-04-04', warning: 'Valt in het weekend.', target: 'Streefdatum: vrijdag 3 april 2026' });
    // 2026-03-21, the notice due date, is a Saturday too; that clock does not run, so no warning.
    expect(rows.notAdmissibleNotice).toMatchObject({ due: '2026-03-21', phase: 'not_applicable', warning: null, target: null });
  });

  it('warns when a due date falls on a public holiday', () => {
    const rows = byClock(clockRows(record({ receivedOn: '2026-04-13', incidentDate: '2026-04-01' }), [], '2026-04-14', t));
    expect(rows.acknowledgement).toMatchObject({ due: '2026-04-27', target: 'Streefdatum: vrijdag 24 april 2026' });
    expect(rows.acknowledgement!.warning).toMatch(/^Valt op een feestdag \(.*Koning.*\)\.$/);
  });

  it("counts with the complaint's own terms, not today's", () => {
    const terms = { ...DEFAULT_TERMS, acknowledgementDays: 7, resolutionDays: 28 };
    const rows = byClock(clockRows(record({ terms }), [], '2026-03-03', t));
    expect(rows.acknowledgement!.due).toBe('2026-03-09');
    expect(rows.resolution!.due).toBe('2026-03-30');
  });

  it('an extension moves the resolution due date and shows the original one', () => {
    const rows = byClock(clockRows(record({ status: 'in_progress', resolutionExtendedTo: '2026-05-11' }), [], '2026-04-20', t));
    expect(rows.resolution).toMatchObject({ due: '2026-05-11', extendedFrom: 'Verlengd; oorspronkelijk 13 april 2026', phase: 'running' });
  });

  it('a clock that stopped says when and whether it was in time', () => {
    const history = [entry({}), entry({ id: 2, action: 'acknowledged', at: new Date('2026-03-05T09:00:00Z'), fromStatus: 'received', toStatus: 'acknowledged' })];
    const rows = byClock(clockRows(record({ status: 'acknowledged' }), history, '2026-03-20', t));
    expect(rows.acknowledgement).toMatchObject({ phase: 'stopped', metInTime: true, stateLabel: 'Op tijd', detail: 'Ontvangst bevestigd op 5 maart 2026' });

    const late = [entry({}), entry({ id: 2, action: 'acknowledged', at: new Date('2026-03-17T09:00:00Z') })];
    expect(byClock(clockRows(record({ status: 'acknowledged' }), late, '2026-03-20', t)).acknowledgement).toMatchObject({
      metInTime: false,
      stateLabel: 'Na de termijn',
    });
  });

  it('a closed complaint has no running clock; a step other than the clock’s own gives no verdict', () => {
    const history = [
      entry({}),
      entry({ id: 2, action: 'acknowledged', at: new Date('2026-03-03T09:00:00Z') }),
      entry({ id: 3, action: 'withdrawn', at: new Date('2026-03-20T09:00:00Z') }),
    ];
    const rows = clockRows(record({ status: 'withdrawn' }), history, '2026-04-01', t);
    expect(rows.map((row) => row.phase)).toEqual(['stopped', 'not_applicable', 'stopped']);
    expect(byClock(rows).resolution).toMatchObject({ metInTime: null, stateLabel: 'Gestopt', detail: 'Ingetrokken op 20 maart 2026' });
  });

  it('conduct older than a year: the notice clock runs and the file carries the flag', () => {
    const old = record({ incidentDate: '2025-01-15' });
    const rows = byClock(clockRows(old, [], '2026-03-06', t));
    expect(rows.notAdmissibleNotice).toMatchObject({ phase: 'running', due: '2026-03-30' });
    const view = complaintFileView({ record: old, involved: [], history: [], outbox: [], questions: [], measures: [] }, { today: '2026-03-06', t });
    expect(view.oneYear?.title).toBe('Langer dan een jaar geleden');
    expect(view.oneYear?.body).toContain('vóór 2 maart 2025');
    expect(view.oneYear?.body).toContain('maandag 30 maart 2026');
    expect(view.next).toMatchObject({ clock: 'acknowledgement' });
  });
});

describe('history rows', () => {
  it('every history action has a Dutch label', () => {
    for (const action of HISTORY_ACTIONS) {
      const row = historyRow(t, entry({ action }));
      expect(row.action, action).not.toBe(action);
    }
    expect(historyRow(t, entry({ action: 'registered' })).action).toBe('Klacht geregistreerd');
    expect(historyRow(t, entry({ action: 'extended' })).action).toBe('Termijn verlengd');
    // A step added later without a label yet is still shown.
    expect(historyRow(t, entry({ action: 'measure_added' })).action).toBe('measure_added');
  });

  it.each([
    [{ actorUserId: 3, actorName: 'Sanne Jansen', actorLabel: null }, 'Sanne Jansen'],
    [{ actorUserId: null, actorName: null, actorLabel: 'client' }, 'De klager'],
    [{ actorUserId: null, actorName: null, actorLabel: 'system' }, 'Het systeem'],
  ])('who: %j → %s', (who, expected) => {
    expect(historyRow(t, entry(who)).who).toBe(expected);
  });

  it('when is shown in Amsterdam time, winter and summer', () => {
    expect(formatDateTime(new Date('2026-01-15T13:05:00Z'))).toBe('15 januari 2026 om 14:05');
    expect(formatDateTime(new Date('2026-07-15T13:05:00Z'))).toBe('15 juli 2026 om 15:05');
    expect(historyRow(t, entry({ at: new Date('2026-03-02T23:30:00Z') })).at).toBe('3 maart 2026 om 00:30');
  });

  it('shows the status change and the reason', () => {
    const row = historyRow(t, entry({ action: 'extended', fromStatus: 'in_progress', toStatus: 'in_progress', reason: 'Hoorgesprek pas volgende week.' }));
    expect(row.statusChange).toBeNull();
    expect(row.reason).toBe('Hoorgesprek pas volgende week.');
    expect(historyRow(t, entry({ action: 'acknowledged', fromStatus: 'received', toStatus: 'acknowledged' })).statusChange).toBe(
      'Status: Ontvangen → Ontvangst bevestigd',
    );
    expect(historyRow(t, entry({})).statusChange).toBe('Status: Ontvangen');
  });

  it('writes out the details: channels, dates, yes/no, outcomes; hides ids; keeps unknown keys', () => {
    expect(historyDetails(t, { channel: 'post', receivedOn: '2026-02-20', olderThanLimit: false })).toEqual([
      { label: 'Binnengekomen via', value: 'Post', multiline: false },
      { label: 'Ontvangen op', value: '20 februari 2026', multiline: false },
      { label: 'Eenjaarsregel van toepassing', value: 'nee', multiline: false },
    ]);
    expect(historyDetails(t, { previousDue: '2026-04-13', newDue: '2026-05-11', days: 28, clientConsent: false }).map((d) => `${d.label}: ${d.value}`)).toEqual([
      'Oude termijn: 13 april 2026',
      'Nieuwe termijn: 11 mei 2026',
      'Verlenging: 28 dagen',
      'Met toestemming van de klager: nee',
    ]);
    expect(historyDetails(t, { handlerId: 4, handlerName: 'Thijs Bakker' }).map((d) => d.value)).toEqual(['Thijs Bakker']);
    expect(historyDetails(t, { outcome: 'partly_upheld', attendees: ['klager', 'Thijs Bakker'] }).map((d) => d.value)).toEqual([
      'Deels gegrond',
      'klager, Thijs Bakker',
    ]);
    // The procedure steps' details: dates, how an answer came in, hearing grounds, measures.
    expect(historyDetails(t, { answer: 'Zie bijlage.', answeredOn: '2026-03-04', via: 'phone' }).map((d) => `${d.label}: ${d.value}`)).toEqual([
      'Antwoord: Zie bijlage.',
      'Beantwoord op: 4 maart 2026',
      'Via: Telefoon',
    ]);
    expect(historyDetails(t, { on: '2026-03-20', participants: 'klager, Thijs Bakker' }).map((d) => `${d.label}: ${d.value}`)).toEqual([
      'Gepland op: 20 maart 2026',
      'Deelnemers: klager, Thijs Bakker',
    ]);
    expect(historyDetails(t, { ground: 'waived' }).map((d) => d.value)).toEqual(['De klager ziet af van horen']);
    expect(historyDetails(t, { outcome: 'upheld', measures: ['Een', 'Twee'] }).map((d) => `${d.label}: ${d.value}`)).toEqual([
      'Besluit: Gegrond',
      'Maatregelen: Een\nTwee',
    ]);
    // What the inquiry steps write (lib/complaints/steps/inquiry.ts): every key has a label, dates and media in words.
    const lines = (details: Record<string, unknown>) => historyDetails(t, details).map((d) => `${d.label}: ${d.value}`);
    expect(lines({ question: 'Welke dagen?', answerBy: '2026-03-20', medium: 'post' })).toEqual(['Vraag: Welke dagen?', 'Antwoord gevraagd voor: 20 maart 2026', 'Verstuurd per: Post']);
    expect(lines({ question: 'Welke dagen?', answer: 'Maandag', answeredOn: '2026-03-09', via: 'phone' })).toEqual([
      'Vraag: Welke dagen?',
      'Antwoord: Maandag',
      'Beantwoord op: 9 maart 2026',
      'Via: Telefoon',
    ]);
    expect(lines({ sentOn: '2026-03-04', via: 'in_person', recipient: 'Sanne de Vries' })).toEqual(['Verstuurd op: 4 maart 2026', 'Via: Persoonlijk', 'Aan: Sanne de Vries']);
    expect(lines({ on: '2026-03-10', time: '14:30', place: null, participants: 'Klager, Sanne Jansen', previousOn: '2026-03-09' })).toEqual([
      'Gepland op: 10 maart 2026',
      'Tijd: 14:30',
      'Deelnemers: Klager, Sanne Jansen',
      'Eerder gepland op: 9 maart 2026',
    ]);
    expect(lines({ heldOn: '2026-03-10', participants: 'Klager', report: 'Verslag' })).toEqual(['Gehouden op: 10 maart 2026', 'Deelnemers: Klager', 'Verslag: Verslag']);
    expect(lines({ ground: 'no_reaction' })).toEqual(['Grond: Geen reactie binnen de gestelde termijn']);
    expect(historyDetails(t, { somethingNew: 'x' })).toEqual([{ label: 'somethingNew', value: 'x', multiline: false }]);
    expect(historyDetails(t, null)).toEqual([]);
  });

  it('writes out the details of the last steps: outcome, measures one per line, the party and its response', () => {
    expect(historyDetails(t, { outcome: 'upheld', judgement: 'De adviseur had moeten bellen.', measures: ['Sms-herinnering, ook bij ziekte', 'Gesprek met de adviseur'] })).toEqual([
      { label: 'Besluit', value: 'Gegrond', multiline: false },
      { label: 'Oordeel en motivering', value: 'De adviseur had moeten bellen.', multiline: true },
      { label: 'Maatregelen', value: 'Sms-herinnering, ook bij ziekte\nGesprek met de adviseur', multiline: true },
    ]);
    expect(historyDetails(t, { contractingPartyId: 3, contractingPartyName: 'Gemeente Oss' }).map((d) => `${d.label}: ${d.value}`)).toEqual(['Opdrachtgever: Gemeente Oss']);
    expect(historyDetails(t, { response: 'Wij sluiten ons aan bij het oordeel.', receivedOn: '2026-06-02' }).map((d) => `${d.label}: ${d.value}`)).toEqual([
      'Ontvangen op: 2 juni 2026',
      'Reactie opdrachtgever: Wij sluiten ons aan bij het oordeel.',
    ]);
  });
});

describe('outbox rows', () => {
  const message: ComplaintFileMessage = {
    id: 1,
    kind: 'acknowledgement',
    medium: 'email',
    recipient: 'henk@example.test',
    subject: 'Wij hebben uw klacht ontvangen',
    bodyText: 'Beste Henk,\n\nWij hebben uw klacht ontvangen.',
    status: 'sent',
    attempts: 1,
    lastError: null,
    nextAttemptAt: new Date('2026-03-02T10:00:00Z'),
    sentAt: new Date('2026-03-02T10:01:00Z'),
    createdAt: new Date('2026-03-02T10:00:00Z'),
    postedOn: null,
  };

  it('a sent e-mail', () => {
    expect(outboxRow(t, message)).toMatchObject({
      kind: 'Ontvangstbevestiging',
      medium: 'E-mail',
      statusLabel: 'Verstuurd',
      facts: ['Aangemaakt op 2 maart 2026 om 11:00', 'Verstuurd op 2 maart 2026 om 11:01', '1 poging'],
      lastError: null,
    });
  });

  it('a failed e-mail shows its attempts and last error; a letter waits to be printed', () => {
    const failed = outboxRow(t, { ...message, status: 'failed', attempts: 5, sentAt: null, lastError: '550: mailbox unavailable' });
    expect(failed).toMatchObject({ statusLabel: 'Mislukt', lastError: 'Laatste fout: 550: mailbox unavailable' });
    expect(failed.facts).toContain('5 pogingen');
    const retrying = outboxRow(t, { ...message, status: 'pending', attempts: 2, sentAt: null, nextAttemptAt: new Date('2026-03-02T10:04:00Z') });
    expect(retrying.facts).toContain('Volgende poging: 2 maart 2026 om 11:04');
    const letter = outboxRow(t, { ...message, medium: 'post', status: 'pending', attempts: 0, sentAt: null, recipient: 'Henk de Jong\nKerkstraat 12\n5341 AB Oss' });
    expect(letter).toMatchObject({ medium: 'Post', statusLabel: 'Nog printen en versturen' });
    expect(letter.facts).toEqual(['Aangemaakt op 2 maart 2026 om 11:00']);
    // Posted by hand (the post room): the day it went into the post, not the moment that was recorded.
    const posted = outboxRow(t, { ...message, medium: 'post', status: 'sent', attempts: 0, sentAt: new Date('2026-03-05T08:00:00Z'), postedOn: '2026-03-04' });
    expect(posted.facts).toEqual(['Aangemaakt op 2 maart 2026 om 11:00', 'Per post verstuurd op 4 maart 2026']);
  });
});

describe('the file view', () => {
  it('shows who registered it, the contact details and what is missing', () => {
    const view = complaintFileView({ record: record(), involved: [], history: [entry({})], outbox: [], questions: [], measures: [] }, { today: '2026-03-06', t });
    const facts = Object.fromEntries(view.complaint.map((item) => [item.label, item.value]));
    expect(facts).toMatchObject({
      Referentie: 'KL-2026-0042',
      Status: 'Ontvangen',
      'Binnengekomen via': 'Post',
      'Ontvangen op': 'maandag 2 maart 2026',
      'Geregistreerd door': 'Sanne Jansen',
      Klachtbehandelaar: 'Nog niet toegewezen',
      'Taal van de brieven': 'Nederlands',
    });
    expect(view.complainant).toContainEqual({ label: 'Postadres', value: 'Kerkstraat 12\n5341 AB Oss', multiline: true });
    expect(view.complainant).toContainEqual({ label: 'E-mailadres', value: 'Niet opgegeven', muted: true });
    expect(view.subtitle).toBe('Ontvangen op 2 maart 2026 · Post · Bejegening door adviseur');
    expect(view.termsNote).toContain('ontvangstbevestiging binnen 2 weken');
    expect(view.oneYear).toBeNull();
    expect(view.outcome).toBeNull();
  });

  it('names the ground of a complaint that was not handled, right under its status', () => {
    const view = complaintFileView(
      { record: record({ status: 'not_admissible', notAdmissibleGround: 'handled_before' }), involved: [], history: [], outbox: [], questions: [], measures: [] },
      { today: '2026-03-06', t },
    );
    expect(view.complaint.slice(1, 3)).toEqual([
      { label: 'Status', value: 'Niet in behandeling genomen' },
      { label: 'Grond', value: 'Eerder behandeld' },
    ]);
    const open = complaintFileView({ record: record(), involved: [], history: [], outbox: [], questions: [], measures: [] }, { today: '2026-03-06', t });
    expect(open.complaint.map((item) => item.label)).not.toContain('Grond');
  });

  it('an online complaint was filed by the client; an ongoing incident says since when', () => {
    const view = complaintFileView(
      {
        record: record({ channel: 'online', registeredById: null, registeredByName: null, incidentOngoing: true, incidentDate: '2025-12-01', contractingPartyName: 'Gemeente Oss', contractingPartyType: 'municipality' }),
        involved: [
          { id: 1, name: 'Ingrid Verhoeven', involvement: 'subject', staffId: 3, team: 'Team Oss', staffActive: true, userId: null, userEmail: null },
          { id: 2, name: 'meneer Pieters', involvement: 'other', staffId: null, team: null, staffActive: null, userId: null, userEmail: null },
        ],
        history: [],
        outbox: [],
        questions: [],
        measures: [],
      },
      { today: '2026-03-06', t },
    );
    expect(view.complaint).toContainEqual({ label: 'Geregistreerd door', value: 'De klager zelf (online formulier)' });
    expect(view.content).toContainEqual({ label: 'Wanneer gebeurde het?', value: 'Het speelt nog steeds (sinds 1 december 2025)' });
    expect(view.party).toContainEqual({ label: 'Gekoppelde opdrachtgever', value: 'Gemeente Oss (Gemeente)' });
    expect(view.involved).toEqual([
      { name: 'Ingrid Verhoeven', role: 'Over wie de klacht gaat', note: 'Team Oss' },
      { name: 'meneer Pieters', role: 'Ook betrokken', note: 'naam zoals opgegeven, niet gekoppeld aan een medewerker' },
    ]);
  });
});

describe('hearing and copy', () => {
  const subject = [{ involvement: 'subject' as const }];
  const facts = (items: ReturnType<typeof hearingAndCopyItems>) => items.map((item) => `${item.label}: ${item.value}${item.muted ? ' (muted)' : ''}`);

  it('nothing done yet; no copy needed when nobody is recorded as the person complained about', () => {
    expect(facts(hearingAndCopyItems(t, record(), subject, []))).toEqual(['Afschrift aan medewerker: Nog niet verstuurd (muted)', 'Hoorgesprek: Nog niet gepland (muted)']);
    expect(facts(hearingAndCopyItems(t, record(), [{ involvement: 'other' }], []))[0]).toBe(
      'Afschrift aan medewerker: Niet nodig: er is niemand vastgelegd over wie de klacht gaat (muted)',
    );
  });

  it('a planned hearing with the time and place of its latest planning', () => {
    const history = [
      entry({ id: 2, action: 'hearing_planned', details: { on: '2026-03-09', time: '10:00', place: 'Kantoor Oss' } }),
      entry({ id: 3, action: 'hearing_planned', details: { on: '2026-03-10', time: '14:30', place: null } }),
    ];
    expect(facts(hearingAndCopyItems(t, record({ copySentOn: '2026-03-04', hearingState: 'planned', hearingOn: '2026-03-10' }), subject, history))).toEqual([
      'Afschrift aan medewerker: Verstuurd op 4 maart 2026',
      'Hoorgesprek: Gepland op dinsdag 10 maart 2026 om 14:30',
    ]);
    const withPlace = [entry({ action: 'hearing_planned', details: { on: '2026-03-10', time: null, place: 'Kantoor Oss' } })];
    expect(facts(hearingAndCopyItems(t, record({ hearingState: 'planned', hearingOn: '2026-03-10' }), subject, withPlace)).slice(1)).toEqual([
      'Hoorgesprek: Gepland op dinsdag 10 maart 2026',
      'Plaats: Kantoor Oss',
    ]);
  });

  it.each([
    [{ hearingState: 'held', hearingOn: '2026-03-10' }, [], 'Gehouden op 10 maart 2026'],
    [{ hearingState: 'skipped', hearingOn: null }, [entry({ action: 'hearing_skipped', details: { ground: 'waived' } })], 'Geen hoorgesprek: De klager ziet af van horen'],
    [{ hearingState: 'skipped', hearingOn: null }, [], 'Geen hoorgesprek'],
  ] as const)('hearing %j', (hearing, history, expected) => {
    expect(hearingAndCopyItems(t, record(hearing), subject, [...history])[1]).toEqual({ label: 'Hoorgesprek', value: expected });
  });

  it('the file view carries them, and the questions to the client', () => {
    const view = complaintFileView(
      { record: record({ copySentOn: '2026-03-04' }), involved: [], history: [], outbox: [], questions: [], measures: [] },
      { today: '2026-03-06', t },
    );
    expect(view.hearingAndCopy[0]).toEqual({ label: 'Afschrift aan medewerker', value: 'Verstuurd op 4 maart 2026' });
    expect(view.questions).toEqual([]);
  });
});

describe('questions to the client', () => {
  const question: ComplaintFileQuestion = {
    id: 5,
    question: 'Op welke dagen had u een afspraak?',
    answerBy: '2026-03-20',
    askedAt: new Date('2026-03-05T23:30:00Z'),
    askedByName: 'Sanne Jansen',
    answer: null,
    answeredOn: null,
    answerVia: null,
  };

  it('an open question says when it was asked, by whom, the answer date, and that no answer came yet', () => {
    expect(questionRow(t, question)).toEqual({
      id: 5,
      question: 'Op welke dagen had u een afspraak?',
      // 23:30 UTC is the next day in Amsterdam.
      asked: 'Gevraagd op 6 maart 2026 door Sanne Jansen · antwoord gevraagd vóór 20 maart 2026',
      answer: null,
      answered: 'Nog geen antwoord',
      open: true,
    });
  });

  it.each([
    ['phone', 'Beantwoord op 9 maart 2026, telefonisch'],
    ['post', 'Beantwoord op 9 maart 2026, per post'],
    ['in_person', 'Beantwoord op 9 maart 2026, in een gesprek'],
    [null, 'Beantwoord op 9 maart 2026, door de klager zelf'],
  ] as const)('an answer via %s', (via, expected) => {
    const row = questionRow(t, { ...question, answerBy: null, askedByName: null, answer: 'Op 2, 9 en 16 februari.', answeredOn: '2026-03-09', answerVia: via });
    expect(row).toMatchObject({ asked: 'Gevraagd op 6 maart 2026', answer: 'Op 2, 9 en 16 februari.', answered: expected, open: false });
  });
});

describe('the outcome section', () => {
  const measures = [
    { id: 4, description: 'Afspraken altijd bevestigen per sms', owner: 'Teamleider Oss', dueOn: '2026-05-01', status: 'in_progress' as const },
    { id: 9, description: 'Gesprek met de adviseur', owner: 'Marloes van den Berg', dueOn: null, status: 'done' as const },
  ];
  const data = (overrides: Partial<ComplaintFileRecord>, linked: typeof measures = []) => ({
    record: record(overrides),
    involved: [],
    history: [],
    outbox: [],
    questions: [],
    measures: linked,
  });

  it('shows the outcome and the linked measures: what, owner, due date and status', () => {
    const view = complaintFileView(data({ status: 'resolved', outcome: 'partly_upheld' }, measures), { today: '2026-04-10', t });
    expect(view.outcome).toEqual({
      outcome: { label: 'Besluit', value: 'Deels gegrond' },
      measures: [
        { id: 4, description: 'Afspraken altijd bevestigen per sms', owner: 'Teamleider Oss', due: '1 mei 2026', status: 'in_progress', statusLabel: 'Bezig' },
        { id: 9, description: 'Gesprek met de adviseur', owner: 'Marloes van den Berg', due: null, status: 'done', statusLabel: 'Gedaan' },
      ],
    });
  });

  it.each([
    ['upheld', 'Gegrond'],
    ['not_upheld', 'Ongegrond'],
    ['resolved_to_satisfaction', 'Naar tevredenheid opgelost'],
  ] as const)('outcome %s → %s, without measures', (outcome, label) => {
    expect(complaintFileView(data({ status: 'resolved', outcome }), { today: '2026-04-10', t }).outcome).toEqual({ outcome: { label: 'Besluit', value: label }, measures: [] });
  });

  it('measures still linked after a reopen are shown, without an outcome', () => {
    const view = complaintFileView(data({ status: 'in_progress' }, measures.slice(1)), { today: '2026-04-10', t });
    expect(view.outcome?.outcome).toEqual({ label: 'Besluit', value: 'Nog geen besluit', muted: true });
    expect(view.outcome?.measures.map((m) => m.statusLabel)).toEqual(['Gedaan']);
  });
});

describe('complaint id in the address', () => {
  it.each([
    ['42', 42],
    ['1', 1],
    ['0', null],
    ['-1', null],
    ['42abc', null],
    ['4.2', null],
    ['99999999999', null],
    ['2147483648', null],
    ['', null],
  ])('%j → %s', (raw, expected) => {
    expect(parseComplaintId(raw)).toBe(expected);
  });
});

describe('attachmentRow: a file the client sent, as the file page lists it', () => {
  it.each([
    [{ id: 4, fileName: 'brief.pdf', contentType: 'application/pdf', sizeBytes: 120_000 }, { id: 4, name: 'brief.pdf', type: 'PDF', size: '117 kB', href: '/api/bijlagen/4' }],
    [{ id: 5, fileName: 'foto.jpg', contentType: 'image/jpeg', sizeBytes: 2.4 * 1024 * 1024 }, { id: 5, name: 'foto.jpg', type: 'JPG', size: '2,4 MB', href: '/api/bijlagen/5' }],
    [{ id: 6, fileName: 'scherm.png', contentType: 'image/png', sizeBytes: 300 }, { id: 6, name: 'scherm.png', type: 'PNG', size: '300 B', href: '/api/bijlagen/6' }],
  ])('%j', (file, expected) => {
    expect(attachmentRow(file)).toEqual(expected);
  });
});
