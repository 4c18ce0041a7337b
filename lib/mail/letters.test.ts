import { describe, expect, it } from 'vitest';
import type { Organisation } from '@/lib/organisation';
import { LOCALES, NOT_ADMISSIBLE_GROUNDS, OUTCOMES, type Locale, type NotAdmissibleGround, type Outcome } from '@/lib/procedure/vocabulary';
import {
  escalationDossier,
  extensionNotice,
  extensionNoticeToStaff,
  hearingInvitationLetter,
  infoRequestLetter,
  type Letter,
  notAdmissibleNotice,
  outcomeLetter,
  type PartyRef,
  reopenNotice,
  withdrawalConfirmation,
  dissatisfactionNoticeToStaff,
  forwardRequestToStaff,
  statusLinkLetter,
} from './letters';

const org: Organisation = {
  name: 'Werkpunt Oost',
  phone: '053 123 45 67',
  email: 'klachten@werkpunt.example',
  postalAddress: 'Postbus 1, 7500 AA Enschede',
  website: null,
  signature: 'Hartelijke groet,\nTeam Kwaliteit Werkpunt Oost',
};
const CONTACT = '053 123 45 67 · klachten@werkpunt.example · Postbus 1, 7500 AA Enschede';
const SIGNED: Record<Locale, string> = {
  nl: `\n\nHartelijke groet,\nTeam Kwaliteit Werkpunt Oost\n${CONTACT}`,
  en: `\n\nKind regards,\nWerkpunt Oost\n${CONTACT}`,
};
const GREETING: Record<Locale, string> = { nl: 'Beste Noor Bakker,\n\n', en: 'Dear Noor Bakker,\n\n' };

const REF = 'KL-2026-0042';
const base = (locale: Locale) => ({ locale, name: 'Noor Bakker', reference: REF, organisation: org });
const knownParty: PartyRef = { name: 'Bakkerij Jansen', type: 'employer' };

const outcomeInput = (locale: Locale, outcome: Outcome = 'partly_upheld', party: PartyRef = null) =>
  outcomeLetter({
    ...base(locale),
    outcome,
    findings: 'De adviseur belde twee keer niet terug.',
    judgement: 'Dat had niet mogen gebeuren.',
    measures: [],
    party,
  });
const notAdmissibleInput = (locale: Locale, ground: NotAdmissibleGround = 'handled_before', party: PartyRef = null, incidentLimitMonths = 12) =>
  notAdmissibleNotice({
    ...base(locale),
    receivedOn: '2026-03-02',
    ground,
    reason: 'Uw klacht van vorig jaar ging over hetzelfde gesprek.',
    incidentLimitMonths,
    party,
  });

/** Every letter to the client, in both languages, with what it must say. */
const clientLetters: {
  letter: string;
  build: (locale: Locale) => Letter;
  says: Record<Locale, string[]>;
}[] = [
  {
    letter: 'infoRequestLetter',
    build: (locale) => infoRequestLetter({ ...base(locale), question: 'Op welke dag was het gesprek?', answerBy: '2026-03-16' }),
    says: {
      nl: ['"Op welke dag was het gesprek?"', 'vóór 16 maart 2026', 'reageer op deze e-mail, bel ons of stuur ons een brief'],
      en: ['"Op welke dag was het gesprek?"', 'before 16 March 2026', 'reply to this e-mail, call us or send us a letter'],
    },
  },
  {
    letter: 'hearingInvitationLetter',
    build: (locale) =>
      hearingInvitationLetter({ ...base(locale), on: '2026-03-10', time: '14:00', place: 'Stationsplein 3, Enschede', participants: 'Jan de Vries (klachtbehandelaar)' }),
    says: {
      nl: ['Wanneer: dinsdag 10 maart 2026 om 14:00', 'Waar: Stationsplein 3, Enschede', 'Wie zijn erbij: Jan de Vries (klachtbehandelaar)', 'U mag iemand meenemen', 'Wilt u laten weten of u komt?', 'bel ons'],
      en: ['When: Tuesday, 10 March 2026 at 14:00', 'Where: Stationsplein 3, Enschede', 'Who will be there: Jan de Vries (klachtbehandelaar)', 'You may bring someone', 'Please let us know if you will come', 'call us'],
    },
  },
  {
    letter: 'notAdmissibleNotice',
    build: (locale) => notAdmissibleInput(locale),
    says: {
      nl: ['ontvangen op 2 maart 2026', 'niet te behandelen', '"Uw klacht van vorig jaar ging over hetzelfde gesprek."'],
      en: ['received your complaint on 2 March 2026', 'not to handle', '"Uw klacht van vorig jaar ging over hetzelfde gesprek."'],
    },
  },
  {
    letter: 'extensionNotice',
    build: (locale) =>
      extensionNotice({ ...base(locale), previousDue: '2026-04-13', newDue: '2026-05-11', reason: 'De adviseur is ziek.', withConsent: false }),
    says: {
      nl: ['uiterlijk op 13 april 2026', 'Dat wordt nu uiterlijk 11 mei 2026.', '"De adviseur is ziek."'],
      en: ['by 13 April 2026 at the latest', 'This is now 11 May 2026 at the latest.', '"De adviseur is ziek."'],
    },
  },
  {
    letter: 'outcomeLetter',
    build: (locale) => outcomeInput(locale),
    says: {
      nl: ['De adviseur belde twee keer niet terug.', 'Dat had niet mogen gebeuren.', 'Laat het ons dan weten. Dan sturen wij uw klachtdossier naar hen.'],
      en: ['De adviseur belde twee keer niet terug.', 'Dat had niet mogen gebeuren.', 'We will then send them your complaint file.'],
    },
  },
  {
    letter: 'withdrawalConfirmation',
    build: (locale) => withdrawalConfirmation({ ...base(locale), withdrawnOn: '2026-03-20', reason: 'Het is opgelost met mijn adviseur.' }),
    says: {
      nl: ['op 20 maart 2026 ingetrokken', '"Het is opgelost met mijn adviseur."'],
      en: ['on 20 March 2026', 'withdrew', '"Het is opgelost met mijn adviseur."'],
    },
  },
  {
    letter: 'reopenNotice',
    build: (locale) => reopenNotice({ ...base(locale), reason: 'U stuurde nieuwe informatie.' }),
    says: {
      nl: ['weer in behandeling', '"U stuurde nieuwe informatie."'],
      en: ['taking up your complaint', 'again', '"U stuurde nieuwe informatie."'],
    },
  },
];

describe('letters to the client, in both languages', () => {
  const cases = clientLetters.flatMap((c) => LOCALES.map((locale) => ({ ...c, locale })));

  it.each(cases)('$letter ($locale): reference in the subject, greeting, signature of the organisation', ({ build, locale }) => {
    const { subject, text } = build(locale);
    expect(subject).toContain(REF);
    expect(text).toContain(REF);
    expect(text.startsWith(GREETING[locale])).toBe(true);
    expect(text.endsWith(SIGNED[locale])).toBe(true);
  });

  it.each(cases)('$letter ($locale): says what it must', ({ build, locale, says }) => {
    const { text } = build(locale);
    for (const part of says[locale]) expect(text).toContain(part);
  });

  it.each(clientLetters)('$letter: the Dutch and English texts differ', ({ build }) => {
    const nl = build('nl');
    const en = build('en');
    expect(nl.subject).not.toBe(en.subject);
    expect(nl.text).not.toContain('Kind regards');
    expect(en.text).not.toContain('Hartelijke groet');
  });

  it('falls back to a plain Dutch closing when the stored signature is empty', () => {
    const { text } = reopenNotice({ ...base('nl'), organisation: { ...org, signature: '  ' }, reason: 'x' });
    expect(text.endsWith(`\n\nMet vriendelijke groet,\nWerkpunt Oost\n${CONTACT}`)).toBe(true);
  });
});

describe('outcomeLetter: the outcome in words', () => {
  const words: Record<Locale, Record<Outcome, string>> = {
    nl: {
      upheld: 'Ons besluit: uw klacht is gegrond.',
      partly_upheld: 'Ons besluit: uw klacht is deels gegrond.',
      not_upheld: 'Ons besluit: uw klacht is ongegrond.',
      resolved_to_satisfaction: 'Ons besluit: uw klacht is naar tevredenheid opgelost.',
    },
    en: {
      upheld: 'Our decision: your complaint is upheld.',
      partly_upheld: 'Our decision: your complaint is partly upheld.',
      not_upheld: 'Our decision: your complaint is not upheld.',
      resolved_to_satisfaction: 'Our decision: your complaint is resolved to your satisfaction.',
    },
  };
  const cases = LOCALES.flatMap((locale) => OUTCOMES.map((outcome) => ({ locale, outcome })));

  it.each(cases)('$outcome ($locale)', ({ locale, outcome }) => {
    const { text } = outcomeInput(locale, outcome);
    expect(text).toContain(words[locale][outcome]);
    for (const other of OUTCOMES.filter((o) => o !== outcome)) expect(text).not.toContain(words[locale][other]);
  });

  it('lists the measures with their state, or says there are none', () => {
    const measures = [
      { description: 'Terugbelafspraken worden vastgelegd', dueOn: null, done: true },
      { description: 'Training telefoongesprekken', dueOn: '2026-06-01', done: false },
      { description: 'Evaluatie werkwijze', dueOn: null, done: false },
    ];
    const nl = outcomeLetter({ ...base('nl'), outcome: 'upheld', findings: 'f', judgement: 'j', measures, party: null }).text;
    expect(nl).toContain('- Terugbelafspraken worden vastgelegd (gedaan)\n- Training telefoongesprekken (klaar uiterlijk 1 juni 2026)\n- Evaluatie werkwijze (gepland)');
    expect(nl).not.toContain('geen aparte maatregelen');
    const en = outcomeLetter({ ...base('en'), outcome: 'upheld', findings: 'f', judgement: 'j', measures, party: null }).text;
    expect(en).toContain('- Terugbelafspraken worden vastgelegd (done)\n- Training telefoongesprekken (to be done by 1 June 2026)\n- Evaluatie werkwijze (planned)');
    expect(outcomeInput('nl').text).toContain('Naar aanleiding van uw klacht nemen wij geen aparte maatregelen.');
    expect(outcomeInput('en').text).toContain('We are not taking separate measures as a result of your complaint.');
  });
});

describe('notAdmissibleNotice: the ground in plain words', () => {
  const words: Record<Locale, Record<NotAdmissibleGround, string>> = {
    nl: {
      incident_older_than_limit: 'meer dan een jaar voordat u de klacht indiende',
      handled_before: 'al eerder behandeld',
      objection_or_appeal: 'loopt een bezwaar, een beroep of een rechtszaak',
      criminal_investigation: 'strafrechtelijk onderzoek',
      interest_too_small: 'belang bij deze klacht is te klein',
    },
    en: {
      incident_older_than_limit: 'more than one year before you made the complaint',
      handled_before: 'already handled a complaint about the same matter',
      objection_or_appeal: 'subject of an objection, an appeal or a court case',
      criminal_investigation: 'criminal investigation',
      interest_too_small: 'interest in this complaint is too small',
    },
  };
  const goesOn: Record<Locale, string> = { nl: 'gaat gewoon door', en: 'simply goes on' };
  const cases = LOCALES.flatMap((locale) => NOT_ADMISSIBLE_GROUNDS.map((ground) => ({ locale, ground })));

  it.each(cases)('$ground ($locale)', ({ locale, ground }) => {
    const { text } = notAdmissibleInput(locale, ground);
    expect(text).toContain(words[locale][ground]);
    for (const other of NOT_ADMISSIBLE_GROUNDS.filter((g) => g !== ground)) expect(text).not.toContain(words[locale][other]);
    // Only for an objection or appeal: that procedure goes on.
    expect(text.includes(goesOn[locale])).toBe(ground === 'objection_or_appeal');
  });

  it.each([
    { locale: 'nl' as const, months: 18, says: 'meer dan 18 maanden voordat' },
    { locale: 'en' as const, months: 18, says: 'more than 18 months before' },
    { locale: 'nl' as const, months: 24, says: 'meer dan 2 jaar voordat' },
  ])('uses the configured limit: $months months ($locale)', ({ locale, months, says }) => {
    expect(notAdmissibleInput(locale, 'incident_older_than_limit', null, months).text).toContain(says);
  });
});

describe('the route onward', () => {
  const generic: Record<Locale, string> = {
    nl: 'de opdrachtgever van uw traject: uw werkgever, de gemeente of UWV.',
    en: 'the organisation that commissioned your trajectory: your employer, the municipality or UWV.',
  };
  const builders = [
    { letter: 'outcomeLetter', build: (locale: Locale, party: PartyRef) => outcomeInput(locale, 'not_upheld', party) },
    { letter: 'notAdmissibleNotice', build: (locale: Locale, party: PartyRef) => notAdmissibleInput(locale, 'handled_before', party) },
  ];
  const cases = builders.flatMap((b) =>
    [
      { locale: 'nl' as const, party: knownParty, says: 'de opdrachtgever van uw traject: Bakkerij Jansen (werkgever).' },
      { locale: 'en' as const, party: knownParty, says: 'the organisation that commissioned your trajectory: Bakkerij Jansen (employer).' },
      { locale: 'nl' as const, party: { name: 'Gemeente Utrecht', type: 'municipality' as const }, says: 'van uw traject: Gemeente Utrecht.' },
      { locale: 'en' as const, party: { name: 'Gemeente Utrecht', type: 'municipality' as const }, says: 'your trajectory: Gemeente Utrecht (municipality).' },
      { locale: 'nl' as const, party: { name: 'UWV Enschede', type: 'uwv' as const }, says: 'van uw traject: UWV Enschede.' },
      { locale: 'nl' as const, party: null, says: generic.nl },
      { locale: 'en' as const, party: null, says: generic.en },
    ].map((c) => ({ ...c, ...b, partyName: c.party?.name ?? 'unknown' })),
  );

  it.each(cases)('$letter ($locale, party $partyName)', ({ build, locale, party, says }) => {
    const { text } = build(locale, party);
    expect(text).toContain(says);
    if (party) expect(text).not.toContain(generic[locale]);
  });
});

describe('optional parts of the client letters', () => {
  it('infoRequestLetter without an answer date asks for an answer soon', () => {
    expect(infoRequestLetter({ ...base('nl'), question: 'q', answerBy: null }).text).toContain('Wilt u ons zo snel mogelijk antwoorden?');
    expect(infoRequestLetter({ ...base('nl'), question: 'q', answerBy: null }).text).not.toContain('vóór');
    expect(infoRequestLetter({ ...base('en'), question: 'q', answerBy: null }).text).toContain('Please answer as soon as you can.');
  });

  it('hearingInvitationLetter without time or place says they follow', () => {
    const input = { on: '2026-03-10', time: null, place: null, participants: 'Jan de Vries' };
    const nl = hearingInvitationLetter({ ...base('nl'), ...input }).text;
    expect(nl).toContain('Wanneer: dinsdag 10 maart 2026 (de tijd laten wij u nog weten)');
    expect(nl).toContain('Waar: dat laten wij u nog weten');
    const en = hearingInvitationLetter({ ...base('en'), ...input }).text;
    expect(en).toContain('When: Tuesday, 10 March 2026 (we will let you know the time)');
    expect(en).toContain('Where: we will let you know');
  });

  it.each([
    { locale: 'nl' as const, withConsent: true, says: 'Zoals met u afgesproken, wordt dat nu uiterlijk 11 mei 2026.' },
    { locale: 'en' as const, withConsent: true, says: 'As agreed with you, this is now 11 May 2026 at the latest.' },
  ])('extensionNotice with consent says it was agreed ($locale)', ({ locale, withConsent, says }) => {
    const input = { previousDue: '2026-04-13', newDue: '2026-05-11', reason: 'r', withConsent };
    expect(extensionNotice({ ...base(locale), ...input }).text).toContain(says);
    expect(extensionNotice({ ...base(locale), ...input, withConsent: false }).text).not.toMatch(/afgesproken|agreed/);
  });

  it.each(LOCALES)('withdrawalConfirmation without a reason leaves the reason out (%s)', (locale) => {
    const { text } = withdrawalConfirmation({ ...base(locale), withdrawnOn: '2026-03-20', reason: null });
    expect(text).not.toMatch(/De reden|The reason/);
  });
});

describe('extensionNoticeToStaff', () => {
  const letter = extensionNoticeToStaff({
    staffName: 'Piet Smit',
    reference: REF,
    previousDue: '2026-04-13',
    newDue: '2026-05-11',
    reason: 'De klager is op vakantie.',
    organisation: org,
  });

  it('tells the person complained about, in Dutch, with both dates and the reason', () => {
    expect(letter.subject).toContain(REF);
    expect(letter.text.startsWith('Beste Piet Smit,\n\n')).toBe(true);
    for (const part of ['13 april 2026', '11 mei 2026', '"De klager is op vakantie."', '9:11']) expect(letter.text).toContain(part);
    expect(letter.text.endsWith(SIGNED.nl)).toBe(true);
  });
});

describe('escalationDossier', () => {
  const input = {
    party: { name: 'Gemeente Hengelo', type: 'municipality' as const },
    reference: REF,
    organisation: org,
    complainant: { name: 'Noor Bakker', email: 'noor@example.nl', address: 'Markt 1, 7551 AA Hengelo' },
    receivedOn: '2026-03-02',
    category: 'Bejegening',
    description: 'Mijn adviseur was onvriendelijk.',
    outcome: 'not_upheld' as Outcome | null,
    findings: 'Het gesprek is met beide kanten besproken.',
    judgement: 'Wij vinden de toon zakelijk.',
    dissatisfaction: 'Niemand heeft naar mij geluisterd.',
    history: [
      { at: '2 maart 2026 10:15', who: 'Jan de Vries', action: 'Klacht geregistreerd', reason: null },
      { at: '20 april 2026 09:00', who: 'Jan de Vries', action: 'Termijn verlengd', reason: 'De adviseur was ziek.' },
    ],
  };

  it('holds the complaint, one line per step, the outcome and what the client is unhappy about', () => {
    const { subject, text } = escalationDossier(input);
    expect(subject).toContain(REF);
    expect(text).toContain('Aan: Gemeente Hengelo');
    for (const part of [
      '- Naam: Noor Bakker',
      '- E-mail: noor@example.nl',
      '- Adres: Markt 1, 7551 AA Hengelo',
      '- Ontvangen op: 2 maart 2026',
      '- Onderwerp: Bejegening',
      '"Mijn adviseur was onvriendelijk."',
      '\n- 2 maart 2026 10:15, Jan de Vries: Klacht geregistreerd\n- 20 april 2026 09:00, Jan de Vries: Termijn verlengd (reden: De adviseur was ziek.)\n',
      'De klacht is ongegrond.',
      'Het gesprek is met beide kanten besproken.',
      'Wij vinden de toon zakelijk.',
      '"Niemand heeft naar mij geluisterd."',
      'Wilt u uw reactie sturen aan Werkpunt Oost?',
    ]) {
      expect(text).toContain(part);
    }
    expect(text.endsWith(SIGNED.nl)).toBe(true);
  });

  it('leaves out what is not known', () => {
    const { text } = escalationDossier({
      ...input,
      complainant: { name: 'Noor Bakker', email: null, address: null },
      outcome: null,
      findings: null,
      judgement: null,
      history: [],
    });
    expect(text).not.toMatch(/E-mail:|Adres:|Wat wij hebben uitgezocht|Ons oordeel/);
    expect(text).toContain('Wij hebben nog geen besluit over de klacht genomen.');
    expect(text).toContain('- Geen stappen vastgelegd.');
  });
});

describe("the client's judgement and a new status link (issue 10)", () => {
  const FILE = 'https://klachten.example/beheer/klachten/42';

  it.each([
    [false, 'ongegrond', false],
    [true, 'ongegrond', true],
  ] as const)('tells the handler the client is not satisfied (earlier satisfied: %s)', (changed, word, mentionsEarlier) => {
    const letter = dissatisfactionNoticeToStaff({ staffName: 'Sanne Jansen', reference: REF, outcome: 'not_upheld', changedFromSatisfied: changed, fileUrl: FILE, organisation: org });
    expect(letter.subject).toBe(`Klacht ${REF}: de klager is niet tevreden over het besluit`);
    expect(letter.text.startsWith('Beste Sanne Jansen,\n\n')).toBe(true);
    expect(letter.text).toContain(`(de klacht is ${word})`);
    expect(letter.text.includes('Eerder gaf de klager aan wel tevreden te zijn.')).toBe(mentionsEarlier);
    expect(letter.text).toContain(`Bekijk het dossier: ${FILE}`);
    expect(letter.text.endsWith(SIGNED.nl)).toBe(true);
  });

  it.each([
    [knownParty, 'de klacht naar Bakkerij Jansen door te sturen.', false],
    [null, 'de klacht naar de opdrachtgever van het traject door te sturen.', true],
  ] as const)('tells the handler the client asks to forward the complaint (party %#)', (party, named, choose) => {
    const letter = forwardRequestToStaff({ staffName: 'Sanne Jansen', reference: REF, party, fileUrl: FILE, organisation: org });
    expect(letter.subject).toBe(`Klacht ${REF}: de klager vraagt de klacht door te sturen naar de opdrachtgever`);
    expect(letter.text).toContain(named);
    expect(letter.text.includes('Kies bij het voorleggen de juiste opdrachtgever.')).toBe(choose);
    expect(letter.text).toContain('"Voorleggen aan opdrachtgever"');
    expect(letter.text.endsWith(SIGNED.nl)).toBe(true);
  });

  it.each(LOCALES)('sends a new status link in the client\'s language (%s), the link line as in the acknowledgement', (locale) => {
    const url = `https://klachten.example${locale === 'en' ? '/en' : ''}/status/${'a'.repeat(43)}`;
    const letter = statusLinkLetter({ ...base(locale), statusUrl: url });
    expect(letter.subject).toBe(locale === 'nl' ? `Uw nieuwe link voor klacht ${REF}` : `Your new link for complaint ${REF}`);
    expect(letter.text.startsWith(GREETING[locale])).toBe(true);
    expect(letter.text).toContain(locale === 'nl' ? `Volg uw klacht: ${url}` : `Follow your complaint: ${url}`);
    expect(letter.text).toContain(locale === 'nl' ? 'Uw oude link werkt niet meer.' : 'Your old link no longer works.');
    expect(letter.text.endsWith(SIGNED[locale])).toBe(true);
  });
});
