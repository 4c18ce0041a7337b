import { formatDate, formatMonths } from '@/lib/format';
import type { Organisation } from '@/lib/organisation';
import type { IsoDate } from '@/lib/procedure/dates';
import type { ContractingPartyType, Locale, NotAdmissibleGround, Outcome, Role } from '@/lib/procedure/vocabulary';
import { compose, type DossierAttachment, heading, type Letter, type Line, quote, toItem } from './letter';

/**
 * The letters of the procedure's steps, as pure texts. Letters to the client follow the complaint's locale; letters
 * to staff and to the contracting party are Dutch only. Every subject carries the reference. compose() makes each
 * letter a structure (lib/mail/letter.ts) from which its plain text and its HTML (lib/mail/html.tsx) both come: write
 * a letter as lines, with quote() around what someone wrote and `- ` before the items of a list.
 */
export type { Letter } from './letter';
export { quote } from './letter';

export type ClientLetterBase = { locale: Locale; name: string; reference: string; organisation: Organisation };

/** The complaint's contracting party (opdrachtgever) when it is known. */
export type PartyRef = { name: string; type: ContractingPartyType } | null;

type Draft = { subject: string; body: Line[] };

// --- shared pieces --------------------------------------------------------------------------------------------

/** A letter to the client in their language; only the chosen language's text is built. */
function clientLetter(input: ClientLetterBase, drafts: Record<Locale, (date: (d: IsoDate) => string) => Draft>): Letter {
  const { locale } = input;
  const greeting = locale === 'nl' ? `Beste ${input.name},` : `Dear ${input.name},`;
  return compose(locale, greeting, input.organisation, drafts[locale]((d) => formatDate(d, locale)));
}

const PARTY_TYPE_WORDS: Record<Locale, Record<ContractingPartyType, string>> = {
  nl: { employer: 'werkgever', municipality: 'gemeente', uwv: 'UWV' },
  en: { employer: 'employer', municipality: 'municipality', uwv: 'UWV' },
};

/**
 * Where a client can go when not satisfied: the contracting party by name and type when known ("Gemeente Utrecht"
 * already says what it is, so the type is left out then), else the three kinds the reglement names.
 */
export function partyRoute(party: PartyRef, locale: Locale): string {
  if (!party) {
    return locale === 'nl'
      ? 'de opdrachtgever van uw traject: uw werkgever, de gemeente of UWV'
      : 'the organisation that commissioned your trajectory: your employer, the municipality or UWV';
  }
  const type = PARTY_TYPE_WORDS[locale][party.type];
  const name = party.name.toLowerCase().includes(type.toLowerCase()) ? party.name : `${party.name} (${type})`;
  return locale === 'nl' ? `de opdrachtgever van uw traject: ${name}` : `the organisation that commissioned your trajectory: ${name}`;
}

const OUTCOME_WORDS: Record<Locale, Record<Outcome, string>> = {
  nl: { upheld: 'gegrond', partly_upheld: 'deels gegrond', not_upheld: 'ongegrond', resolved_to_satisfaction: 'naar tevredenheid opgelost' },
  en: { upheld: 'upheld', partly_upheld: 'partly upheld', not_upheld: 'not upheld', resolved_to_satisfaction: 'resolved to your satisfaction' },
};

// --- letters to the client ------------------------------------------------------------------------------------

/** Asks the client for more information (DESIGN rule 8). */
export function infoRequestLetter(i: ClientLetterBase & { question: string; answerBy: IsoDate | null }): Letter {
  return clientLetter(i, {
    nl: (date) => ({
      subject: `Vraag over uw klacht ${i.reference}`,
      body: [
        `Wij behandelen uw klacht met referentienummer ${i.reference}. Om dat goed te doen, hebben wij meer informatie van u nodig.`,
        '',
        'Onze vraag:',
        quote(i.question),
        '',
        i.answerBy ? `Wilt u ons antwoorden vóór ${date(i.answerBy)}?` : 'Wilt u ons zo snel mogelijk antwoorden?',
        'Dat kan op drie manieren: reageer op deze e-mail, bel ons of stuur ons een brief. Onze gegevens staan hieronder.',
      ],
    }),
    en: (date) => ({
      subject: `A question about your complaint ${i.reference}`,
      body: [
        `We are handling your complaint with reference number ${i.reference}. To do this well, we need more information from you.`,
        '',
        'Our question:',
        quote(i.question),
        '',
        i.answerBy ? `Please answer before ${date(i.answerBy)}.` : 'Please answer as soon as you can.',
        'You can do this in three ways: reply to this e-mail, call us or send us a letter. Our details are below.',
      ],
    }),
  });
}

/** Invites the client to be heard (Awb 9:10). */
export function hearingInvitationLetter(
  i: ClientLetterBase & { on: IsoDate; time: string | null; place: string | null; participants: string },
): Letter {
  return clientLetter(i, {
    nl: () => {
      const day = formatDate(i.on, 'nl', 'full');
      return {
        subject: `Uitnodiging voor een gesprek over uw klacht ${i.reference}`,
        body: [
          `Wij nodigen u uit voor een gesprek over uw klacht (referentienummer ${i.reference}). In dit gesprek kunt u vertellen wat er is gebeurd en wat u van ons verwacht. U heeft recht op dit gesprek.`,
          '',
          `Wanneer: ${i.time ? `${day} om ${i.time}` : `${day} (de tijd laten wij u nog weten)`}`,
          `Waar: ${i.place ?? 'dat laten wij u nog weten'}`,
          `Wie zijn erbij: ${i.participants}`,
          '',
          'U mag iemand meenemen, bijvoorbeeld een familielid, een vriend of een vertrouwenspersoon.',
          '',
          'Wilt u laten weten of u komt? Past de datum of tijd u niet, bel ons dan. Dan zoeken wij samen een ander moment. Wilt u liever geen gesprek, laat het ons dan ook weten.',
        ],
      };
    },
    en: () => {
      const day = formatDate(i.on, 'en', 'full');
      return {
        subject: `Invitation to a conversation about your complaint ${i.reference}`,
        body: [
          `We invite you to a conversation about your complaint (reference number ${i.reference}). In this conversation you can tell us what happened and what you expect from us. You have the right to this conversation.`,
          '',
          `When: ${i.time ? `${day} at ${i.time}` : `${day} (we will let you know the time)`}`,
          `Where: ${i.place ?? 'we will let you know'}`,
          `Who will be there: ${i.participants}`,
          '',
          'You may bring someone with you, for example a family member, a friend or a person you trust.',
          '',
          'Please let us know if you will come. If the date or time does not suit you, call us and we will find another moment together. If you would rather not have a conversation, please let us know as well.',
        ],
      };
    },
  });
}

/** The ground in plain words. */
export function groundSentence(ground: NotAdmissibleGround, incidentLimitMonths: number, locale: Locale): string {
  const limit = formatMonths(incidentLimitMonths, locale);
  const sentences: Record<Locale, Record<NotAdmissibleGround, string>> = {
    nl: {
      incident_older_than_limit: `Uw klacht gaat over iets dat meer dan ${limit} voordat u de klacht indiende is gebeurd. Zulke klachten behandelen wij niet.`,
      handled_before: 'Wij hebben een klacht over hetzelfde al eerder behandeld.',
      objection_or_appeal: 'Over dezelfde zaak loopt een bezwaar, een beroep of een rechtszaak. Daar wordt over deze zaak beslist.',
      criminal_investigation: 'Over dezelfde zaak loopt een strafrechtelijk onderzoek of een strafzaak.',
      interest_too_small: 'Uw belang bij deze klacht is te klein, of wat er is gebeurd is niet ernstig genoeg om de klacht te behandelen.',
    },
    en: {
      incident_older_than_limit: `Your complaint is about something that happened more than ${limit} before you made the complaint. We do not handle such complaints.`,
      handled_before: 'We have already handled a complaint about the same matter.',
      objection_or_appeal: 'The same matter is the subject of an objection, an appeal or a court case. That is where it is decided.',
      criminal_investigation: 'The same matter is the subject of a criminal investigation or a criminal case.',
      interest_too_small: 'Your interest in this complaint is too small, or what happened is not serious enough for us to handle the complaint.',
    },
  };
  return sentences[locale][ground];
}

/** The complaint is not handled: the ground, the written reason and where the client can go next (DESIGN rules 3, 4). */
export function notAdmissibleNotice(
  i: ClientLetterBase & { receivedOn: IsoDate; ground: NotAdmissibleGround; reason: string; incidentLimitMonths: number; party: PartyRef },
): Letter {
  const objection = i.ground === 'objection_or_appeal';
  return clientLetter(i, {
    nl: (date) => ({
      subject: `Wij behandelen uw klacht ${i.reference} niet`,
      body: [
        `Wij hebben uw klacht ontvangen op ${date(i.receivedOn)} (referentienummer ${i.reference}). Wij hebben besloten uw klacht niet te behandelen.`,
        '',
        groundSentence(i.ground, i.incidentLimitMonths, 'nl'),
        '',
        'Onze uitleg:',
        quote(i.reason),
        '',
        ...(objection ? ['Die procedure van bezwaar, beroep of rechtszaak gaat gewoon door. Dit besluit verandert daar niets aan.', ''] : []),
        `Bent u het hier niet mee eens? Dan kunt u uw klacht voorleggen aan ${partyRoute(i.party, 'nl')}.`,
      ],
    }),
    en: (date) => ({
      subject: `We will not handle your complaint ${i.reference}`,
      body: [
        `We received your complaint on ${date(i.receivedOn)} (reference number ${i.reference}). We have decided not to handle your complaint.`,
        '',
        groundSentence(i.ground, i.incidentLimitMonths, 'en'),
        '',
        'Our explanation:',
        quote(i.reason),
        '',
        ...(objection ? ['That objection, appeal or court procedure simply goes on. This decision does not change it.', ''] : []),
        `Do you disagree? Then you can take your complaint to ${partyRoute(i.party, 'en')}.`,
      ],
    }),
  });
}

/** We need more time: old and new date and the reason (Awb 9:11). */
export function extensionNotice(
  i: ClientLetterBase & { previousDue: IsoDate; newDue: IsoDate; reason: string; withConsent: boolean },
): Letter {
  return clientLetter(i, {
    nl: (date) => ({
      subject: `Uw klacht ${i.reference}: wij hebben meer tijd nodig`,
      body: [
        `Wij hebben meer tijd nodig om uw klacht (referentienummer ${i.reference}) goed te behandelen.`,
        `U zou uiterlijk op ${date(i.previousDue)} horen wat wij besluiten. ${i.withConsent ? 'Zoals met u afgesproken, wordt dat nu' : 'Dat wordt nu'} uiterlijk ${date(i.newDue)}.`,
        '',
        'De reden:',
        quote(i.reason),
        '',
        'Heeft u vragen? Neem dan contact met ons op.',
      ],
    }),
    en: (date) => ({
      subject: `Your complaint ${i.reference}: we need more time`,
      body: [
        `We need more time to handle your complaint (reference number ${i.reference}) well.`,
        `We planned to give you our decision by ${date(i.previousDue)} at the latest. ${i.withConsent ? 'As agreed with you, this is now' : 'This is now'} ${date(i.newDue)} at the latest.`,
        '',
        'The reason:',
        quote(i.reason),
        '',
        'Do you have questions? Please contact us.',
      ],
    }),
  });
}

/** Tells the person complained about that the handling takes longer (Awb 9:11 (2)). Dutch only. */
export function extensionNoticeToStaff(i: {
  staffName: string;
  reference: string;
  previousDue: IsoDate;
  newDue: IsoDate;
  reason: string;
  organisation: Organisation;
}): Letter {
  const date = (d: IsoDate) => formatDate(d, 'nl');
  return compose('nl', `Beste ${i.staffName},`, i.organisation, {
    subject: `Klacht ${i.reference}: de behandeling duurt langer`,
    body: [
      `De behandeling van de klacht met referentienummer ${i.reference}, die over u gaat, duurt langer dan gepland.`,
      `Het besluit zou uiterlijk op ${date(i.previousDue)} komen. Dat wordt nu uiterlijk ${date(i.newDue)}.`,
      '',
      'De reden:',
      quote(i.reason),
      '',
      'Wij laten u dit weten omdat de wet dat vraagt (artikel 9:11 Algemene wet bestuursrecht). Heeft u vragen, neem dan contact op met de klachtbehandelaar.',
    ],
  });
}

type Measure = { description: string; dueOn: IsoDate | null; done: boolean };

function measureLine(m: Measure, locale: Locale): string {
  const state =
    locale === 'nl'
      ? m.done ? 'gedaan' : m.dueOn ? `klaar uiterlijk ${formatDate(m.dueOn, 'nl')}` : 'gepland'
      : m.done ? 'done' : m.dueOn ? `to be done by ${formatDate(m.dueOn, 'en')}` : 'planned';
  return `- ${m.description.trim()} (${state})`;
}

/** The reasoned written outcome (Awb 9:12): outcome, findings, judgement, measures and the route onward. */
export function outcomeLetter(
  i: ClientLetterBase & { outcome: Outcome; findings: string; judgement: string; measures: Measure[]; party: PartyRef },
): Letter {
  return clientLetter(i, {
    nl: () => ({
      subject: `Ons besluit over uw klacht ${i.reference}`,
      body: [
        `Wij hebben uw klacht met referentienummer ${i.reference} behandeld. In deze brief leest u wat wij hebben besloten en waarom.`,
        '',
        `Ons besluit: uw klacht is ${OUTCOME_WORDS.nl[i.outcome]}.`,
        '',
        'Wat wij hebben uitgezocht:',
        i.findings.trim(),
        '',
        'Ons oordeel:',
        i.judgement.trim(),
        '',
        ...(i.measures.length > 0
          ? ['Wat wij doen naar aanleiding van uw klacht:', ...i.measures.map((m) => measureLine(m, 'nl'))]
          : ['Naar aanleiding van uw klacht nemen wij geen aparte maatregelen.']),
        '',
        `Bent u niet tevreden over de afhandeling van uw klacht? Dan kunt u uw klacht voorleggen aan ${partyRoute(i.party, 'nl')}.`,
        'Laat het ons dan weten. Dan sturen wij uw klachtdossier naar hen.',
      ],
    }),
    en: () => ({
      subject: `Our decision on your complaint ${i.reference}`,
      body: [
        `We have handled your complaint with reference number ${i.reference}. In this letter you can read what we decided and why.`,
        '',
        `Our decision: your complaint is ${OUTCOME_WORDS.en[i.outcome]}.`,
        '',
        'What we looked into:',
        i.findings.trim(),
        '',
        'Our judgement:',
        i.judgement.trim(),
        '',
        ...(i.measures.length > 0
          ? ['What we do as a result of your complaint:', ...i.measures.map((m) => measureLine(m, 'en'))]
          : ['We are not taking separate measures as a result of your complaint.']),
        '',
        `Are you not satisfied with how your complaint was handled? Then you can take it to ${partyRoute(i.party, 'en')}.`,
        'Please let us know. We will then send them your complaint file.',
      ],
    }),
  });
}

/** Confirms that the client withdrew the complaint. */
export function withdrawalConfirmation(i: ClientLetterBase & { withdrawnOn: IsoDate; reason: string | null }): Letter {
  return clientLetter(i, {
    nl: (date) => ({
      subject: `Uw klacht ${i.reference} is ingetrokken`,
      body: [
        `U heeft uw klacht met referentienummer ${i.reference} op ${date(i.withdrawnOn)} ingetrokken. Wij behandelen uw klacht daarom niet verder.`,
        ...(i.reason ? ['', 'De reden die u gaf:', quote(i.reason)] : []),
        '',
        'Is dit niet juist, of wilt u toch verder met uw klacht? Neem dan contact met ons op.',
      ],
    }),
    en: (date) => ({
      subject: `Your complaint ${i.reference} has been withdrawn`,
      body: [
        `You withdrew your complaint with reference number ${i.reference} on ${date(i.withdrawnOn)}. We will therefore not handle your complaint any further.`,
        ...(i.reason ? ['', 'The reason you gave:', quote(i.reason)] : []),
        '',
        'Is this not right, or do you want to go on with your complaint after all? Please contact us.',
      ],
    }),
  });
}

/** The complaint is taken up again. */
export function reopenNotice(i: ClientLetterBase & { reason: string }): Letter {
  return clientLetter(i, {
    nl: () => ({
      subject: `Wij nemen uw klacht ${i.reference} weer in behandeling`,
      body: [
        `Wij nemen uw klacht met referentienummer ${i.reference} weer in behandeling.`,
        '',
        'De reden:',
        quote(i.reason),
        '',
        'Wij laten u weten wat wij besluiten. Heeft u vragen? Neem dan contact met ons op.',
      ],
    }),
    en: () => ({
      subject: `We are taking up your complaint ${i.reference} again`,
      body: [
        `We are taking up your complaint with reference number ${i.reference} again.`,
        '',
        'The reason:',
        quote(i.reason),
        '',
        'We will let you know what we decide. Do you have questions? Please contact us.',
      ],
    }),
  });
}

// --- the dossier for the contracting party ----------------------------------------------------------------------

export type DossierInput = {
  party: { name: string; type: ContractingPartyType };
  reference: string;
  organisation: Organisation;
  complainant: { name: string; email: string | null; address: string | null };
  receivedOn: IsoDate;
  category: string;
  description: string;
  outcome: Outcome | null;
  findings: string | null;
  judgement: string | null;
  /** The measures the outcome letter named (from the "resolved" history entry); left out for older entries. */
  measures?: Measure[];
  /** What the client is not satisfied with (the escalation's reason); null when the complaint was not escalated. */
  dissatisfaction: string | null;
  history: { at: string; who: string; action: string; reason: string | null }[];
};

/** What the dossier itself is made from: no addressee. */
export type DossierContent = Omit<DossierInput, 'party' | 'organisation'>;

/** The dossier itself: the complainant, the complaint, its history, the outcome and what the client is not satisfied with. */
function dossierLines(i: DossierContent): Line[] {
  const { complainant } = i;
  return [
    heading('De klager'),
    `- Naam: ${complainant.name}`,
    ...(complainant.email ? [`- E-mail: ${complainant.email}`] : []),
    ...(complainant.address ? [`- Adres: ${complainant.address}`] : []),
    '',
    heading('De klacht'),
    `- Referentienummer: ${i.reference}`,
    `- Ontvangen op: ${formatDate(i.receivedOn, 'nl')}`,
    `- Onderwerp: ${i.category}`,
    '- Wat de klager schreef:',
    quote(i.description),
    '',
    heading('Verloop van de behandeling'),
    ...(i.history.length > 0
      ? i.history.map((h) => `- ${h.at}, ${h.who}: ${h.action}${h.reason ? ` (reden: ${h.reason.trim()})` : ''}`)
      : ['- Geen stappen vastgelegd.']),
    '',
    heading('Ons besluit'),
    i.outcome ? `De klacht is ${OUTCOME_WORDS.nl[i.outcome]}.` : 'Wij hebben nog geen besluit over de klacht genomen.',
    ...(i.findings ? ['', 'Wat wij hebben uitgezocht:', i.findings.trim()] : []),
    ...(i.judgement ? ['', 'Ons oordeel:', i.judgement.trim()] : []),
    ...(i.measures && i.measures.length > 0 ? ['', 'Maatregelen naar aanleiding van de klacht:', ...i.measures.map((m) => measureLine(m, 'nl'))] : []),
    '',
    ...(i.dissatisfaction !== null
      ? [heading('Waarover de klager niet tevreden is'), quote(i.dissatisfaction)]
      : [heading('Opdrachtgever'), 'De klager heeft de klacht (nog) niet aan de opdrachtgever voorgelegd.']),
  ];
}

/** The dossier as the PDF shows it (lib/mail/dossier-pdf.ts): the escalation mail's attachment, and the file's download. */
export function dossierAttachment(i: DossierContent): DossierAttachment {
  return { kind: 'dossier', filename: dossierFilename(i.reference), title: `Klachtdossier ${i.reference}`, reference: i.reference, items: dossierLines(i).map(toItem) };
}

/** The file name of the dossier PDF: the reference, nothing personal. */
export const dossierFilename = (reference: string) => `klachtdossier-${reference.replace(/[^A-Za-z0-9-]/g, '')}.pdf`;

/**
 * The escalation dossier for the contracting party (DESIGN rule 11), Dutch only: the complaint, its history (one line
 * per step; `at` as the caller shows it), the outcome and what the client is not satisfied with. The mail says it all
 * and carries the same dossier as a PDF (lib/mail/dossier-pdf.ts) to file or forward.
 */
export function escalationDossier(i: DossierInput & { dissatisfaction: string }): Letter {
  const org = i.organisation;
  const { complainant } = i;
  const dossier = dossierLines(i);
  return compose('nl', 'Geachte heer, mevrouw,', org, {
    subject: `Klacht ${i.reference}: de klager is niet tevreden (dossier)`,
    body: [
      `Aan: ${i.party.name}`,
      '',
      `U bent de opdrachtgever van het traject van ${complainant.name} bij ${org.name}. ${complainant.name} heeft bij ons een klacht ingediend en is niet tevreden over de afhandeling. Volgens onze klachtenregeling kan de klager de klacht dan aan u voorleggen. Hieronder vindt u het dossier. Het dossier zit ook als PDF in de bijlage, om te bewaren of door te sturen.`,
      '',
      ...dossier,
      '',
      `Wilt u uw reactie sturen aan ${org.name}? Onze gegevens staan hieronder.`,
    ],
    attachment: dossierAttachment(i),
  });
}

/**
 * Tells staff that the client answered a question on their status page (DESIGN rule 8), Dutch only. The answer and the
 * files stay in the file: the mail names only the complaint, the day and the number of files, and links to the file.
 */
export function clientAnswerNotice(i: {
  staffName: string;
  reference: string;
  answeredOn: IsoDate;
  attachmentCount: number;
  fileUrl: string;
  /** The mail goes to a manager because the complaint has no (active) handler. */
  noHandler: boolean;
  organisation: Organisation;
}): Letter {
  const files = i.attachmentCount === 0 ? 'zonder bijlagen' : i.attachmentCount === 1 ? 'met 1 bijlage' : `met ${i.attachmentCount} bijlagen`;
  return compose('nl', `Beste ${i.staffName},`, i.organisation, {
    subject: `Klacht ${i.reference}: de klager heeft uw vraag beantwoord`,
    body: [
      `De klager heeft op ${formatDate(i.answeredOn, 'nl')} de vraag over klacht ${i.reference} beantwoord via de statuspagina, ${files}.`,
      'De klacht staat weer op "In behandeling". De behandeltermijn loopt door.',
      ...(i.noHandler ? ['', 'Deze klacht heeft op dit moment geen klachtbehandelaar. Wilt u de klacht toewijzen?'] : []),
      '',
      'Lees het antwoord in het klachtdossier:',
      i.fileUrl,
    ],
  });
}

// --- the client's judgement of the outcome, and a lost status link (issue 10) ---------------------------------------

/**
 * Tells the handler (or, without one, the quality managers) that the client said on their status page that the
 * outcome does not satisfy them. Dutch only, like every letter to staff.
 */
export function dissatisfactionNoticeToStaff(i: {
  staffName: string;
  reference: string;
  outcome: Outcome | null;
  changedFromSatisfied: boolean;
  fileUrl: string;
  organisation: Organisation;
}): Letter {
  return compose('nl', `Beste ${i.staffName},`, i.organisation, {
    subject: `Klacht ${i.reference}: de klager is niet tevreden over het besluit`,
    body: [
      `De klager van klacht ${i.reference} heeft op de statuspagina laten weten niet tevreden te zijn over ons besluit${i.outcome ? ` (de klacht is ${OUTCOME_WORDS.nl[i.outcome]})` : ''}.`,
      ...(i.changedFromSatisfied ? ['Eerder gaf de klager aan wel tevreden te zijn.'] : []),
      '',
      'De klager leest op de statuspagina dat de klacht kan worden voorgelegd aan de opdrachtgever, en kan ons vragen de klacht door te sturen. Vraagt de klager dat, dan krijgt u daarvan apart bericht.',
      '',
      `Bekijk het dossier: ${i.fileUrl}`,
    ],
  });
}

/**
 * Tells the handler (or the quality managers) that the client asks us to forward the complaint to the contracting
 * party: the handler escalates with the escalation step on the file. Dutch only.
 */
export function forwardRequestToStaff(i: {
  staffName: string;
  reference: string;
  party: PartyRef;
  fileUrl: string;
  organisation: Organisation;
}): Letter {
  return compose('nl', `Beste ${i.staffName},`, i.organisation, {
    subject: `Klacht ${i.reference}: de klager vraagt de klacht door te sturen naar de opdrachtgever`,
    body: [
      `De klager van klacht ${i.reference} is niet tevreden over ons besluit en vraagt ons de klacht naar ${i.party ? i.party.name : 'de opdrachtgever van het traject'} door te sturen.`,
      ...(i.party ? [] : ['Er is nog geen opdrachtgever aan de klacht gekoppeld. Kies bij het voorleggen de juiste opdrachtgever.']),
      '',
      'Leg de klacht voor aan de opdrachtgever met de stap "Voorleggen aan opdrachtgever" in het dossier. De opdrachtgever krijgt dan het dossier met de klacht, het verloop en ons besluit.',
      '',
      `Bekijk het dossier: ${i.fileUrl}`,
    ],
  });
}

/**
 * A new link to the client's status page, asked for with the lost-link form: the previous link no longer works. The
 * link line as in the acknowledgement (lib/mail/acknowledgement.ts).
 */
export function statusLinkLetter(i: ClientLetterBase & { statusUrl: string }): Letter {
  return clientLetter(i, {
    nl: () => ({
      subject: `Uw nieuwe link voor klacht ${i.reference}`,
      body: [
        `U vroeg ons om een nieuwe link naar de pagina van uw klacht met referentienummer ${i.reference}.`,
        '',
        `Volg uw klacht: ${i.statusUrl}`,
        'Deel deze link niet: iedereen met de link kan uw klacht inzien.',
        '',
        'Uw oude link werkt niet meer. Heeft u deze link niet zelf aangevraagd? Dan hoeft u niets te doen: alleen wie deze e-mail kan lezen, kan uw klacht inzien.',
      ],
    }),
    en: () => ({
      subject: `Your new link for complaint ${i.reference}`,
      body: [
        `You asked us for a new link to the page of your complaint with reference number ${i.reference}.`,
        '',
        `Follow your complaint: ${i.statusUrl}`,
        'Keep this link to yourself: anyone who has it can see your complaint.',
        '',
        'Your old link no longer works. Did you not ask for this link yourself? Then you do not need to do anything: only someone who can read this e-mail can see your complaint.',
      ],
    }),
  });
}

/**
 * Tells staff that a mail came in that names the complaint's reference (a reply to one of our letters), Dutch only.
 * The mail and its files stay in the file: this names only the complaint, the day and the number of files kept.
 */
export function clientMailNotice(i: {
  staffName: string;
  reference: string;
  receivedOn: IsoDate;
  attachmentCount: number;
  fileUrl: string;
  /** The mail goes to a manager because the complaint has no (active) handler. */
  noHandler: boolean;
  organisation: Organisation;
}): Letter {
  const files = i.attachmentCount === 0 ? 'zonder bijlagen' : i.attachmentCount === 1 ? 'met 1 bijlage' : `met ${i.attachmentCount} bijlagen`;
  return compose('nl', `Beste ${i.staffName},`, i.organisation, {
    subject: `Klacht ${i.reference}: er is een e-mail binnengekomen`,
    body: [
      `Op ${formatDate(i.receivedOn, 'nl')} kwam er een e-mail binnen over klacht ${i.reference}, ${files}. De e-mail staat in het klachtdossier.`,
      'Let op: controleer of de afzender echt de klager is voordat u op de e-mail reageert.',
      ...(i.noHandler ? ['', 'Deze klacht heeft op dit moment geen klachtbehandelaar. Wilt u de klacht toewijzen?'] : []),
      '',
      'Lees de e-mail in het klachtdossier:',
      i.fileUrl,
    ],
  });
}

// --- settings (issue 12) ----------------------------------------------------------------------------------------

const ROLE_WORDS_NL: Record<Role, string> = { admin: 'beheerder', manager: 'kwaliteitsmanager', handler: 'klachtbehandelaar' };

/**
 * Tells every active admin that someone was given a role that can read complaints (a new account or a role change),
 * so that no one gets access to personal data unnoticed. Dutch only, like every letter to staff.
 */
export function complaintAccessGrantedNotice(i: {
  adminName: string;
  userName: string;
  userEmail: string;
  role: Role;
  previousRole: Role | null;
  grantedBy: string;
  historyUrl: string;
  organisation: Organisation;
}): Letter {
  const role = ROLE_WORDS_NL[i.role];
  return compose('nl', `Beste ${i.adminName},`, i.organisation, {
    subject: `${i.userName} kan nu klachten inzien (${role})`,
    body: [
      i.previousRole
        ? `${i.grantedBy} heeft de rol van ${i.userName} (${i.userEmail}) gewijzigd van ${ROLE_WORDS_NL[i.previousRole]} in ${role}.`
        : `${i.grantedBy} heeft een account gemaakt voor ${i.userName} (${i.userEmail}) met de rol ${role}.`,
      i.role === 'manager'
        ? 'Met deze rol kan deze persoon alle klachten inzien, met de namen en gegevens van klagers.'
        : 'Met deze rol kan deze persoon de klachten inzien die aan hem of haar zijn toegewezen, met de namen en gegevens van klagers.',
      '',
      'Klopt dit niet? Pas de rol dan aan of schakel het account uit. Alle wijzigingen in de instellingen staan in de geschiedenis:',
      i.historyUrl,
    ],
  });
}

/**
 * Issue 12: an account was locked after very many wrong passwords (lib/auth/lockout.ts). To the user and to every
 * admin; Dutch only, like every mail to staff. Nothing about the addresses the attempts came from.
 */
export function accountLockedNotice(i: {
  recipientName: string;
  accountName: string;
  accountEmail: string;
  toOwner: boolean;
  failures: number;
  minutes: number;
  organisation: Organisation;
}): Letter {
  const who = i.toOwner ? 'uw account' : `het account van ${i.accountName} (${i.accountEmail})`;
  return compose('nl', `Beste ${i.recipientName},`, i.organisation, {
    subject: `Account tijdelijk geblokkeerd: ${i.accountEmail}`,
    body: [
      `Op ${who} is in het afgelopen uur ${i.failures} keer met een verkeerd wachtwoord geprobeerd in te loggen.`,
      `Daarom kan niemand de komende ${i.minutes} minuten met dit account inloggen. Daarna gaat het vanzelf weer open.`,
      i.toOwner
        ? 'Was u dit niet? Dan probeert iemand anders uw wachtwoord te raden. Kies na het inloggen een nieuw, sterk wachtwoord en meld het bij de beheerder.'
        : 'Was dit niet de gebruiker zelf? Dan probeert iemand het wachtwoord te raden. Overleg met de gebruiker en geef zo nodig een nieuw wachtwoord.',
    ],
  });
}
