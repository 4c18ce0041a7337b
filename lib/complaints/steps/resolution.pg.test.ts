import { execFileSync } from 'node:child_process';
import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintFileMeasures } from '@/db/complaint-file';
import { measureChoices } from '@/db/procedure';
import { complaintMeasures, contractingParties, measures } from '@/db/schema';
import { FORBIDDEN } from '@/lib/actions/pipeline';
import { complaintDossierPdf } from '@/lib/complaints/dossier-download';
import { formatDate } from '@/lib/format';
import { itemText, letterText } from '@/lib/mail/letter';
import { formatDateTime } from '../file';
import { daysAgo, setUpStepsWorld, type StepsWorld, today } from './testing';

/** Resolve (with measures), escalate to the contracting party and record its response: real actions on PostgreSQL. */

let w: StepsWorld;
let actions: typeof import('./actions');
let inactiveParty: { id: number };

beforeAll(async () => {
  w = await setUpStepsWorld();
  actions = await import('./actions');
  [inactiveParty] = (await w.db
    .insert(contractingParties)
    .values({ type: 'employer', name: 'Bouwbedrijf De Vries', contactEmail: 'hr@devries.example', active: false })
    .returning({ id: contractingParties.id })) as [{ id: number }];
});
afterAll(async () => {
  await w?.close();
});

const invalid = (field: string, key: string) => ({ ok: false, error: 'invalid', fieldErrors: { [field]: [key] } });
const refused = (key: string) => invalid('_form', key);

/** A complaint ready to be resolved: in progress, the copy sent to the adviser, the hearing held. */
const ready = (overrides: Parameters<StepsWorld['complaint']>[0] = {}) =>
  w.complaint({ status: 'in_progress', copySentOn: daysAgo(5), hearingState: 'held', hearingOn: daysAgo(2), ...overrides });

const FINDINGS = 'De adviseur is drie keer niet gekomen. Zij heeft de klager niet gebeld.';
const JUDGEMENT = 'Afspraken moeten worden nagekomen of op tijd worden afgezegd. Dat is twee keer niet gebeurd.';
const resolveInput = (extra: Record<string, unknown> = {}) => ({ outcome: 'partly_upheld', findings: FINDINGS, judgement: JUDGEMENT, ...extra });

async function measureCount() {
  const [row] = await w.db.select({ n: count() }).from(measures);
  return row!.n;
}

describe('resolve', () => {
  it('records the outcome, creates and links the new measures, writes the history and queues the outcome letter naming the party', async () => {
    const c = await ready({ contractingPartyId: w.ids.party.id });
    const result = await w.act(w.people.handler, actions.resolveAction, c.id, {
      ...resolveInput(),
      measures: [
        { description: 'Adviseurs bevestigen elke afspraak per sms', owner: 'Teamleider Oss', dueOn: '2026-12-31', status: 'planned' },
        { description: 'Gesprek met de adviseur over afspraken', owner: 'Marloes van den Berg', status: 'done' },
      ],
    });
    expect(result).toMatchObject({ ok: true, data: { status: 'resolved', version: c.version + 1, warnings: [] } });

    const after = await w.snapshot(c.id);
    expect(after.complaint).toMatchObject({ status: 'resolved', outcome: 'partly_upheld', contractingPartyId: w.ids.party.id });
    expect(after.history).toHaveLength(1);
    expect(after.history[0]).toMatchObject({
      action: 'resolved',
      fromStatus: 'in_progress',
      toStatus: 'resolved',
      actorUserId: w.people.handler.id,
      reason: FINDINGS,
      details: {
        outcome: 'partly_upheld',
        judgement: JUDGEMENT,
        measures: ['Adviseurs bevestigen elke afspraak per sms', 'Gesprek met de adviseur over afspraken'],
      },
    });

    // The measures are in the register, owned, dated and linked to this complaint.
    expect(after.measures).toHaveLength(2);
    const created = await w.db
      .select({ description: measures.description, owner: measures.owner, dueOn: measures.dueOn, status: measures.status, createdBy: measures.createdBy })
      .from(complaintMeasures)
      .innerJoin(measures, eq(measures.id, complaintMeasures.measureId))
      .where(eq(complaintMeasures.complaintId, c.id))
      .orderBy(asc(measures.id));
    expect(created).toEqual([
      { description: 'Adviseurs bevestigen elke afspraak per sms', owner: 'Teamleider Oss', dueOn: '2026-12-31', status: 'planned', createdBy: w.people.handler.id },
      { description: 'Gesprek met de adviseur over afspraken', owner: 'Marloes van den Berg', dueOn: null, status: 'done', createdBy: w.people.handler.id },
    ]);

    // The file page reads them back in the order they were entered.
    expect((await complaintFileMeasures(w.db, c.id)).map((m) => [m.description, m.status])).toEqual([
      ['Adviseurs bevestigen elke afspraak per sms', 'planned'],
      ['Gesprek met de adviseur over afspraken', 'done'],
    ]);

    expect(after.outbox).toHaveLength(1);
    const letter = after.outbox[0]!;
    expect(letter).toMatchObject({ kind: 'outcome', medium: 'email', recipient: 'henk@example.nl' });
    expect(letter.subject).toBe(`Ons besluit over uw klacht ${c.reference}`);
    expect(letter.bodyText).toContain('Ons besluit: uw klacht is deels gegrond.');
    expect(letter.bodyText).toContain(FINDINGS);
    expect(letter.bodyText).toContain(JUDGEMENT);
    expect(letter.bodyText).toContain('- Adviseurs bevestigen elke afspraak per sms (klaar uiterlijk 31 december 2026)');
    expect(letter.bodyText).toContain('- Gesprek met de adviseur over afspraken (gedaan)');
    expect(letter.bodyText).toContain('voorleggen aan de opdrachtgever van uw traject: Gemeente Oss.');
  });

  it('links an existing measure to a second complaint, once, without a new one; the letter names the general route and goes by post in English', async () => {
    const first = await ready();
    await w.act(w.people.handler, actions.resolveAction, first.id, {
      ...resolveInput({ outcome: 'upheld' }),
      measures: [{ description: 'Teamoverleg over bereikbaarheid', owner: 'Teamleider Den Bosch', dueOn: '', status: 'in_progress' }],
    });
    const [existing] = (await w.snapshot(first.id)).measures;
    const measuresBefore = await measureCount();

    const second = await ready({
      locale: 'en',
      complainantEmail: null,
      addressStreet: 'Kerkstraat 12',
      addressPostcode: '5341 AB',
      addressCity: 'Oss',
      // Nobody complained about: no copy needed; the hearing was skipped.
      involved: [],
      copySentOn: null,
      hearingState: 'skipped',
    });
    const result = await w.act(w.people.manager, actions.resolveAction, second.id, {
      ...resolveInput({ outcome: 'upheld' }),
      linkMeasureIds: [String(existing!.measureId), existing!.measureId],
    });
    expect(result).toMatchObject({ ok: true, data: { status: 'resolved' } });
    expect(await measureCount()).toBe(measuresBefore);

    const after = await w.snapshot(second.id);
    expect(after.measures.map((m) => m.measureId)).toEqual([existing!.measureId]);
    expect((await w.snapshot(first.id)).measures.map((m) => m.measureId)).toEqual([existing!.measureId]);
    expect(after.history[0]).toMatchObject({ actorUserId: w.people.manager.id, details: { outcome: 'upheld', measures: ['Teamoverleg over bereikbaarheid'] } });
    expect(after.outbox[0]).toMatchObject({ kind: 'outcome', medium: 'post', recipient: 'Henk de Jong\nKerkstraat 12\n5341 AB Oss' });
    expect(after.outbox[0]!.subject).toBe(`Our decision on your complaint ${second.reference}`);
    expect(after.outbox[0]!.bodyText).toContain('- Teamoverleg over bereikbaarheid (planned)');
    expect(after.outbox[0]!.bodyText).toContain('your employer, the municipality or UWV');
  });

  it('creates new measures and links existing ones in one go, and says so when there are none', async () => {
    const source = await ready();
    await w.act(w.people.handler, actions.resolveAction, source.id, {
      ...resolveInput(),
      measures: [{ description: 'Extra scholing', owner: 'HR', status: 'planned' }],
    });
    const [existing] = (await w.snapshot(source.id)).measures;

    const both = await ready();
    await w.act(w.people.handler, actions.resolveAction, both.id, {
      ...resolveInput(),
      measures: [{ description: 'Nieuwe werkinstructie', owner: 'Kwaliteit', status: 'planned' }],
      linkMeasureIds: [existing!.measureId],
    });
    const after = await w.snapshot(both.id);
    expect(after.measures).toHaveLength(2);
    expect(after.history[0]!.details).toMatchObject({ measures: ['Extra scholing', 'Nieuwe werkinstructie'] });
    expect(after.outbox[0]!.bodyText).toMatch(/- Extra scholing \(gepland\)\n- Nieuwe werkinstructie \(gepland\)/);

    const none = await ready();
    await w.act(w.people.handler, actions.resolveAction, none.id, resolveInput({ outcome: 'not_upheld' }));
    const plain = await w.snapshot(none.id);
    expect(plain.measures).toEqual([]);
    expect(plain.history[0]!.details).toMatchObject({ outcome: 'not_upheld', measures: [] });
    expect(plain.outbox[0]!.bodyText).toContain('Naar aanleiding van uw klacht nemen wij geen aparte maatregelen.');
  });

  it.each([
    ['before the copy was sent to the person complained about', { copySentOn: null }, 'copyNotSent'],
    ['before the hearing was decided', { hearingState: null, hearingOn: null }, 'hearingNotDecided'],
    ['while the hearing is only planned', { hearingState: 'planned' as const }, 'hearingNotDecided'],
    ['on an acknowledged complaint', { status: 'acknowledged' as const }, 'stepNotAllowed'],
    ['twice', { status: 'resolved' as const, outcome: 'upheld' as const }, 'stepNotAllowed'],
    ['without a handler', { handlerId: null, registeredBy: null }, 'noHandlerAssigned'],
  ])('is refused %s, leaving everything as it was', async (_, overrides, key) => {
    const c = await ready(overrides);
    const before = await w.snapshot(c.id);
    const measuresBefore = await measureCount();
    const who = 'handlerId' in overrides ? w.people.manager : w.people.handler;
    const input = { ...resolveInput(), measures: [{ description: 'Iets', owner: 'Iemand', status: 'planned' }] };
    expect(await w.act(who, actions.resolveAction, c.id, input)).toEqual(refused(key));
    expect(await w.snapshot(c.id)).toEqual(before);
    expect(await measureCount()).toBe(measuresBefore);
  });

  it('is refused for an admin, an anonymous visitor and a handler of another complaint', async () => {
    const c = await ready();
    const before = await w.snapshot(c.id);
    expect(await w.act(w.people.admin, actions.resolveAction, c.id, resolveInput())).toEqual(FORBIDDEN);
    expect(await w.act(null, actions.resolveAction, c.id, resolveInput())).toEqual(FORBIDDEN);
    expect(await w.act(w.people.handler2, actions.resolveAction, c.id, resolveInput())).toEqual(FORBIDDEN);
    expect(await w.snapshot(c.id)).toEqual(before);
  });

  it('refuses an unknown measure to link, creating no new measure either', async () => {
    const c = await ready();
    const before = await w.snapshot(c.id);
    const measuresBefore = await measureCount();
    const result = await w.act(w.people.handler, actions.resolveAction, c.id, {
      ...resolveInput(),
      measures: [{ description: 'Nieuwe maatregel', owner: 'Kwaliteit', status: 'planned' }],
      linkMeasureIds: [999_999],
    });
    expect(result).toEqual(invalid('linkMeasureIds', 'measureUnknown'));
    expect(await w.snapshot(c.id)).toEqual(before);
    expect(await measureCount()).toBe(measuresBefore);
  });

  it('refuses to link a dropped measure, and does not offer it', async () => {
    const c = await ready();
    const [dropped] = await w.db
      .insert(measures)
      .values({ description: 'Vervallen maatregel', owner: 'Kwaliteit', status: 'dropped', droppedReason: 'Niet meer nodig' })
      .returning({ id: measures.id });
    const before = await w.snapshot(c.id);
    const result = await w.act(w.people.handler, actions.resolveAction, c.id, { ...resolveInput(), linkMeasureIds: [dropped!.id] });
    expect(result).toEqual(invalid('linkMeasureIds', 'measureDropped'));
    expect(await w.snapshot(c.id)).toEqual(before);
    expect((await measureChoices(w.db)).map((m) => m.id)).not.toContain(dropped!.id);
  });

  it.each([
    ['no outcome', { outcome: undefined }, 'outcome', 'choose'],
    ['an outcome that does not exist', { outcome: 'withdrawn' }, 'outcome', 'choose'],
    ['empty findings', { findings: '   ' }, 'findings', 'required'],
    ['no judgement', { judgement: undefined }, 'judgement', 'required'],
    ['a measure without owner', { measures: [{ description: 'x', owner: '', status: 'planned' }] }, 'measures.0.owner', 'required'],
    ['a measure without description', { measures: [{ description: '', owner: 'x', status: 'planned' }] }, 'measures.0.description', 'required'],
    ['a measure with a bad date', { measures: [{ description: 'x', owner: 'x', dueOn: '31-12-2026', status: 'planned' }] }, 'measures.0.dueOn', 'dateInvalid'],
    ['a measure with an unknown status', { measures: [{ description: 'x', owner: 'x', status: 'cancelled' }] }, 'measures.0.status', 'choose'],
    ['too many measures', { measures: Array.from({ length: 11 }, () => ({ description: 'x', owner: 'x', status: 'planned' })) }, 'measures', 'tooMany'],
  ])('rejects %s', async (_, extra, field, key) => {
    const c = await ready();
    const before = await w.snapshot(c.id);
    expect(await w.act(w.people.handler, actions.resolveAction, c.id, resolveInput(extra))).toEqual(invalid(field, key));
    expect(await w.snapshot(c.id)).toEqual(before);
  });
});

describe('escalate', () => {
  /** A complaint taken through addInvolved and resolve, so its history has entries as in real life. */
  async function resolvedComplaint(overrides: Parameters<StepsWorld['complaint']>[0] = {}, outcome = 'not_upheld') {
    const c = await ready(overrides);
    expect(await w.act(w.people.handler, actions.addInvolvedAction, c.id, { name: 'De receptioniste', involvement: 'other' })).toMatchObject({ ok: true });
    expect(await w.act(w.people.handler, actions.resolveAction, c.id, resolveInput({ outcome }))).toMatchObject({ ok: true });
    return c;
  }

  it('links the party and sends it the dossier: the complaint, its history, the outcome and what the client is not satisfied with', async () => {
    const c = await resolvedComplaint();
    const result = await w.act(w.people.handler, actions.escalateAction, c.id, {
      contractingPartyId: String(w.ids.party.id),
      dissatisfaction: 'Ik vind dat de adviseur een andere klant moet krijgen.',
    });
    // The client said "the municipality", and Gemeente Oss is one: no warning.
    expect(result).toMatchObject({ ok: true, data: { status: 'escalated', warnings: [] } });

    const after = await w.snapshot(c.id);
    expect(after.complaint).toMatchObject({ status: 'escalated', contractingPartyId: w.ids.party.id, outcome: 'not_upheld' });
    expect(after.history.at(-1)).toMatchObject({
      action: 'escalated',
      fromStatus: 'resolved',
      toStatus: 'escalated',
      reason: 'Ik vind dat de adviseur een andere klant moet krijgen.',
      details: { contractingPartyId: w.ids.party.id, contractingPartyName: 'Gemeente Oss' },
    });

    const dossier = after.outbox.at(-1)!;
    expect(after.outbox).toHaveLength(2);
    expect(dossier).toMatchObject({ kind: 'escalation', medium: 'email', recipient: 'klachten@oss.example' });
    expect(dossier.subject).toBe(`Klacht ${c.reference}: de klager is niet tevreden (dossier)`);
    const body = dossier.bodyText;
    expect(body).toContain('Aan: Gemeente Oss');
    expect(body).toContain('- Naam: Henk de Jong');
    expect(body).toContain('- E-mail: henk@example.nl');
    expect(body).toContain(`- Referentienummer: ${c.reference}`);
    expect(body).toContain(`- Ontvangen op: ${formatDate(c.receivedOn, 'nl')}`);
    expect(body).toContain(`"${c.description}"`);
    const [added, resolved] = after.history;
    expect(body).toContain(`- ${formatDateTime(added!.at)}, Sanne Jansen: Betrokkene toegevoegd\n`);
    // The findings are given once, under the outcome, not again in the history line.
    expect(body).toContain(`- ${formatDateTime(resolved!.at)}, Sanne Jansen: Afgehandeld\n`);
    expect(body.split(FINDINGS)).toHaveLength(2);
    expect(body).toContain(`Ons besluit\nDe klacht is ongegrond.\n\nWat wij hebben uitgezocht:\n${FINDINGS}\n\nOns oordeel:\n${JUDGEMENT}`);
    expect(body).toContain('Waarover de klager niet tevreden is\n"Ik vind dat de adviseur een andere klant moet krijgen."');
    expect(body).not.toContain('Voorgelegd aan opdrachtgever');
  });

  it('keeps the letter with the dossier to attach as a PDF, and staff can download the same dossier from the file', async () => {
    const c = await resolvedComplaint({ complainantName: 'Ayşe Şahin' });
    await w.act(w.people.handler, actions.escalateAction, c.id, { contractingPartyId: String(w.ids.party.id), dissatisfaction: 'Łukasz heeft niet geluisterd.' });
    const mail = (await w.snapshot(c.id)).outbox.at(-1)!;
    // The text and the stored structure are one: the HTML part and the PDF are made from it when the mail is sent.
    expect(letterText(mail.letter!)).toBe(mail.bodyText);
    expect(mail.letter!.attachment).toMatchObject({ kind: 'dossier', filename: `klachtdossier-${c.reference}.pdf`, title: `Klachtdossier ${c.reference}` });
    const inMail = mail.letter!.attachment!.items.map(itemText).join('\n');
    expect(mail.bodyText).toContain(inMail);

    const pdf = await complaintDossierPdf({ ...w.people.handler, role: 'handler' }, c.id);
    expect(pdf!.filename).toBe(`klachtdossier-${c.reference}.pdf`);
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf!.bytes, encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const part of [`Klachtdossier ${c.reference}`, 'Naam: Ayşe Şahin', c.description, FINDINGS, JUDGEMENT, 'Łukasz heeft niet geluisterd.', 'Voorgelegd aan opdrachtgever']) {
      expect(text).toContain(part);
    }
    // Like the file page: a complaint that is not theirs does not exist for a handler; managers see every complaint.
    expect(await complaintDossierPdf({ ...w.people.handler2, role: 'handler' }, c.id)).toBeNull();
    expect(await complaintDossierPdf({ ...w.people.manager, role: 'manager' }, c.id)).not.toBeNull();
    expect(await complaintDossierPdf({ ...w.people.manager, role: 'manager' }, 999_999)).toBeNull();
  });

  it('offers the dossier of a complaint not (yet) escalated, saying it was not put to the party', async () => {
    const c = await resolvedComplaint();
    const text = execFileSync('pdftotext', ['-', '-'], { input: (await complaintDossierPdf({ ...w.people.handler, role: 'handler' }, c.id))!.bytes, encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('De klager heeft de klacht (nog) niet aan de opdrachtgever voorgelegd.');
    expect(text).toContain(FINDINGS);
  });

  it('sends the dossier by post when the party has no e-mail address, and changes the linked party', async () => {
    const c = await resolvedComplaint({ contractingPartyId: w.ids.party.id, complainantEmail: null, addressStreet: 'Kerkstraat 12', addressPostcode: '5341 AB', addressCity: 'Oss' });
    const result = await w.act(w.people.manager, actions.escalateAction, c.id, { contractingPartyId: w.ids.partyWithoutMail.id, dissatisfaction: 'Niet eens met het besluit.' });
    // The client said "the municipality": UWV is allowed, with a warning and what the client said in the history.
    expect(result).toMatchObject({ ok: true, data: { warnings: ['partyDiffersFromClient'] } });
    const after = await w.snapshot(c.id);
    expect(after.complaint.contractingPartyId).toBe(w.ids.partyWithoutMail.id);
    expect(after.history.at(-1)!.details).toEqual({
      contractingPartyId: w.ids.partyWithoutMail.id,
      contractingPartyName: 'UWV Den Bosch',
      clientPartyChoice: 'municipality',
    });
    expect(after.outbox.at(-1)).toMatchObject({ kind: 'escalation', medium: 'post', recipient: 'UWV Den Bosch' });
    expect(after.outbox.at(-1)!.bodyText).toContain('- Adres: Kerkstraat 12, 5341 AB Oss');
    expect(after.outbox.at(-1)!.bodyText).not.toContain('- E-mail:');
  });

  it.each([
    ['the municipality the client named', { partyChoice: 'municipality', partyName: 'gemeente  OSS' }, 'party', []],
    ['another party than the one the client named', { partyChoice: 'uwv', partyName: 'UWV Den Bosch' }, 'party', ['partyDiffersFromClient']],
    ['any party when the client did not know', { partyChoice: 'unknown', partyName: null }, 'partyWithoutMail', []],
  ] as const)('escalates to %s, warning only when it differs from what the client said', async (_label, stated, partyKey, warnings) => {
    const c = await resolvedComplaint({ ...stated });
    const result = await w.act(w.people.handler, actions.escalateAction, c.id, { contractingPartyId: w.ids[partyKey].id, dissatisfaction: 'Niet eens.' });
    expect(result).toMatchObject({ ok: true, data: { status: 'escalated', warnings } });
    const entry = (await w.snapshot(c.id)).history.at(-1)!;
    expect(entry.details).toEqual({
      contractingPartyId: w.ids[partyKey].id,
      contractingPartyName: w.ids[partyKey].name,
      ...(warnings.length ? { clientPartyChoice: stated.partyChoice, clientPartyName: stated.partyName } : {}),
    });
  });

  it('is refused when the complaint was resolved to the client’s satisfaction', async () => {
    const c = await resolvedComplaint({}, 'resolved_to_satisfaction');
    const before = await w.snapshot(c.id);
    expect(await w.act(w.people.handler, actions.escalateAction, c.id, { contractingPartyId: w.ids.party.id, dissatisfaction: 'Toch niet tevreden' })).toEqual(
      refused('resolvedToSatisfaction'),
    );
    expect(await w.snapshot(c.id)).toEqual(before);
  });

  it.each([
    ['an inactive party', () => inactiveParty.id, 'partyUnknown'],
    ['a party that does not exist', () => 999_999, 'partyUnknown'],
  ])('refuses %s', async (_, partyId, key) => {
    const c = await ready({ status: 'resolved', outcome: 'upheld', copySentOn: daysAgo(3) });
    const before = await w.snapshot(c.id);
    expect(await w.act(w.people.handler, actions.escalateAction, c.id, { contractingPartyId: partyId(), dissatisfaction: 'x' })).toEqual(invalid('contractingPartyId', key));
    expect(await w.snapshot(c.id)).toEqual(before);
  });

  it.each([
    ['no party chosen', { contractingPartyId: '' }, 'contractingPartyId', 'choose'],
    ['no dissatisfaction', { dissatisfaction: '' }, 'dissatisfaction', 'required'],
  ])('rejects %s', async (_, extra, field, key) => {
    const c = await ready({ status: 'resolved', outcome: 'upheld' });
    const before = await w.snapshot(c.id);
    expect(await w.act(w.people.handler, actions.escalateAction, c.id, { contractingPartyId: w.ids.party.id, dissatisfaction: 'x', ...extra })).toEqual(
      invalid(field, key),
    );
    expect(await w.snapshot(c.id)).toEqual(before);
  });

  it('is refused before the outcome, twice, and for an admin', async () => {
    const open = await ready();
    const escalated = await ready({ status: 'escalated', outcome: 'upheld', contractingPartyId: w.ids.party.id });
    for (const c of [open, escalated]) {
      const before = await w.snapshot(c.id);
      expect(await w.act(w.people.handler, actions.escalateAction, c.id, { contractingPartyId: w.ids.party.id, dissatisfaction: 'x' })).toEqual(refused('stepNotAllowed'));
      expect(await w.snapshot(c.id)).toEqual(before);
    }
    const resolved = await ready({ status: 'resolved', outcome: 'upheld' });
    expect(await w.act(w.people.admin, actions.escalateAction, resolved.id, { contractingPartyId: w.ids.party.id, dissatisfaction: 'x' })).toEqual(FORBIDDEN);
  });
});

describe('recordPartyResponse', () => {
  async function escalatedComplaint() {
    const c = await ready();
    await w.act(w.people.handler, actions.resolveAction, c.id, resolveInput({ outcome: 'not_upheld' }));
    await w.act(w.people.handler, actions.escalateAction, c.id, { contractingPartyId: w.ids.party.id, dissatisfaction: 'Niet eens' });
    return c;
  }

  it('records the response and the day it came in, and closes the complaint', async () => {
    const c = await escalatedComplaint();
    const before = await w.snapshot(c.id);
    const result = await w.act(w.people.handler, actions.recordPartyResponseAction, c.id, {
      response: 'De gemeente sluit zich aan bij het besluit van Bijstand naar Werk.',
      receivedOn: today,
    });
    expect(result).toMatchObject({ ok: true, data: { status: 'closed_by_party' } });
    const after = await w.snapshot(c.id);
    expect(after.complaint.status).toBe('closed_by_party');
    expect(after.history.at(-1)).toMatchObject({
      action: 'closed_by_party',
      fromStatus: 'escalated',
      toStatus: 'closed_by_party',
      reason: null,
      details: { response: 'De gemeente sluit zich aan bij het besluit van Bijstand naar Werk.', receivedOn: today },
    });
    expect(after.outbox).toEqual(before.outbox);
    // Nothing further: the complaint is closed.
    expect(await w.act(w.people.handler, actions.recordPartyResponseAction, c.id, { response: 'x', receivedOn: today })).toEqual(refused('stepNotAllowed'));
  });

  it.each([
    ['a date in the future', { receivedOn: '2999-01-01' }, 'receivedOn', 'dateInFuture'],
    ['a date before the escalation', { receivedOn: daysAgo(1) }, 'receivedOn', 'responseBeforeEscalation'],
    ['no date', { receivedOn: '' }, 'receivedOn', 'required'],
    ['no response', { response: ' ' }, 'response', 'required'],
  ])('rejects %s', async (_, extra, field, key) => {
    const c = await escalatedComplaint();
    const before = await w.snapshot(c.id);
    expect(await w.act(w.people.handler, actions.recordPartyResponseAction, c.id, { response: 'Akkoord', receivedOn: today, ...extra })).toEqual(invalid(field, key));
    expect(await w.snapshot(c.id)).toEqual(before);
  });

  it('is refused before the escalation, and for an admin', async () => {
    const c = await ready({ status: 'resolved', outcome: 'upheld' });
    const before = await w.snapshot(c.id);
    expect(await w.act(w.people.handler, actions.recordPartyResponseAction, c.id, { response: 'Akkoord', receivedOn: today })).toEqual(refused('stepNotAllowed'));
    const escalated = await ready({ status: 'escalated', outcome: 'upheld' });
    expect(await w.act(w.people.admin, actions.recordPartyResponseAction, escalated.id, { response: 'Akkoord', receivedOn: today })).toEqual(FORBIDDEN);
    expect(await w.snapshot(c.id)).toEqual(before);
  });
});

describe('linkParty', () => {
  it('links the party the client named, in the history, without changing the status', async () => {
    const c = await w.complaint({ status: 'acknowledged', partyChoice: 'municipality', partyName: 'Gemeente Oss' });
    const result = await w.act(w.people.handler, actions.linkPartyAction, c.id, { contractingPartyId: String(w.ids.party.id) });
    expect(result).toMatchObject({ ok: true, data: { status: 'acknowledged', warnings: [] } });
    const after = await w.snapshot(c.id);
    expect(after.complaint).toMatchObject({ status: 'acknowledged', contractingPartyId: w.ids.party.id, version: c.version + 1 });
    expect(after.history.at(-1)).toMatchObject({
      action: 'party_linked',
      actorUserId: w.people.handler.id,
      fromStatus: 'acknowledged',
      toStatus: 'acknowledged',
      details: { contractingPartyId: w.ids.party.id, contractingPartyName: 'Gemeente Oss' },
    });
    expect(after.outbox).toHaveLength(0);
  });

  it('changes a link to a party other than the client named with a warning, keeping the earlier party and the client’s words', async () => {
    const c = await w.complaint({ status: 'in_progress', partyChoice: 'municipality', partyName: 'Gemeente Oss', contractingPartyId: w.ids.party.id });
    const result = await w.act(w.people.manager, actions.linkPartyAction, c.id, { contractingPartyId: w.ids.partyWithoutMail.id });
    expect(result).toMatchObject({ ok: true, data: { warnings: ['partyDiffersFromClient'] } });
    const after = await w.snapshot(c.id);
    expect(after.complaint.contractingPartyId).toBe(w.ids.partyWithoutMail.id);
    expect(after.history.at(-1)!.details).toEqual({
      contractingPartyId: w.ids.partyWithoutMail.id,
      contractingPartyName: 'UWV Den Bosch',
      previousPartyName: 'Gemeente Oss',
      clientPartyChoice: 'municipality',
      clientPartyName: 'Gemeente Oss',
    });
  });

  it('refuses the party already linked, an unknown or inactive party, after the escalation, and for an admin', async () => {
    const c = await w.complaint({ status: 'acknowledged', contractingPartyId: w.ids.party.id });
    expect(await w.act(w.people.handler, actions.linkPartyAction, c.id, { contractingPartyId: w.ids.party.id })).toEqual(invalid('contractingPartyId', 'partyAlreadyLinked'));
    expect(await w.act(w.people.handler, actions.linkPartyAction, c.id, { contractingPartyId: 999_999 })).toEqual(invalid('contractingPartyId', 'partyUnknown'));
    const [inactive] = await w.db.insert(contractingParties).values({ type: 'employer', name: 'Failliet B.V.', active: false }).returning({ id: contractingParties.id });
    expect(await w.act(w.people.handler, actions.linkPartyAction, c.id, { contractingPartyId: inactive!.id })).toEqual(invalid('contractingPartyId', 'partyUnknown'));
    expect((await w.snapshot(c.id)).history).toHaveLength(0);

    const escalated = await w.complaint({ status: 'escalated', outcome: 'upheld', contractingPartyId: w.ids.party.id });
    expect(await w.act(w.people.handler, actions.linkPartyAction, escalated.id, { contractingPartyId: w.ids.partyWithoutMail.id })).toEqual(refused('stepNotAllowed'));
    expect(await w.act(w.people.admin, actions.linkPartyAction, c.id, { contractingPartyId: w.ids.partyWithoutMail.id })).toEqual(FORBIDDEN);
  });
});
