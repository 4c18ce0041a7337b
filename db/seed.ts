import { randomBytes, randomUUID } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { and, desc, eq, sql } from 'drizzle-orm';
import { RuleViolation } from '@/lib/actions/pipeline';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/passwords';
import { registerComplaint } from '@/lib/complaints/register';
import { addInvolved, assign as assignStep } from '@/lib/complaints/steps/assignment';
import { declareNotAdmissible, extend as extendStep, reopen as reopenStep } from '@/lib/complaints/steps/decision';
import type { StepResult } from '@/lib/complaints/steps/define';
import { planHearing, recordAnswer, recordHearing, requestInfo, sendCopy as sendCopyStep, skipHearing } from '@/lib/complaints/steps/inquiry';
import { acknowledge, withdraw as withdrawStep } from '@/lib/complaints/steps/intake';
import { escalate as escalateStep, recordPartyResponse as recordPartyResponseStep, resolve as resolveStep } from '@/lib/complaints/steps/resolution';
import { judgeOutcome as judgeOutcomeStep, requestForward as requestForwardStep } from '@/lib/complaints/steps/satisfaction';
import { submitComplaint } from '@/lib/complaints/submit';
import { changeMeasureStatus, updateMeasureDetails } from '@/lib/measures/commands';
import { DEFAULT_ORGANISATION } from '@/lib/organisation';
import { addCalendarDays, addCalendarMonths, amsterdamDate, type IsoDate } from '@/lib/procedure/dates';
import { acknowledgementDue, resolutionDue } from '@/lib/procedure/deadlines';
import { isWorkingDay } from '@/lib/procedure/holidays';
import { reactionDeadline } from '@/lib/procedure/satisfaction';
import { DEFAULT_PRESET, DEFAULT_TERMS, PROCEDURE_TIME_ZONE, type ProcedureTerms } from '@/lib/procedure/terms';
import type { Channel, ClientContractingPartyChoice, ContractingPartyType, HearingSkipGround, Locale, NotAdmissibleGround, Outcome, Role, Status } from '@/lib/procedure/vocabulary';
import { checkExtension } from '@/lib/procedure/workflow';
import { statusTokenFor } from '@/lib/server/tokens';
import type { Db, Tx } from './client';
import { categories, complaintMeasures, complaints, measures, organisationSettings, outbox, procedureSettings, users } from './schema';
import {
  insertCategory,
  insertParty,
  insertProcedureSettings,
  insertStaff,
  insertUser,
  saveOrganisation,
  updateStaffActive,
  updateUserActive,
} from './settings';

/**
 * Demo data for a fresh database: reference data (categories, users, advisers, contracting parties, procedure terms,
 * through the settings' writes in ./settings.ts) and ~170 complaints over the past 18 months (a small organisation: a
 * few to ~15 a month). This file only tells the demo's story: which complaints come in, how and when, and which steps
 * each one goes through on which day. Every complaint is then submitted or registered, and every step taken, by the
 * real server actions (lib/complaints/submit.ts, register.ts, steps/*, lib/measures/commands.ts) as its user at its
 * moment (`runIn`, lib/actions/pipeline.ts): the transition table, the guards, the history, the information requests,
 * the measures register and the letters in the outbox are exactly what the application writes. Nothing is sent: the
 * outbox rows are marked as delivered at the end (deliverDemoOutbox). Deterministic for a given `now` (seeded PRNG;
 * only idempotency keys, and so the status links, are random). Does nothing when the database already has categories.
 *
 * The story the management dashboard tells with it:
 * - complaints about communication rise in the months before a measure about answering e-mails and calls is done
 *   (~8 months ago) and drop in the 6 months after, while the other categories hold up ("did it help?");
 * - in the summer the team is short-staffed: some phone/e-mail/post complaints are acknowledged after their 14 days,
 *   and some outcomes come after their due date;
 * - extensions (one a second, with the client's consent), complaints reopened by a manager, not admissible on several
 *   grounds, withdrawn, and a few escalations to the contracting party with its response;
 * - measures planned, in progress, done, one overdue and one dropped with its reason. Measures about one adviser
 *   have no category: "did it help?" compares only measures meant to reduce a kind of complaint.
 */

const PRNG_SEED = 0x4b4c_2026;
const MINUTE = 60_000;

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness

type Rng = () => number;

/** mulberry32: a tiny, good-enough 32-bit PRNG. */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(private readonly next: Rng) {}
  float(): number {
    return this.next();
  }
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    if (max <= min) return min;
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [value, weight] of options) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = options.at(-1);
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reference data

export const CATEGORY_ROWS = [
  { code: 'trajectory', nameNl: 'Re-integratietraject', nameEn: 'Re-integration trajectory', sortOrder: 10 },
  { code: 'treatment', nameNl: 'Bejegening door adviseur', nameEn: 'Treatment by the adviser', sortOrder: 20 },
  { code: 'communication', nameNl: 'Communicatie', nameEn: 'Communication', sortOrder: 30 },
  { code: 'privacy', nameNl: 'Privacy', nameEn: 'Privacy', sortOrder: 40 },
  { code: 'other', nameNl: 'Overig', nameEn: 'Other', sortOrder: 50 },
] as const;
type CategoryCode = (typeof CATEGORY_ROWS)[number]['code'];

const USER_ROWS = [
  { key: 'admin', email: 'admin@klachtloket.test', name: 'Annemiek de Vries', role: 'admin' },
  { key: 'manager', email: 'kwaliteit@klachtloket.test', name: 'Marloes van den Berg', role: 'manager' },
  { key: 'handler1', email: 'behandelaar1@klachtloket.test', name: 'Sanne Jansen', role: 'handler' },
  { key: 'handler2', email: 'behandelaar2@klachtloket.test', name: 'Thijs Bakker', role: 'handler' },
  { key: 'handler3', email: 'behandelaar3@klachtloket.test', name: 'Fatima El Amrani', role: 'handler' },
] as const;

/** A former handler whose account was deactivated: shows that people who left can no longer sign in. */
const FORMER_USER = { email: 'oud-behandelaar@klachtloket.test', name: 'Peter de Wit', role: 'handler' } as const;

export type DemoLogin = { email: string; name: string; role: Role; password: string; active: boolean };

/** Demo passwords: `DEMO_PASSWORD` for all (tests), otherwise a new random one per user and installation. */
function demoPassword(): string {
  return process.env.DEMO_PASSWORD || randomBytes(9).toString('base64url');
}

/** Advisers. `user` links the adviser to a login (handler 3 is also an adviser); `since` = only in complaints older than this many days. */
const STAFF_ROWS: readonly { name: string; team: string; user?: 'handler3'; active: boolean; city: string }[] = [
  { name: 'Fatima El Amrani', team: 'Team Den Bosch', user: 'handler3', active: true, city: "'s-Hertogenbosch" },
  { name: 'Joost van der Heijden', team: 'Team Den Bosch', active: true, city: "'s-Hertogenbosch" },
  { name: 'Ingrid Verhoeven', team: 'Team Oss', active: true, city: 'Oss' },
  { name: 'Mehmet Yılmaz', team: 'Team Oss', active: true, city: 'Oss' },
  { name: 'Linda Smits', team: 'Team Meierijstad', active: true, city: 'Veghel' },
  { name: 'Ruud Hendriks', team: 'Team Meierijstad', active: false, city: 'Veghel' },
];
/** The inactive adviser left the company: only older complaints name him. */
const INACTIVE_STAFF_MIN_AGE_DAYS = 200;

const PARTY_ROWS: readonly { type: ContractingPartyType; name: string; contactEmail: string; typed: readonly string[] }[] = [
  { type: 'employer', name: 'Bouwbedrijf Van Dongen B.V.', contactEmail: 'hr@vandongen-bouw.test', typed: ['Bouwbedrijf Van Dongen', 'Van Dongen Bouw'] },
  { type: 'employer', name: 'Zorggroep De Meierij', contactEmail: 'personeelszaken@zorggroep-demeierij.test', typed: ['Zorggroep De Meierij', 'zorggroep de Meierij'] },
  { type: 'employer', name: 'Logistiek Centrum Brabant B.V.', contactEmail: 'hr@lcbrabant.test', typed: ['Logistiek Centrum Brabant', 'LCB Oss'] },
  { type: 'municipality', name: "Gemeente 's-Hertogenbosch", contactEmail: 'werkeninkomen@s-hertogenbosch.test', typed: ["Gemeente 's-Hertogenbosch", 'gemeente Den Bosch'] },
  { type: 'municipality', name: 'Gemeente Oss', contactEmail: 'participatie@gemeente-oss.test', typed: ['Gemeente Oss', 'gemeente Oss'] },
  { type: 'municipality', name: 'Gemeente Meierijstad', contactEmail: 'werk@meierijstad.test', typed: ['Gemeente Meierijstad', 'Meierijstad'] },
  { type: 'uwv', name: 'UWV', contactEmail: 'klachten@uwv.test', typed: ['UWV', 'UWV Den Bosch'] },
];

// ---------------------------------------------------------------------------------------------------------------
// Complainants

const FIRST_NAMES = [
  'Anouk', 'Bram', 'Chantal', 'Daan', 'Esther', 'Freek', 'Gerda', 'Hanneke', 'Ivo', 'Jolanda', 'Kees', 'Lotte', 'Martijn',
  'Nadia', 'Olaf', 'Petra', 'Rik', 'Samira', 'Tom', 'Ulla', 'Vincent', 'Wendy', 'Yusuf', 'Zoë', 'Henk', 'Ria', 'Mohamed',
  'Ilse', 'Sander', 'Debby', 'Khadija', 'Bas', 'Marieke', 'Erik', 'Fenna',
] as const;
const LAST_NAMES = [
  'de Jong', 'van Dijk', 'Visser', 'van der Linden', 'Mulder', 'de Graaf', 'Peters', 'van Leeuwen', 'Kuijpers', 'Willems',
  'van de Ven', 'Bosman', 'Hoekstra', 'Maas', 'Coenen', 'van Rooij', 'Brouwer', 'Schouten', 'Aydın', 'Bouzidi',
  'van Gils', 'Timmermans', 'Verbeek', 'de Wit', 'Claassen', 'van Vugt', 'Heijmans', 'Sanders',
] as const;
const EN_NAMES = ['Anna Kowalski', 'Mark Thompson', 'Priya Sharma', 'Tomasz Nowak', 'Elena Popescu', 'Daniel Okafor'] as const;
const EMAIL_DOMAINS = ['mail.test', 'webpost.test', 'voorbeeld.test', 'inbox.test', 'thuis.test'] as const;
const STREETS = [
  'Kerkstraat', 'Molenstraat', 'Stationsweg', 'Hinthamerstraat', 'Graafseweg', 'Kruisstraat', 'Spoorlaan', 'Beatrixlaan',
  'Meidoornstraat', 'Berlicumseweg', 'Lindenlaan', 'Eikenlaan', 'Prins Hendrikstraat', 'Hoogstraat', 'Zandstraat',
] as const;
const CITIES: readonly { city: string; postcodes: readonly [number, number] }[] = [
  { city: "'s-Hertogenbosch", postcodes: [5211, 5237] },
  { city: 'Rosmalen', postcodes: [5240, 5248] },
  { city: 'Oss', postcodes: [5341, 5351] },
  { city: 'Veghel', postcodes: [5461, 5467] },
  { city: 'Schijndel', postcodes: [5481, 5483] },
  { city: 'Vught', postcodes: [5261, 5264] },
  { city: 'Uden', postcodes: [5401, 5406] },
  { city: 'Sint-Oedenrode', postcodes: [5491, 5492] },
];
// Dutch postcodes never use SA, SD or SS; leaving S out as first letter keeps it simple.
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRTVWXZ';

function emailLocalPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/^(\S+)\s+/, '$1.')
    .replace(/[^a-z0-9.]/g, '');
}

// ---------------------------------------------------------------------------------------------------------------
// What the complaints say

type TextContext = { adviser: string; party: string; date: string; months: number; city: string };
type Template = {
  category: CategoryCode;
  locale: Locale;
  /** Whether the text is about one adviser in particular. */
  aboutAdviser: boolean;
  text: (c: TextContext) => string;
  outcomes: readonly string[];
};

const TEMPLATES: readonly Template[] = [
  {
    category: 'trajectory',
    locale: 'nl',
    aboutAdviser: false,
    text: (c) =>
      `Ik zit sinds ${c.months} maanden in een re-integratietraject, maar er gebeurt bijna niets. Ik heb in die tijd twee gesprekken gehad en geen enkele vacature of opleiding aangeboden gekregen. Als ik vraag wat het plan is, krijg ik te horen dat ik geduld moet hebben.`,
    outcomes: ['Een concreet plan met afspraken over vacatures of een opleiding.', 'Een gesprek met de leidinggevende van mijn adviseur.'],
  },
  {
    category: 'trajectory',
    locale: 'nl',
    aboutAdviser: true,
    text: (c) =>
      `Mijn trajectplan is opgesteld zonder dat er met mij over is gesproken. Er staat in dat ik 32 uur per week kan werken, terwijl ik dat vanwege de zorg voor mijn kinderen niet kan. Toen ik dit aangaf bij ${c.adviser}, werd er niets mee gedaan en is het plan toch naar ${c.party} gestuurd.`,
    outcomes: ['Dat het trajectplan samen met mij opnieuw wordt opgesteld.', 'Dat het aangepaste plan opnieuw naar de opdrachtgever wordt gestuurd.'],
  },
  {
    category: 'trajectory',
    locale: 'nl',
    aboutAdviser: false,
    text: () =>
      'De werkervaringsplek die voor mij is geregeld past helemaal niet bij mijn opleiding en ervaring. Ik moet nu magazijnwerk doen, terwijl ik jarenlang administratief medewerker ben geweest. Ik heb het gevoel dat er niet naar mijn cv is gekeken.',
    outcomes: ['Een werkervaringsplek die past bij mijn ervaring.'],
  },
  {
    category: 'trajectory',
    locale: 'nl',
    aboutAdviser: true,
    text: (c) =>
      `Mijn traject is zonder overleg stopgezet. Ik kreeg een brief dat het traject is beëindigd omdat ik "niet meewerk", maar ik ben op alle afspraken gekomen. ${c.adviser} heeft dit ook zo doorgegeven aan ${c.party}, met als gevolg dat mijn uitkering nu wordt gekort.`,
    outcomes: ['Dat de melding aan de opdrachtgever wordt gecorrigeerd.', 'Dat mijn traject weer wordt opgestart.'],
  },
  {
    category: 'trajectory',
    locale: 'nl',
    aboutAdviser: false,
    text: () =>
      'De sollicitatietraining is een week voor de start verplaatst, en daarna nog een keer. Ik moest steeds opnieuw opvang voor mijn kinderen regelen. Dit is nu al de derde keer dat een afspraak op het laatste moment wordt verzet.',
    outcomes: ['Vaste data voor de training die niet meer veranderen.', 'Een vergoeding voor de extra opvangkosten.'],
  },
  {
    category: 'treatment',
    locale: 'nl',
    aboutAdviser: true,
    text: (c) =>
      `Tijdens het gesprek van ${c.date} maakte ${c.adviser} denigrerende opmerkingen over mijn leeftijd. Er werd gezegd dat ik "toch geen werkgever meer zou vinden". Ik vond dit kwetsend en onprofessioneel.`,
    outcomes: ['Excuses van de adviseur.', 'Een andere adviseur.'],
  },
  {
    category: 'treatment',
    locale: 'nl',
    aboutAdviser: true,
    text: (c) =>
      `${c.adviser} luistert niet naar mij. Als ik iets probeer uit te leggen, word ik onderbroken en wordt er met stemverheffing tegen mij gepraat. Ik zie inmiddels op tegen elke afspraak.`,
    outcomes: ['Een andere adviseur.', 'Dat de adviseur op een normale toon met mij praat.'],
  },
  {
    category: 'treatment',
    locale: 'nl',
    aboutAdviser: true,
    text: (c) =>
      `Ik werd door ${c.adviser} onder druk gezet om een contract te tekenen voor een baan die ik niet wil en die niet bij mijn beperkingen past. Er werd gezegd dat ${c.party} anders mijn uitkering zou stopzetten.`,
    outcomes: ['Excuses en een eerlijke uitleg van mijn rechten en plichten.'],
  },
  {
    category: 'treatment',
    locale: 'nl',
    aboutAdviser: true,
    text: (c) =>
      `Bij de afspraak op kantoor heeft ${c.adviser} in de wachtruimte hardop over mijn persoonlijke situatie gepraat, terwijl er andere mensen bij zaten. Ik schaamde me en ben weggegaan.`,
    outcomes: ['Dat gesprekken voortaan in een aparte ruimte plaatsvinden.', 'Excuses van de adviseur.'],
  },
  {
    category: 'communication',
    locale: 'nl',
    aboutAdviser: true,
    text: (c) =>
      `Ik heb de afgelopen weken vier keer gebeld en twee e-mails gestuurd naar ${c.adviser}, maar ik krijg geen reactie. Ik weet niet waar ik aan toe ben met mijn traject en ${c.party} vraagt mij wat er aan de hand is.`,
    outcomes: ['Duidelijke afspraken over hoe en wanneer ik antwoord krijg.'],
  },
  {
    category: 'communication',
    locale: 'nl',
    aboutAdviser: false,
    text: (c) =>
      `Ik kreeg een uitnodiging met het verkeerde adres. Toen ik in ${c.city} aankwam, was er niemand. Ik heb daarvoor een halve dag vrij genomen en reiskosten gemaakt, en niemand heeft zich daarvoor verontschuldigd.`,
    outcomes: ['Vergoeding van mijn reiskosten.', 'Dat uitnodigingen voortaan worden gecontroleerd.'],
  },
  {
    category: 'communication',
    locale: 'nl',
    aboutAdviser: true,
    text: (c) =>
      `Het verslag van ons gesprek klopt niet. In het verslag dat ${c.adviser} naar ${c.party} heeft gestuurd, staat dat ik een afspraak heb gemist, maar die afspraak was door jullie zelf afgezegd. Ik heb de e-mail daarover nog.`,
    outcomes: ['Dat het verslag wordt aangepast en opnieuw wordt verstuurd.'],
  },
  {
    category: 'privacy',
    locale: 'nl',
    aboutAdviser: true,
    text: (c) =>
      `${c.adviser} heeft informatie over mijn gezondheid doorgegeven aan ${c.party}, zonder dat ik daar toestemming voor had gegeven. Ik had dit alleen in vertrouwen verteld om uit te leggen waarom ik minder uren kan werken.`,
    outcomes: ['Dat de informatie bij de opdrachtgever wordt verwijderd.', 'Uitleg over wie mijn gegevens nog meer heeft gekregen.'],
  },
  {
    category: 'privacy',
    locale: 'nl',
    aboutAdviser: false,
    text: () =>
      'Ik heb een e-mail ontvangen die bedoeld was voor een andere deelnemer, met diens naam, adres en verslagen erin. Nu vraag ik me af of mijn gegevens ook bij anderen terechtkomen.',
    outcomes: ['Uitleg over hoe dit kon gebeuren en wat u doet om het te voorkomen.'],
  },
  {
    category: 'other',
    locale: 'nl',
    aboutAdviser: false,
    text: () =>
      'De reiskostenvergoeding voor de trainingsdagen is na drie maanden nog steeds niet uitbetaald. Ik heb de declaratie met alle bonnetjes twee keer ingediend en krijg steeds te horen dat het "in behandeling" is.',
    outcomes: ['Dat mijn reiskosten alsnog worden vergoed.'],
  },
  {
    category: 'other',
    locale: 'nl',
    aboutAdviser: false,
    text: (c) =>
      `Het kantoor in ${c.city} is slecht bereikbaar en er is geen lift, terwijl ik slecht ter been ben. Ik heb gevraagd of de gesprekken ergens anders of online kunnen, maar daar is niets mee gedaan.`,
    outcomes: ['Gesprekken op een toegankelijke plek of online.'],
  },
  {
    category: 'trajectory',
    locale: 'en',
    aboutAdviser: false,
    text: (c) =>
      `I have been in the re-integration programme for ${c.months} months, but I have not been offered a single vacancy or course. My appointments are short and nothing that is agreed is followed up.`,
    outcomes: ['A concrete plan with vacancies or training that fit my experience.'],
  },
  {
    category: 'communication',
    locale: 'en',
    aboutAdviser: true,
    text: (c) =>
      `All letters and e-mails I receive are in Dutch only, although I told ${c.adviser} at the intake that my Dutch is limited. Because of this I missed an important appointment, and ${c.party} was told I did not show up.`,
    outcomes: ['Letters in English, or an interpreter at appointments.'],
  },
  {
    category: 'treatment',
    locale: 'en',
    aboutAdviser: true,
    text: (c) =>
      `During our meeting on ${c.date}, ${c.adviser} made remarks about my accent and my background that I found offensive. When I said so, I was told not to be so sensitive.`,
    outcomes: ['An apology and a different adviser.'],
  },
  {
    category: 'other',
    locale: 'en',
    aboutAdviser: false,
    text: () =>
      'My travel expenses for the job training have still not been reimbursed, even though I submitted the receipts twice. Nobody answers my e-mails about it.',
    outcomes: ['Reimbursement of my travel costs.'],
  },
];

const CONCERNS_STAFF_TEXTS = { nl: ['de jobcoach op mijn werkervaringsplek', 'de trainer van de sollicitatietraining', 'een medewerker van de receptie'], en: ['the job coach at my work placement', 'the trainer of the job application course'] } as const;

const MONTHS = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

function formatDate(date: IsoDate, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const month = MONTHS[locale][m - 1] ?? '';
  return `${d} ${month} ${y}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);


const FINDINGS: Record<Outcome, readonly string[]> = {
  upheld: [
    'Uit het dossier en het hoorgesprek blijkt dat de afspraken niet zijn nagekomen. De adviseur heeft dit erkend.',
    'Wij hebben vastgesteld dat de informatie zonder toestemming is gedeeld. Dat had niet mogen gebeuren.',
    'De klacht wordt bevestigd door de stukken in het dossier; er is onvoldoende gecommuniceerd.',
  ],
  partly_upheld: [
    'Een deel van de afspraken is niet nagekomen; voor de andere punten hebben wij geen onderbouwing gevonden.',
    'De toon van het gesprek was niet in orde. Dat het traject is aangepast, was wel in overleg met de opdrachtgever.',
  ],
  not_upheld: [
    'Uit het dossier blijkt dat de afspraken met de cliënt zijn vastgelegd en nagekomen. Wij hebben geen aanwijzingen gevonden voor wat in de klacht staat.',
    'Beide partijen zijn gehoord. De verslagen van de gesprekken bevestigen de lezing van de klager niet.',
  ],
  resolved_to_satisfaction: [
    'In een gesprek met de klager is een oplossing afgesproken; de klager heeft laten weten daarmee tevreden te zijn.',
    'De vergoeding is alsnog uitbetaald en de klager is tevreden met de oplossing.',
  ],
};

/** Who owns a measure about one adviser: the team leader of that adviser's team. */
const TEAM_LEADERS: Record<string, string> = {
  'Team Den Bosch': 'Karin Mertens, teamleider Team Den Bosch',
  'Team Oss': 'Erik van Boxtel, teamleider Team Oss',
  'Team Meierijstad': 'Saskia Dekker, teamleider Team Meierijstad',
};
const QUALITY_OWNER = 'Marloes van den Berg, kwaliteitsmanager';

type MeasureTemplate = {
  description: string;
  /** Why the measure is taken: what went wrong, what it should prevent. */
  reason: string;
  /** A measure for the whole organisation, which a later complaint about the same thing can be linked to. */
  shared: boolean;
  /**
   * About one adviser or one client (not meant to reduce a kind of complaint): no category, so the dashboard's "did it
   * help?" compares only measures that could change how many complaints of a category come in.
   */
  personal?: true;
  owner: (team: string | null) => string;
};
const teamLeader = (team: string | null) => (team ? (TEAM_LEADERS[team] ?? QUALITY_OWNER) : QUALITY_OWNER);

const MEASURE_TEMPLATES = {
  teamMeeting: {
    description: 'De adviseur bespreekt deze klacht in het teamoverleg.',
    reason: 'De klacht laat zien dat de adviseur anders had moeten handelen; het team leert ervan.',
    shared: false,
    personal: true,
    owner: teamLeader,
  },
  otherAdviser: {
    description: 'De cliënt krijgt een andere adviseur toegewezen.',
    reason: 'De samenwerking tussen cliënt en adviseur is niet meer goed te maken.',
    shared: false,
    personal: true,
    owner: teamLeader,
  },
  invitations: {
    description: 'Uitnodigingen worden voortaan door een tweede medewerker gecontroleerd.',
    reason: 'Cliënten kregen uitnodigingen met een verkeerd adres of een verkeerde tijd.',
    shared: true,
    owner: () => 'Frank Dekkers, teamleider planning',
  },
  dataSharing: {
    description: 'De werkinstructie over het delen van gegevens met opdrachtgevers wordt aangescherpt.',
    reason: 'Gegevens van cliënten werden zonder toestemming met de opdrachtgever gedeeld.',
    shared: true,
    owner: () => 'Hanna Bos, functionaris gegevensbescherming',
  },
  planTogether: {
    description: 'Trajectplannen worden voortaan samen met de cliënt opgesteld en met de cliënt besproken voordat ze naar de opdrachtgever gaan.',
    reason: 'Trajectplannen gingen naar de opdrachtgever zonder dat de cliënt ze had gezien.',
    shared: true,
    owner: () => QUALITY_OWNER,
  },
  expenses: {
    description: 'Declaraties van reiskosten worden binnen vier weken uitbetaald; de administratie controleert dit elke maand.',
    reason: 'Reiskosten werden maanden te laat vergoed.',
    shared: true,
    owner: () => 'Wim Claessens, hoofd financiële administratie',
  },
  accessible: {
    description: 'Gesprekken kunnen voortaan ook online of op een toegankelijke locatie plaatsvinden.',
    reason: 'Het kantoor is niet voor iedereen goed bereikbaar.',
    shared: true,
    owner: () => 'Frank Dekkers, teamleider planning',
  },
} as const satisfies Record<string, MeasureTemplate>;

/**
 * The measures of the management story, each taken at the resolution of a fixed complaint (fixedPlans):
 * - `story`: the answer to the rise in complaints about communication; done about 8 months ago, after which those
 *   complaints drop (the dashboard's "did it help?");
 * - `overdue`: in progress, its due date weeks behind us;
 * - `planned`: recently decided, not started yet;
 * - `dropped`: dropped, with the reason why.
 */
const STORY_MEASURES = {
  story: {
    description: 'Adviseurs beantwoorden e-mails en terugbelverzoeken binnen twee werkdagen; elk team houdt dagelijks een terugbelronde.',
    reason: 'Steeds meer klachten gaan erover dat adviseurs niet terugbellen en e-mails niet beantwoorden; cliënten weten daardoor niet waar zij aan toe zijn.',
    shared: true,
    owner: () => QUALITY_OWNER,
  },
  overdue: {
    description: 'Alle adviseurs volgen de e-learning over het delen van gegevens met opdrachtgevers; de functionaris gegevensbescherming houdt bij wie die heeft afgerond.',
    reason: 'Gezondheidsgegevens van een cliënt zijn zonder toestemming met de opdrachtgever gedeeld.',
    shared: false,
    owner: () => 'Hanna Bos, functionaris gegevensbescherming',
  },
  planned: {
    description: 'Alle adviseurs volgen de training "Bejegening en de-escalatie"; de eerste groep start na de zomer.',
    reason: 'Cliënten voelen zich in gesprekken met adviseurs niet serieus genomen of onder druk gezet.',
    shared: false,
    owner: () => QUALITY_OWNER,
  },
  dropped: {
    description: 'Elke cliënt krijgt na drie maanden traject een voortgangsgesprek met de teamleider.',
    reason: 'Trajecten liepen vast zonder dat iemand het merkte.',
    shared: false,
    owner: teamLeader,
  },
} as const satisfies Record<string, MeasureTemplate>;
type StoryMeasure = keyof typeof STORY_MEASURES;
const DROPPED_REASON =
  'Vervalt: trajectplannen worden nu samen met de cliënt opgesteld en elke drie maanden met de cliënt besproken; een apart gesprek met de teamleider voegt daar weinig aan toe en kost de teamleiders te veel tijd.';

/** Which measures fit a complaint of each category. */
const MEASURES_BY_CATEGORY: Record<CategoryCode, readonly MeasureTemplate[]> = {
  trajectory: [MEASURE_TEMPLATES.planTogether, MEASURE_TEMPLATES.teamMeeting, MEASURE_TEMPLATES.otherAdviser],
  treatment: [MEASURE_TEMPLATES.teamMeeting, MEASURE_TEMPLATES.otherAdviser],
  communication: [MEASURE_TEMPLATES.invitations, MEASURE_TEMPLATES.teamMeeting],
  privacy: [MEASURE_TEMPLATES.dataSharing, MEASURE_TEMPLATES.teamMeeting],
  other: [MEASURE_TEMPLATES.expenses, MEASURE_TEMPLATES.accessible],
};
/** A later complaint is linked to an existing organisation-wide measure when that was taken at most this long ago. */
const SHARED_MEASURE_WINDOW_DAYS = 365;
/** At most this many complaints per shared measure, so the register shows a few shared ones and many single ones. */
const SHARED_MEASURE_MAX_LINKS = 4;

const EXTENSION_REASONS = [
  'De adviseur over wie de klacht gaat is enkele weken afwezig; wij willen ook haar of hem horen voordat wij een oordeel geven.',
  'Wij wachten nog op informatie van de opdrachtgever die nodig is om de klacht goed te beoordelen.',
  'Het hoorgesprek kon op verzoek van de klager pas later plaatsvinden.',
] as const;

/** The second extension of one demo complaint: only with the client's consent (Awb 9:11 (3)). */
const CONSENT_EXTENSION = {
  reason:
    'De opdrachtgever heeft de gevraagde verslagen nog niet gestuurd. Klager wil liever wat langer wachten op een oordeel waarin die verslagen zijn meegewogen.',
  how: 'Telefonisch besproken met de klachtbehandelaar en daarna door klager per e-mail bevestigd.',
} as const;

/** Why a manager takes a resolved complaint up again. */
const REOPEN_REASONS = [
  'Klager heeft na de uitkomst nieuwe stukken gestuurd (e-mails met de adviseur) die bij de beoordeling niet bekend waren.',
  'Bij de controle van de afhandeling bleek dat een van de klachtpunten niet is beoordeeld.',
] as const;

/** Not handled on another ground than the one-year rule (Awb 9:8 (1)): the written reason per ground. */
const OTHER_NOT_ADMISSIBLE: readonly { ground: NotAdmissibleGround; reason: string }[] = [
  {
    ground: 'handled_before',
    reason:
      'Klager heeft over dezelfde gedraging eerder een klacht ingediend. Die klacht is behandeld en met een uitkomst afgesloten; nieuwe feiten noemt klager niet. Volgens de klachtenregeling behandelen wij dezelfde klacht niet opnieuw.',
  },
  {
    ground: 'objection_or_appeal',
    reason:
      'De klacht gaat over de korting op de uitkering. Klager heeft daartegen bezwaar gemaakt bij de gemeente; zolang die procedure loopt, behandelen wij de klacht volgens de klachtenregeling niet.',
  },
];

const WITHDRAWAL_REASONS = [
  'Klager heeft telefonisch laten weten de klacht in te trekken: het probleem is opgelost in een gesprek met de adviseur.',
  'Klager trekt de klacht in per e-mail; zij wil verder met een nieuwe adviseur en ziet af van verdere behandeling.',
  'Klager heeft de klacht ingetrokken omdat het traject inmiddels is afgerond.',
] as const;

const INFO_QUESTIONS = [
  'Kunt u aangeven op welke datum het gesprek plaatsvond en wie daarbij aanwezig waren?',
  'Wilt u de e-mail waarin de afspraak werd afgezegd naar ons doorsturen?',
  'Kunt u toelichten welke afspraken er in het trajectplan volgens u ontbreken?',
  'Om welke declaraties gaat het precies (datum en bedrag)?',
] as const;
/** Answers as the handler records them, with how they came in. */
const INFO_ANSWERS: readonly { answer: string; via: 'email' | 'phone' }[] = [
  { answer: 'Klager heeft de gevraagde datum en namen doorgegeven.', via: 'email' },
  { answer: 'Klager heeft de e-mail doorgestuurd; deze is aan het dossier toegevoegd.', via: 'email' },
  { answer: 'Klager heeft per telefoon een toelichting gegeven; die is vastgelegd in het dossier.', via: 'phone' },
  { answer: 'Klager heeft een overzicht van de declaraties gestuurd.', via: 'email' },
  { answer: 'Klager heeft teruggebeld en de namen van de aanwezigen en de datum van het gesprek genoemd.', via: 'phone' },
];

/** Hearing reports: with the adviser complained about present, or with the client alone. */
const HEARING_REPORTS = {
  withAdviser: [
    'Beide partijen hebben hun kant van het verhaal verteld. Het verslag is vastgelegd in het dossier en met beide partijen gedeeld.',
    'Klager heeft de klacht toegelicht; de adviseur heeft gereageerd. Het verslag is aan beide partijen toegestuurd; zij konden binnen een week reageren.',
  ],
  clientOnly: [
    'In het gesprek is de gang van zaken doorgenomen aan de hand van de verslagen in het dossier. Het verslag is aan het dossier toegevoegd.',
    'Klager heeft de klacht toegelicht en vragen beantwoord. Het verslag is aan klager toegestuurd en aan het dossier toegevoegd.',
  ],
} as const;

/** Why no hearing was held (Awb 9:10 (2)), per ground. */
const HEARING_SKIP_REASONS: Record<HearingSkipGround, readonly string[]> = {
  waived: [
    'Klager heeft aangegeven geen hoorgesprek te willen; de schriftelijke toelichting is voldoende.',
    'Het feitelijke verloop staat niet ter discussie; klager heeft laten weten af te zien van een hoorgesprek.',
  ],
  clearly_unfounded: ['Uit de stukken in het dossier blijkt duidelijk dat de klacht ongegrond is; een hoorgesprek voegt niets toe.'],
  no_reaction: ['Klager is twee keer uitgenodigd voor een hoorgesprek (per e-mail en per brief) en heeft niet gereageerd.'],
};

/** What the client is not satisfied with when the complaint goes to the contracting party. */
const ESCALATION_REASONS = [
  'Klager is het niet eens met het oordeel en vindt dat de lezing van de adviseur zwaarder heeft gewogen dan de eigen lezing.',
  'Klager vindt dat niet op alle punten van de klacht is ingegaan.',
  'Klager vindt dat de uitkomst het probleem niet oplost en wil dat de opdrachtgever ernaar kijkt.',
] as const;

const PARTY_RESPONSES = [
  'De opdrachtgever sluit zich aan bij de afhandeling en ziet geen aanleiding voor verdere stappen.',
  'De opdrachtgever heeft met de cliënt gesproken en afgesproken het traject bij een andere aanbieder voort te zetten.',
  'De opdrachtgever vraagt om extra begeleiding van de cliënt; dat is afgesproken.',
] as const;

// ---------------------------------------------------------------------------------------------------------------
// Dates and times

/** A moment on a calendar day in Europe/Amsterdam. */
function instantAt(date: IsoDate, hour: number, minute: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, hour, minute, PROCEDURE_TIME_ZONE).getTime());
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  const utc = (iso: IsoDate) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

// ---------------------------------------------------------------------------------------------------------------
// A complaint's moments

/** Picks the moments of a complaint's steps in time order; staff steps fall on working days during office hours. */
class Timeline {
  private last: Date;
  private lastDay = 0;

  constructor(
    private readonly rnd: Random,
    private readonly received: IsoDate,
    t0: Date,
    /** The last day (counted from receipt) a step may fall on. */
    readonly capDay: number,
    private readonly now: Date,
  ) {
    this.last = t0;
  }

  get day(): number {
    return this.lastDay;
  }

  get room(): number {
    return this.capDay - this.lastDay;
  }

  get lastAt(): Date {
    return this.last;
  }

  /** A staff step `minGap..maxGap` days after the previous one, on a working day if possible, not after `maxDay`. */
  staffAt(minGap: number, maxGap: number, maxDay = this.capDay): Date {
    const limit = Math.max(this.lastDay, Math.min(maxDay, this.capDay));
    const wanted = Math.min(Math.max(this.lastDay + this.rnd.int(minGap, maxGap), this.lastDay), limit);
    let day = wanted;
    while (day <= limit && !isWorkingDay(addCalendarDays(this.received, day))) day++;
    if (day > limit) {
      day = wanted;
      while (day > this.lastDay && !isWorkingDay(addCalendarDays(this.received, day))) day--;
    }
    return this.officeMoment(day, limit);
  }

  /**
   * Office hours on `day`; when the previous step was later that day, shortly after it if that is still office time,
   * else the next working day (if the cap allows).
   */
  private officeMoment(day: number, limit: number): Date {
    let current = day;
    for (;;) {
      const at = instantAt(addCalendarDays(this.received, current), this.rnd.int(9, 16), this.rnd.int(0, 59));
      if (at.getTime() > this.last.getTime()) return this.advanceTo(at);
      const soonAfter = new Date(this.last.getTime() + this.rnd.int(4, 55) * MINUTE);
      const hour = new TZDate(soonAfter.getTime(), PROCEDURE_TIME_ZONE).getHours();
      if (hour >= 8 && hour < 17) return this.advanceTo(soonAfter);
      let next = current + 1;
      while (next <= limit && !isWorkingDay(addCalendarDays(this.received, next))) next++;
      if (next > limit) return this.advanceTo(soonAfter);
      current = next;
    }
  }

  /** Minutes after the previous step. */
  minutesLater(min: number, max: number): Date {
    return this.advanceTo(new Date(this.last.getTime() + this.rnd.int(min, max) * MINUTE));
  }

  private advanceTo(at: Date): Date {
    let moment = at;
    // Never in the future: squeeze the step in between the previous one and now.
    if (moment.getTime() >= this.now.getTime()) moment = new Date(Math.floor((this.last.getTime() + this.now.getTime()) / 2));
    this.last = moment;
    this.lastDay = Math.max(this.lastDay, daysBetween(this.received, amsterdamDate(moment)));
    return moment;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The plan

type Plan = {
  /** Days before today the complaint was received (before moving post/phone/e-mail to a working day). */
  age: number;
  status: Status;
  channel?: Channel;
  /** What the complaint is about; else drawn with the weights of its time (categoryWeights). */
  category?: CategoryCode;
  /** The (final) outcome of a complaint with one; else drawn. */
  outcome?: Outcome;
  /** Incident more than a year before receipt. */
  oldIncident?: boolean;
  /** Not handled on another ground than the one-year rule. */
  notAdmissible?: NotAdmissibleGround;
  /** One extension without consent, or a second one with the client's consent. */
  extended?: boolean | 'twice';
  /** A phone/e-mail/post complaint acknowledged by the handler after its due date. */
  lateAck?: boolean;
  /** Resolved after its due date (no extension). */
  lateResolution?: boolean;
  /** Resolved, taken up again by a manager, and (status resolved) resolved once more. */
  reopened?: boolean;
  /** In progress with a hearing planned in the coming days. */
  hearingPlanned?: boolean;
  /** One of the story's measures follows from its outcome. */
  measure?: StoryMeasure;
  /** The acknowledgement mail of an online complaint bounced: it shows as failed in the outbox. */
  ackFailed?: boolean;
  /** About the adviser record of handler 3 (Fatima El Amrani): the conflict-of-interest demo. */
  aboutHandler3?: boolean;
};

/** How far back the demo data goes: complaints are received in the 18 months before today. */
const HISTORY_MONTHS = 18;
/**
 * Complaints received per month, oldest month first (month k = the k-th month back from today): a small
 * organisation, busier in its second spring (when complaints about communication pile up) than now. The fixed cases
 * in a month count towards its number.
 */
const MONTHLY_VOLUME = [6, 7, 8, 9, 11, 12, 13, 12, 11, 9, 8, 9, 8, 7, 8, 9, 8, 15] as const;
/** The story measure about communication was done this many months before today. */
const STORY_DONE_MONTHS_AGO = 8;
/** "Did it help?" compares the complaints received this many months before and after a measure was done. */
const EFFECT_WINDOW_MONTHS = 6;
/** The summer months (July, August): short-staffed, so some acknowledgements and resolutions come late. */
const SUMMER_MONTHS: readonly number[] = [7, 8];

/** The day the story measure was done: a working day about 8 months ago. */
export function storyMeasureDoneOn(today: IsoDate): IsoDate {
  let on = addCalendarMonths(today, -STORY_DONE_MONTHS_AGO);
  while (!isWorkingDay(on)) on = addCalendarDays(on, -1);
  return on;
}

/**
 * Around the story measure (from 5 months before it was done to a month after) no other organisation-wide measure
 * about communication is taken, so "did it help?" has one clear measure to look at.
 */
function storyWindow(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const doneOn = storyMeasureDoneOn(today);
  return { from: addCalendarMonths(doneOn, -5), to: addCalendarMonths(doneOn, 1) };
}

/** Days between today and `months` months before it. */
const monthsAgo = (today: IsoDate, months: number) => daysBetween(addCalendarMonths(today, -months), today);

/**
 * What complaints are about, by when they came in: complaints about communication rise in the months before the
 * story measure is done and drop after it; the other categories keep their share.
 */
function categoryWeights(age: number, today: IsoDate): readonly (readonly [CategoryCode, number])[] {
  const doneOn = storyMeasureDoneOn(today);
  const doneAge = daysBetween(doneOn, today);
  const beforeStart = daysBetween(addCalendarMonths(doneOn, -EFFECT_WINDOW_MONTHS), today);
  const afterEnd = daysBetween(addCalendarMonths(doneOn, EFFECT_WINDOW_MONTHS), today);
  const communication = age > beforeStart ? 15 : age > doneAge ? 27 : age >= afterEnd ? 6 : 8;
  return [['trajectory', 24], ['treatment', 17], ['communication', communication], ['privacy', 7], ['other', 11]];
}

/** Fixed cases, so the deadline views, every end state and the management story always have something to show. */
function fixedPlans(today: IsoDate): Plan[] {
  const months = (m: number, plusDays = 0) => monthsAgo(today, m) + plusDays;
  return [
    // Today's, not yet assigned, about Fatima El Amrani's adviser record: assigning it to her is refused (conflict of interest).
    { age: 0, status: 'acknowledged', channel: 'online', aboutHandler3: true, category: 'treatment' },
    { age: 1, status: 'received', channel: 'email' },
    { age: 2, status: 'received' },
    { age: 3, status: 'received', channel: 'phone' },
    { age: 18, status: 'received', channel: 'post' }, // acknowledgement overdue
    { age: 19, status: 'acknowledged', channel: 'online', ackFailed: true }, // the acknowledgement mail bounced
    { age: 31, status: 'acknowledged', oldIncident: true }, // not-admissible notice overdue, one-year flag
    { age: 48, status: 'info_requested' }, // resolution overdue while waiting for the client
    { age: 57, status: 'in_progress', hearingPlanned: true }, // resolution overdue, hearing still to come
    { age: 61, status: 'in_progress', extended: true }, // extended, due soon
    { age: 25, status: 'withdrawn' },
    { age: 66, status: 'in_progress', reopened: true, outcome: 'not_upheld' }, // reopened, being handled again
    { age: 75, status: 'escalated' },
    { age: 95, status: 'escalated' },
    { age: 104, status: 'not_admissible', notAdmissible: 'handled_before' },
    { age: 122, status: 'resolved', channel: 'post', lateAck: true },
    { age: 146, status: 'resolved', reopened: true, outcome: 'partly_upheld' },
    { age: 160, status: 'closed_by_party' },
    { age: 205, status: 'resolved', extended: 'twice' }, // the second extension with the client's consent
    { age: 22, status: 'not_admissible', oldIncident: true },
    { age: 210, status: 'not_admissible', oldIncident: true },
    { age: 268, status: 'resolved', channel: 'phone', lateAck: true, lateResolution: true },
    { age: 305, status: 'not_admissible', notAdmissible: 'objection_or_appeal' },
    { age: 330, status: 'closed_by_party' },
    { age: 380, status: 'resolved', extended: true },
    { age: 455, status: 'closed_by_party' },
    // The story's measures: about communication (created ~10 months ago, a second complaint linked, done ~8 months
    // ago), one overdue, one dropped, one planned.
    { age: months(11, 10), status: 'resolved', category: 'communication', outcome: 'upheld', measure: 'story' },
    { age: months(9, 25), status: 'resolved', category: 'communication', outcome: 'partly_upheld', measure: 'story' },
    { age: months(4, 10), status: 'resolved', category: 'privacy', outcome: 'upheld', measure: 'overdue' },
    { age: months(7, 10), status: 'resolved', category: 'trajectory', outcome: 'upheld', measure: 'dropped' },
    { age: 38, status: 'resolved', category: 'treatment', outcome: 'upheld', measure: 'planned' },
  ];
}

function randomPlan(rnd: Random, age: number, today: IsoDate): Plan {
  if (age < 10) return { age, status: rnd.chance(0.45) ? 'acknowledged' : 'in_progress' };
  if (age < 42) {
    const status = rnd.weighted<Status>([
      ['in_progress', 50],
      ['info_requested', 18],
      ['acknowledged', age <= 14 ? 12 : 0],
      ['withdrawn', 3],
      ['resolved', age >= 24 ? 14 : 0],
    ]);
    return { age, status };
  }
  const status = rnd.weighted<Status>([
    ['resolved', 76],
    ['escalated', age >= 80 ? 3 : 0],
    ['closed_by_party', age >= 130 ? 3 : 0],
    ['withdrawn', 3],
    ['not_admissible', 3],
  ]);
  const extended = status === 'resolved' && rnd.chance(0.15);
  // In the summer the team is short-staffed: letters and phone calls wait, and so do outcomes.
  const summer = SUMMER_MONTHS.includes(Number(addCalendarDays(today, -age).slice(5, 7)));
  const lateAck = summer && status !== 'not_admissible' && rnd.chance(0.45);
  const lateResolution = summer && status === 'resolved' && !extended && rnd.chance(0.4);
  return {
    age,
    status,
    oldIncident: status === 'not_admissible',
    extended,
    ...(lateAck ? { lateAck, channel: rnd.weighted<Channel>([['post', 4], ['email', 4], ['phone', 3]]) } : {}),
    ...(lateResolution ? { lateResolution } : {}),
  };
}

/** Every complaint to seed: the fixed cases, and random ones month by month up to each month's volume. */
function allPlans(rnd: Random, today: IsoDate): Plan[] {
  const plans = fixedPlans(today);
  const oldest = monthsAgo(today, HISTORY_MONTHS) - 4; // post moves back to a working day: stay inside 18 months
  for (let k = 0; k < HISTORY_MONTHS; k++) {
    // Month k: ages (monthsAgo(k), monthsAgo(k + 1)]; this month from day 4 (the first days are fixed cases).
    const from = k === 0 ? 4 : monthsAgo(today, k) + 1;
    const to = Math.min(monthsAgo(today, k + 1), oldest);
    const fixed = plans.filter((p) => p.age >= (k === 0 ? 0 : from) && p.age <= to).length;
    const wanted = MONTHLY_VOLUME[HISTORY_MONTHS - 1 - k]!;
    for (let i = fixed; i < wanted; i++) plans.push(randomPlan(rnd, rnd.int(from, to), today));
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------------------------
// Replaying the story through the real steps

/**
 * One thing that happens in the demo's past, at its moment: a complaint coming in, a step on its file, a change in the
 * measures register. Every complaint's happenings are planned first; then all of them run in time order, each through
 * the real server action (`runIn`, lib/actions/pipeline.ts) as its user and at its moment.
 */
type Happening = { at: Date; run: (tx: Tx) => Promise<void> };

/** A complaint or measure as the replay knows it once it exists: its id and the version its next step expects. */
type Ref = { id: number; version: number; reference: string };
const newRef = (): Ref => ({ id: 0, version: 0, reference: '' });

type StepAction = { runIn: (tx: Tx, raw: unknown, ctx: { now: Date; actor: Actor }) => Promise<StepResult> };
type MeasureAction = { runIn: (tx: Tx, raw: unknown, ctx: { now: Date; actor: Actor }) => Promise<unknown> };
type Input = Record<string, unknown>;

type Ids = {
  actors: ReadonlyMap<number, Actor>;
  manager: number;
  handlers: readonly { id: number; name: string }[];
  /** user id → staff id for users who are also advisers */
  staffOfUser: ReadonlyMap<number, number>;
  staff: readonly { id: number; name: string; team: string; city: string; active: boolean }[];
  parties: readonly { id: number; type: ContractingPartyType; name: string; contactEmail: string; typed: readonly string[] }[];
  categories: ReadonlyMap<CategoryCode, number>;
  /** How many complaints still waiting for their acknowledgement each handler has been given (spread evenly). */
  waitingPerHandler: Map<number, number>;
  /** Organisation-wide measures planned so far, by description: later complaints about the same thing may be linked to them. */
  sharedMeasures: Map<string, { measure: Ref; createdAt: Date; links: number }>;
  /** Acknowledgements whose mail bounced: marked failed once everything has run. */
  bounced: Ref[];
};

function actorOf(ids: Ids, userId: number): Actor {
  const actor = ids.actors.get(userId);
  if (!actor) throw new Error(`demo seed: no user ${userId}`);
  return actor;
}

/** A refusal from a real step is a bug in the demo's story: say which complaint and step. */
async function replayed<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const detail = error instanceof RuleViolation ? JSON.stringify(error.fieldErrors) : error instanceof Error ? error.message : String(error);
    throw new Error(`demo seed: ${what} refused: ${detail}`, { cause: error });
  }
}

/** The users, advisers, contracting parties, categories and settings, through the settings' own writes (db/settings.ts). */
async function seedReferenceData(tx: Tx, now: Date, logins: DemoLogin[]): Promise<Ids & { inactiveStaff: number[] }> {
  const setupAt = instantAt(addCalendarMonths(amsterdamDate(now), -15), 10, 0);

  const categoryIds = new Map<CategoryCode, number>();
  for (const c of CATEGORY_ROWS) categoryIds.set(c.code, await insertCategory(tx, { ...c }));
  for (const u of [...USER_ROWS, FORMER_USER]) logins.push({ email: u.email, name: u.name, role: u.role, password: demoPassword(), active: u !== FORMER_USER });
  const hashes = await Promise.all(logins.map((login) => hashPassword(login.password)));
  const actors = new Map<number, Actor>();
  const userIds = new Map<string, number>();
  for (const [i, login] of logins.entries()) {
    const id = await insertUser(tx, { email: login.email, name: login.name, role: login.role, passwordHash: hashes[i]!, mustChangePassword: false, createdAt: setupAt });
    if (!login.active) await updateUserActive(tx, id, false);
    userIds.set(login.email, id);
    actors.set(id, { id, name: login.name, email: login.email, role: login.role, mustChangePassword: false });
  }
  const userId = (key: (typeof USER_ROWS)[number]['key']) => userIds.get(USER_ROWS.find((u) => u.key === key)!.email)!;
  await saveOrganisation(tx, DEFAULT_ORGANISATION, userId('admin'), setupAt);
  await insertProcedureSettings(tx, { preset: DEFAULT_PRESET, terms: DEFAULT_TERMS, changedBy: userId('admin'), createdAt: setupAt });

  // Every adviser was at work when the complaints about them came in; the one who left is deactivated at the end.
  const staffRows = [];
  for (const s of STAFF_ROWS) staffRows.push({ ...s, id: await insertStaff(tx, { name: s.name, team: s.team, userId: s.user ? userId(s.user) : null }) });
  const parties = [];
  for (const p of PARTY_ROWS) parties.push({ ...p, id: await insertParty(tx, { type: p.type, name: p.name, contactEmail: p.contactEmail }) });

  return {
    actors,
    manager: userId('manager'),
    handlers: (['handler1', 'handler2', 'handler3'] as const).map((k) => ({ id: userId(k), name: USER_ROWS.find((u) => u.key === k)!.name })),
    staffOfUser: new Map(staffRows.filter((s) => s.user).map((s) => [userId(s.user!), s.id])),
    staff: staffRows.map(({ id, name, team, city, active }) => ({ id, name, team, city, active })),
    parties,
    categories: categoryIds,
    waitingPerHandler: new Map(),
    sharedMeasures: new Map(),
    bounced: [],
    inactiveStaff: staffRows.filter((s) => !s.active).map((s) => s.id),
  };
}

type Draft = {
  plan: Plan;
  channel: Channel;
  receivedOn: IsoDate;
  t0: Date;
};

function draftDates(rnd: Random, plan: Plan, now: Date): Draft {
  const today = amsterdamDate(now);
  const channel: Channel =
    plan.channel ??
    // Online complaints are acknowledged on submission: only those that came in another way wait for a handler's.
    (plan.status === 'received'
      ? rnd.weighted<Channel>([['phone', 12], ['email', 14], ['post', 10]])
      : rnd.weighted<Channel>([['online', 64], ['phone', 12], ['email', 14], ['post', 10]]));
  if (plan.age === 0) {
    // Today: a little while ago (online, any hour).
    const t0 = new Date(now.getTime() - rnd.int(20, 150) * MINUTE);
    return { plan, channel, receivedOn: amsterdamDate(t0), t0 };
  }
  let receivedOn = addCalendarDays(today, -plan.age);
  if (channel === 'online') return { plan, channel, receivedOn, t0: instantAt(receivedOn, rnd.int(7, 22), rnd.int(0, 59)) };
  // Post arrives, and staff take calls and read mail, on working days.
  while (!isWorkingDay(receivedOn)) receivedOn = addCalendarDays(receivedOn, -1);
  return { plan, channel, receivedOn, t0: instantAt(receivedOn, rnd.int(9, 16), rnd.int(0, 59)) };
}

function makeContact(rnd: Random, channel: Channel, locale: Locale, needsEmail: boolean) {
  const name = locale === 'en' ? rnd.pick(EN_NAMES) : `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`;
  const emailShare = channel === 'email' ? 1 : channel === 'post' ? 0.35 : channel === 'phone' ? 0.6 : 0.9;
  const hasEmail = rnd.chance(emailShare) || needsEmail;
  const hasAddress = !hasEmail || rnd.chance(channel === 'online' ? 0.15 : 0.5);
  const place = rnd.pick(CITIES);
  const postcode = `${rnd.int(place.postcodes[0], place.postcodes[1])} ${rnd.pick([...POSTCODE_LETTERS])}${rnd.pick([...POSTCODE_LETTERS])}`;
  const phone = channel === 'phone' || rnd.chance(0.35) ? `06-${rnd.int(10_000_000, 99_999_999)}` : null;
  return {
    name,
    email: hasEmail ? `${emailLocalPart(name)}@${rnd.pick(EMAIL_DOMAINS)}` : '',
    street: hasAddress ? `${rnd.pick(STREETS)} ${rnd.int(1, 180)}${rnd.chance(0.15) ? rnd.pick(['a', 'b', '-2']) : ''}` : '',
    postcode: hasAddress ? postcode : '',
    city: hasAddress ? place.city : '',
    phone: phone ?? '',
  };
}

/**
 * What every installation needs, with or without demo data: the complaint categories and the procedure's default
 * terms. Does nothing when the database already has categories.
 */
export async function seedProcedureDefaults(db: Db): Promise<{ seeded: boolean }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('klachtloket:seed-demo-data', 0))`);
    const existing = await tx.select({ id: categories.id }).from(categories).limit(1);
    if (existing.length > 0) return { seeded: false };
    await tx.insert(categories).values(CATEGORY_ROWS.map((c) => ({ ...c })));
    await tx.insert(procedureSettings).values({ preset: DEFAULT_PRESET, terms: DEFAULT_TERMS });
    await tx.insert(organisationSettings).values({ ...DEFAULT_ORGANISATION }).onConflictDoNothing();
    return { seeded: true };
  });
}

/** Seeds the demo installation once; returns the demo logins (with their passwords) when it did. */
export async function seedDemoData(db: Db, now = new Date()): Promise<{ seeded: boolean; logins: DemoLogin[] }> {
  return db.transaction(async (tx) => {
    // Two seeds at once: the second waits here and then finds the data.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('klachtloket:seed-demo-data', 0))`);
    const existing = await tx.select({ id: categories.id }).from(categories).limit(1);
    if (existing.length > 0) return { seeded: false, logins: [] };

    const rnd = new Random(mulberry32(PRNG_SEED));
    const logins: DemoLogin[] = [];
    const ids = await seedReferenceData(tx, now, logins);
    const plans = allPlans(rnd, amsterdamDate(now));
    const drafts = plans.map((plan) => draftDates(rnd, plan, now)).sort((a, b) => a.t0.getTime() - b.t0.getTime());

    const happenings: Happening[] = [];
    for (const draft of drafts) planComplaint(rnd, ids, draft, now, happenings);
    // In time order, as the application saw them (a stable sort keeps each complaint's own order).
    happenings.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const happening of happenings) await happening.run(tx);

    for (const id of ids.inactiveStaff) await updateStaffActive(tx, id, false);
    await deliverDemoOutbox(tx, ids.bounced, now);
    return { seeded: true, logins };
  });
}

/**
 * The outbox worker's part, without sending anything: every letter the steps wrote counts as sent a few minutes after
 * it was written (a letter on paper: printed the next day), except the acknowledgements that bounced.
 */
async function deliverDemoOutbox(tx: Tx, bounced: readonly Ref[], now: Date): Promise<void> {
  const before = new Date(now.getTime() - MINUTE);
  await tx.execute(sql`
    update ${outbox} set status = 'sent', attempts = 1,
      sent_at = greatest(created_at, least(${before}::timestamptz,
        created_at + case when medium = 'email' then (1 + id % 4) * interval '1 minute' else (16 + id % 14) * interval '1 hour' end)),
      provider_id = case when medium = 'email' then 'demo-' || id else null end
    where status = 'pending'`);
  for (const ref of bounced) {
    await tx
      .update(outbox)
      .set({ status: 'failed', attempts: 5, sentAt: null, providerId: null, lastError: '550 5.1.1 Recipient address rejected: mailbox unavailable' })
      .where(and(eq(outbox.complaintId, ref.id), eq(outbox.kind, 'acknowledgement')));
  }
}

/** The newest measure with this description that the complaint is linked to: the one its resolution just recorded. */
async function measureRecordedFor(tx: Tx, complaintId: number, description: string): Promise<number> {
  const [row] = await tx
    .select({ id: measures.id })
    .from(measures)
    .innerJoin(complaintMeasures, eq(complaintMeasures.measureId, measures.id))
    .where(and(eq(complaintMeasures.complaintId, complaintId), eq(measures.description, description)))
    .orderBy(desc(measures.id))
    .limit(1);
  if (!row) throw new Error(`demo seed: measure "${description}" was not recorded`);
  return row.id;
}

async function measureVersion(tx: Tx, id: number): Promise<number> {
  const [row] = await tx.select({ version: measures.version }).from(measures).where(eq(measures.id, id));
  return row!.version;
}

async function complaintRef(tx: Tx, reference: string, ref: Ref): Promise<void> {
  const [row] = await tx.select({ id: complaints.id, version: complaints.version }).from(complaints).where(eq(complaints.reference, reference));
  Object.assign(ref, { id: row!.id, version: row!.version, reference });
}

/** Plans one complaint: who complains about what, and each step of its story with its moment, user and input. */
function planComplaint(rnd: Random, ids: Ids, draft: Draft, now: Date, happenings: Happening[]): void {
  const { plan, channel, receivedOn, t0 } = draft;
  const today = amsterdamDate(now);
  const age = daysBetween(receivedOn, today);
  const terms: ProcedureTerms = { ...DEFAULT_TERMS };

  // Who and what.
  const category = plan.category ?? rnd.weighted(categoryWeights(age, today));
  const fits = (l: Locale) => TEMPLATES.filter((t) => t.locale === l && t.category === category && (t.aboutAdviser || !plan.aboutHandler3));
  const wantsEnglish = (channel === 'online' || channel === 'email') && rnd.chance(0.1);
  const locale: Locale = wantsEnglish && fits('en').length > 0 ? 'en' : 'nl';
  const contact = makeContact(rnd, channel, locale, plan.ackFailed === true);
  const template = rnd.pick(fits(locale));
  const categoryId = ids.categories.get(template.category)!;
  const handler3 = ids.handlers[2]!;
  const adviserOfHandler3 = ids.staffOfUser.get(handler3.id)!;

  const eligibleStaff = ids.staff.filter((s) => s.active || age >= INACTIVE_STAFF_MIN_AGE_DAYS);
  const namedStaff = plan.aboutHandler3 === true || (template.aboutAdviser ? rnd.chance(0.88) : rnd.chance(0.25));
  const concerns = namedStaff
    ? plan.aboutHandler3 === true || rnd.chance(0.3)
      ? ids.staff.find((s) => s.id === adviserOfHandler3)!
      : rnd.pick(eligibleStaff.filter((s) => s.id !== adviserOfHandler3))
    : null;
  const concernsText = !concerns && template.aboutAdviser && rnd.chance(0.5) ? rnd.pick(CONCERNS_STAFF_TEXTS[locale]) : null;
  const colleagues = concerns ? ids.staff.filter((s) => s.active && s.id !== concerns.id && s.team === concerns.team) : [];
  /** Someone complained about is recorded (an adviser from the list, or as the client named them): they get a copy. */
  const hasSubject = concerns !== null || concernsText !== null;
  const otherInvolved = colleagues.length > 0 && rnd.chance(0.15) ? rnd.pick(colleagues) : null;
  const involvedStaffIds = new Set([concerns?.id, otherInvolved?.id].filter((id): id is number => id !== undefined));
  const freeHandlers = ids.handlers.filter((h) => {
    const staffId = ids.staffOfUser.get(h.id);
    return staffId === undefined || !involvedStaffIds.has(staffId);
  });

  const partyChoice: ClientContractingPartyChoice =
    plan.status === 'escalated' || plan.status === 'closed_by_party'
      ? rnd.pick(['employer', 'municipality', 'uwv'] as const)
      : rnd.weighted<ClientContractingPartyChoice>([['municipality', 50], ['uwv', 20], ['employer', 18], ['unknown', 12]]);
  const party = partyChoice === 'unknown' ? null : rnd.pick(ids.parties.filter((p) => p.type === partyChoice));
  const partyName = party ? rnd.pick(party.typed) : null;

  let incidentOngoing = false;
  let incidentDate: IsoDate | null;
  if (plan.oldIncident) {
    incidentDate = addCalendarDays(receivedOn, -rnd.int(395, 600));
  } else if (rnd.chance(0.3)) {
    incidentOngoing = true;
    incidentDate = rnd.chance(0.3) ? addCalendarDays(receivedOn, -rnd.int(30, 200)) : null;
  } else {
    incidentDate = addCalendarDays(receivedOn, -rnd.int(channel === 'online' ? 0 : 1, 110));
  }

  const adviserPhrase = concerns ? concerns.name : (concernsText ?? (locale === 'nl' ? 'mijn adviseur' : 'my adviser'));
  const partyPhrase = partyName ?? (locale === 'nl' ? 'de opdrachtgever' : 'the contracting party');
  const textDate = incidentDate ? formatDate(incidentDate, locale) : locale === 'nl' ? 'ons laatste gesprek' : 'our last meeting';
  let description = capitalise(
    template.text({ adviser: adviserPhrase, party: partyPhrase, date: textDate, months: rnd.int(3, 14), city: (concerns ?? rnd.pick(ids.staff)).city }),
  );
  if (channel === 'phone') description = `Telefonisch gemeld. ${description}`;
  const desiredOutcome = rnd.chance(0.55) ? rnd.pick(template.outcomes) : null;

  // The manager assigns a complaint on the day it comes in; today's are still waiting for that. Complaints still
  // waiting for their acknowledgement are spread evenly, so every demo handler has one to acknowledge.
  const leastWaiting = () =>
    freeHandlers.reduce((best, h) => ((ids.waitingPerHandler.get(h.id) ?? 0) < (ids.waitingPerHandler.get(best.id) ?? 0) ? h : best));
  const handler = age === 0 ? null : plan.status !== 'received' ? rnd.pick(freeHandlers) : leastWaiting();
  if (plan.status === 'received' && handler) ids.waitingPerHandler.set(handler.id, (ids.waitingPerHandler.get(handler.id) ?? 0) + 1);
  const registeredBy = channel === 'online' ? null : (handler && rnd.chance(0.6) ? handler : rnd.pick(freeHandlers));

  // The complaint comes in: the form as the client filled it in, or as staff typed it in (lib/complaints/submit.ts,
  // register.ts). The incident in the past is as the client gave it, the one-year rule is the intake's to apply.
  const file = newRef();
  const facts = {
    name: contact.name,
    email: contact.email,
    street: contact.street,
    postcode: contact.postcode,
    city: contact.city,
    phone: contact.phone,
    category: template.category,
    staffId: concerns ? String(concerns.id) : '',
    staffOther: concernsText ?? '',
    description,
    incidentWhen: incidentOngoing ? 'ongoing' : 'date',
    incidentDate: incidentOngoing ? '' : incidentDate!,
    desiredOutcome: desiredOutcome ?? '',
    partyChoice,
    partyName: partyName ?? '',
    idempotencyKey: randomUUID(),
    locale,
  };
  happenings.push({
    at: t0,
    run: (tx) =>
      replayed(`the ${channel} complaint of ${receivedOn}`, async () => {
        const { reference } =
          channel === 'online'
            ? await submitComplaint.runIn(tx, { ...facts, consent: true }, { now: t0, actor: null })
            : await registerComplaint.runIn(tx, { ...facts, channel, receivedOn, informed: true }, { now: t0, actor: actorOf(ids, registeredBy!.id) });
        await complaintRef(tx, reference, file);
      }),
  });
  if (plan.ackFailed) ids.bounced.push(file);

  /** A step on the file, through its real server action, as this user at this moment. */
  const step = (name: string, action: StepAction, at: Date, by: number, input: Input | (() => Input) = {}) =>
    happenings.push({
      at,
      run: (tx) =>
        replayed(`${file.reference} ${name}`, async () => {
          const values = typeof input === 'function' ? input() : input;
          const result = await action.runIn(tx, { complaintId: file.id, version: file.version, ...values }, { now: at, actor: actorOf(ids, by) });
          file.version = result.version;
        }),
    });

  const tl = new Timeline(rnd, receivedOn, t0, Math.max(0, age - 1), now);
  const due = resolutionDue(receivedOn, terms);
  let newDue: IsoDate | null = null;
  /** The due date the last extension replaced. */
  let replacedDue: IsoDate | null = null;
  let extensionCount = 0;

  const story = storyWindow(today);
  const duringStory = (on: IsoDate) => on >= story.from && on <= story.to;

  const assign = () => {
    step('assign', assignStep, tl.staffAt(0, 2), ids.manager, { handlerId: handler!.id });
    // Someone else involved (a colleague who was there), recorded by the handler.
    if (otherInvolved) step('addInvolved', addInvolved, tl.minutesLater(5, 40), handler!.id, { staffId: String(otherInvolved.id), name: '', involvement: 'other' });
  };

  if (channel === 'online') {
    // Acknowledged on submission by the system (lib/complaints/submit.ts).
    if (handler) assign();
  } else if (plan.status === 'received') {
    // Registered by staff and waiting for the handler's acknowledgement: nothing in the outbox yet.
    if (handler) assign();
  } else {
    assign();
    const ackDue = acknowledgementDue(receivedOn, terms);
    const ackDueDay = daysBetween(receivedOn, ackDue);
    // Usually within a few days; a late one (the summer) some days after its due date.
    const lateDay = plan.lateAck ? rnd.int(ackDueDay + 1, ackDueDay + 8) : 0;
    const at = plan.lateAck ? tl.staffAt(lateDay - tl.day, lateDay - tl.day) : tl.staffAt(0, 3, ackDueDay - 1);
    step('acknowledge', acknowledge, at, handler!.id);
  }

  const handlerId = handler?.id ?? 0;

  /** A copy of the complaint to the adviser it is about (Awb 9:9); only when someone complained about is recorded. */
  const sendCopy = () => {
    const at = tl.staffAt(1, 4);
    step('sendCopy', sendCopyStep, at, handlerId, { sentOn: amsterdamDate(at), via: 'email' });
  };

  const askInfo = (answered: boolean) => {
    const at = tl.staffAt(2, 7);
    const question = rnd.pick(INFO_QUESTIONS);
    const answerBy = addCalendarDays(amsterdamDate(at), rnd.int(8, 12));
    step('requestInfo', requestInfo, at, handlerId, { question, answerBy });
    if (!answered) return;
    // The client answers by e-mail or phone; the handler records the answer the day it comes in.
    const { answer, via } = rnd.pick(INFO_ANSWERS);
    const recordedAt = tl.staffAt(1, 7);
    step('recordAnswer', recordAnswer, recordedAt, handlerId, { answer, answeredOn: amsterdamDate(recordedAt), via });
  };

  const participants = () => [`${contact.name} (klager)`, ...(concerns ? [`${concerns.name} (adviseur)`] : []), `${handler!.name} (klachtbehandelaar)`].join(', ');

  /** A hearing still to come: planned for a working day soon after today. */
  const planHearingSoon = () => {
    let on = addCalendarDays(today, rnd.int(2, 9));
    while (!isWorkingDay(on)) on = addCalendarDays(on, 1);
    step('planHearing', planHearing, tl.staffAt(1, 5), handlerId, { on, participants: participants() });
  };

  /** Both sides heard (planned, then held and reported), or not heard on one of the grounds of Awb 9:10 (2). */
  const decideHearing = (outcome: Outcome | null) => {
    const ground = rnd.weighted<HearingSkipGround | 'held'>([
      ['held', 80],
      ['waived', 10],
      ['no_reaction', 5],
      ['clearly_unfounded', outcome === 'not_upheld' ? 8 : 0],
    ]);
    if (ground === 'held') {
      const who = participants();
      const plannedAt = tl.staffAt(2, 6);
      const heldAt = tl.staffAt(3, 9);
      const heldOn = amsterdamDate(heldAt);
      step('planHearing', planHearing, plannedAt, handlerId, { on: heldOn, participants: who });
      const report = rnd.pick(concerns ? HEARING_REPORTS.withAdviser : HEARING_REPORTS.clientOnly);
      step('recordHearing', recordHearing, heldAt, handlerId, { heldOn, participants: who, report });
    } else {
      step('skipHearing', skipHearing, tl.staffAt(3, 10), handlerId, { ground, explanation: rnd.pick(HEARING_SKIP_REASONS[ground]) });
    }
  };

  /**
   * Shortly before the resolution term in force ends; open complaints get the longest extension (due soon, not
   * overdue). Without consent once (the terms' limit), a further one only with the client's recorded consent.
   */
  const extend = (days: number, consent = false) => {
    const previousDue = newDue ?? due;
    const previousDay = daysBetween(receivedOn, previousDue);
    const target = Math.max(tl.day + 1, rnd.int(previousDay - 10, previousDay - 2));
    const at = tl.staffAt(target - tl.day, target - tl.day, previousDay - 1);
    const candidate = addCalendarDays(previousDue, days);
    const refusal = checkExtension({ currentDue: previousDue, newDue: candidate, extensionCount, withConsent: consent, terms, today: amsterdamDate(at) });
    if (refusal) throw new Error(`demo seed: the complaint of ${receivedOn} cannot be extended to ${candidate}: ${refusal}`);
    replacedDue = previousDue;
    newDue = resolutionDue(receivedOn, terms, [{ newDue: candidate }]);
    extensionCount++;
    const reason = consent ? CONSENT_EXTENSION.reason : rnd.pick(EXTENSION_REASONS);
    // The client agreed on the phone a day or two before the handler recorded the extension.
    const consentOn = consent ? addCalendarDays(amsterdamDate(at), -rnd.int(0, 2)) : '';
    step('extend', extendStep, at, handlerId, { newDue, reason, consent, consentOn, consentHow: consent ? CONSENT_EXTENSION.how : '' });
  };

  /** Measures follow from (partly) upheld complaints: one that fits the category, sometimes a second. */
  const chooseMeasures = (outcome: Outcome, at: Date): MeasureTemplate[] => {
    if (outcome !== 'upheld' && outcome !== 'partly_upheld') return [];
    if (plan.measure) return [STORY_MEASURES[plan.measure]];
    // Partly upheld: a measure only when the part that was right calls for one.
    if (outcome === 'partly_upheld' && rnd.chance(0.5)) return [];
    // An organisation-wide measure is taken once: a later complaint is linked to it while it is recent, else gets a
    // measure of its own about the adviser.
    const available = MEASURES_BY_CATEGORY[template.category].filter(
      (m) => sharedMeasureFor(ids, m, at) !== 'taken' && !(m.shared && template.category === 'communication' && duringStory(amsterdamDate(at))),
    );
    const options = available.length > 0 ? available : [MEASURE_TEMPLATES.teamMeeting];
    const first = rnd.pick(options);
    const rest = options.filter((m) => m !== first);
    return rest.length > 0 && rnd.chance(0.1) ? [first, rnd.pick(rest)] : [first];
  };

  const resolve = (outcome: Outcome, again = false) => {
    const extendedTo = newDue as IsoDate | null;
    const dueDay = daysBetween(receivedOn, extendedTo ?? due);
    // On time: by the due date in force (after an extension: after the term it replaced). Late: some days after it.
    const [minDay, lastDay] = plan.lateResolution
      ? [dueDay + 2, dueDay + rnd.int(5, 16)]
      : [extendedTo ? daysBetween(receivedOn, replacedDue!) + 1 : 18, extendedTo ? dueDay : terms.resolutionDays - 1];
    const target = Math.max(tl.day + 2, rnd.int(minDay, lastDay));
    // Taken up again: the new outcome a few weeks after the reopening.
    const at = again ? tl.staffAt(8, 20) : tl.staffAt(target - tl.day, target - tl.day, lastDay);
    const findings = rnd.pick(FINDINGS[outcome]);
    const newMeasures: { template: MeasureTemplate; measure: Ref }[] = [];
    const linked: Ref[] = [];
    for (const template of chooseMeasures(outcome, at)) {
      const existing = sharedMeasureFor(ids, template, at);
      if (existing === 'taken') throw new Error(`demo seed: the complaint of ${receivedOn} cannot take "${template.description}" again`);
      if (existing) {
        existing.links++;
        linked.push(existing.measure);
      } else {
        newMeasures.push({ template, measure: newRef() });
      }
    }
    const team = concerns?.team ?? null;
    const plans = newMeasures.map(({ template, measure }) => ({ template, measure, ...measureCourse(rnd, template, at, now), owner: template.owner(team) }));
    step('resolve', resolveStep, at, handlerId, () => ({
      outcome,
      findings,
      judgement: JUDGEMENTS[outcome],
      measures: plans.map((p) => ({ description: p.template.description, owner: p.owner, dueOn: p.dueOn, status: 'planned' })),
      linkMeasureIds: linked.map((m) => m.id),
    }));
    for (const p of plans) {
      // The resolve step recorded it: from here on the register's actions change it.
      happenings.push({
        at,
        run: async (tx) => {
          p.measure.id = await measureRecordedFor(tx, file.id, p.template.description);
        },
      });
      planMeasure(rnd, ids, p, at, happenings, now, categoryId);
      if (p.template.shared) ids.sharedMeasures.set(p.template.description, { measure: p.measure, createdAt: at, links: 1 });
    }
  };

  /** A manager takes the resolved complaint up again: the outcome is cleared and the client is told. */
  const reopen = () => step('reopen', reopenStep, tl.staffAt(5, 15), ids.manager, { reason: rnd.pick(REOPEN_REASONS) });

  const notAdmissible = () => {
    const at = tl.staffAt(2, 10, terms.notAdmissibleNoticeDays - 1);
    const other = plan.notAdmissible ? OTHER_NOT_ADMISSIBLE.find((g) => g.ground === plan.notAdmissible) : undefined;
    const reason =
      other?.reason ??
      `De gedraging waarover de klacht gaat vond plaats op ${formatDate(incidentDate!, 'nl')}, meer dan een jaar voor de indiening van de klacht op ${formatDate(receivedOn, 'nl')}. Volgens de klachtenregeling wordt de klacht daarom niet in behandeling genomen.`;
    step('declareNotAdmissible', declareNotAdmissible, at, handlerId, { ground: other?.ground ?? 'incident_older_than_limit', reason });
  };

  const withdraw = () => {
    const at = tl.staffAt(2, 12);
    step('withdraw', withdrawStep, at, handlerId, { withdrawnOn: amsterdamDate(at), reason: rnd.pick(WITHDRAWAL_REASONS) });
  };

  /**
   * The client's judgement on their status page (lib/procedure/satisfaction.ts) a few hours after the outcome, through
   * the real client steps with their status link. Chosen from the reference number, not drawn at random, so the rest of
   * the demo stays as it was. Those who went on to the contracting party were not satisfied (most asked us through the
   * page to forward it); of the others some answered.
   */
  const judgeOutcome = (outcome: Outcome) => {
    const at = new Date(tl.lastAt.getTime() + 3 * 60 * MINUTE);
    const forwardAt = new Date(at.getTime() + 3 * MINUTE);
    if (forwardAt.getTime() >= now.getTime()) return;
    const resolvedOn = amsterdamDate(tl.lastAt);
    const goesOn = plan.status !== 'resolved';
    const token = statusTokenFor(facts.idempotencyKey);
    const sequence = () => Number(file.reference.slice(-4));
    const satisfied = () =>
      goesOn ? false : outcome === 'upheld' || outcome === 'resolved_to_satisfaction' || (outcome === 'partly_upheld' ? sequence() % 2 === 0 : sequence() % 3 === 0);
    const answers = () => goesOn || sequence() % 5 < 3;
    happenings.push({
      at,
      run: async (tx) => {
        if (!answers()) return;
        await replayed(`${file.reference} judgeOutcome`, () => judgeOutcomeStep.runIn(tx, { token, satisfied: satisfied() ? 'yes' : 'no' }, { now: at, actor: null }));
        await complaintRef(tx, file.reference, file); // a client step moves the version on too
      },
    });
    const stillOpen = amsterdamDate(now) <= reactionDeadline(resolvedOn);
    const forward = () => answers() && !satisfied() && outcome !== 'resolved_to_satisfaction' && (goesOn ? sequence() % 3 !== 0 : stillOpen && sequence() % 2 === 1);
    happenings.push({
      at: forwardAt,
      run: async (tx) => {
        if (!forward()) return;
        await replayed(`${file.reference} requestForward`, () => requestForwardStep.runIn(tx, { token }, { now: forwardAt, actor: null }));
        await complaintRef(tx, file.reference, file);
      },
    });
  };

  const escalate = () =>
    step('escalate', escalateStep, tl.staffAt(7, 28), handlerId, { contractingPartyId: party!.id, dissatisfaction: rnd.pick(ESCALATION_REASONS) });

  const recordPartyResponse = () => {
    // The party's answer came in by mail a day or two before the handler recorded it.
    const escalatedOn = amsterdamDate(tl.lastAt);
    const at = tl.staffAt(14, 45);
    const recordedOn = amsterdamDate(at);
    const earlier = addCalendarDays(recordedOn, -rnd.int(0, 2));
    const receivedOnByParty = earlier < escalatedOn ? recordedOn : earlier;
    step('recordPartyResponse', recordPartyResponseStep, at, handlerId, { response: rnd.pick(PARTY_RESPONSES), receivedOn: receivedOnByParty });
  };

  switch (plan.status) {
    case 'received':
    case 'acknowledged':
      break;
    case 'not_admissible':
      notAdmissible();
      break;
    case 'withdrawn':
      if (hasSubject && rnd.chance(0.5)) sendCopy();
      withdraw();
      break;
    case 'info_requested':
      if (hasSubject) sendCopy();
      askInfo(false);
      break;
    case 'in_progress':
      if (hasSubject) sendCopy();
      if (plan.reopened) {
        // Resolved, and taken up again by a manager: being handled once more.
        decideHearing(null);
        resolve(plan.outcome ?? 'not_upheld');
        reopen();
        break;
      }
      if (tl.room >= 12 && rnd.chance(0.4)) askInfo(true);
      // Heard already, or a hearing planned in the coming days.
      if (!plan.hearingPlanned && tl.room >= 10 && rnd.chance(0.6)) decideHearing(null);
      else planHearingSoon();
      if (plan.extended) extend(terms.maxExtensionDays);
      break;
    case 'resolved':
    case 'escalated':
    case 'closed_by_party': {
      // Complaints that go on to the contracting party were not (fully) upheld.
      const outcome: Outcome =
        plan.outcome ??
        (plan.status === 'escalated' || plan.status === 'closed_by_party'
          ? rnd.pick(['not_upheld', 'partly_upheld'] as const)
          : rnd.weighted<Outcome>([['upheld', 25], ['partly_upheld', 28], ['not_upheld', 30], ['resolved_to_satisfaction', 17]]));
      if (hasSubject) sendCopy();
      if (rnd.chance(0.3)) askInfo(true);
      decideHearing(outcome);
      // Extended before the term ran out (a file that took long already is not extended after the fact).
      const beforeDue = () => tl.day <= daysBetween(receivedOn, newDue ?? due) - 3;
      if (plan.extended === 'twice') {
        extend(terms.maxExtensionDays);
        extend(rnd.int(14, 21), true);
      } else if (plan.extended && beforeDue()) {
        extend(rnd.int(14, terms.maxExtensionDays));
      }
      if (plan.reopened) {
        // First judged not upheld; new facts made a manager take it up again.
        resolve('not_upheld');
        reopen();
        resolve(outcome, true);
      } else {
        resolve(outcome);
      }
      judgeOutcome(outcome);
      if (plan.status !== 'resolved') escalate();
      if (plan.status === 'closed_by_party') recordPartyResponse();
      break;
    }
  }
}

/** The handler's judgement as the resolve step records it, per outcome. */
const JUDGEMENTS: Record<Outcome, string> = {
  upheld: 'Wat de klager beschrijft, is gebeurd en past niet bij hoe wij willen werken. De klacht is daarom gegrond.',
  partly_upheld: 'Een deel van wat de klager beschrijft, klopt en had anders gemoeten; voor het andere deel vonden wij geen grond. De klacht is deels gegrond.',
  not_upheld: 'Wij hebben beide kanten gehoord en de stukken bekeken, en vonden geen handelen dat niet in orde was. De klacht is ongegrond.',
  resolved_to_satisfaction: 'In overleg met de klager is een oplossing gevonden waar de klager tevreden mee is.',
};

/**
 * The organisation-wide measure a complaint resolved at `at` is linked to (the story measure: always); 'taken' when it
 * exists but is full, too old, or newer than the resolution; undefined when there is none yet (or it is personal).
 */
function sharedMeasureFor(ids: Ids, template: MeasureTemplate, at: Date) {
  const existing = template.shared ? ids.sharedMeasures.get(template.description) : undefined;
  if (!existing) return undefined;
  if (existing.createdAt.getTime() >= at.getTime()) return 'taken' as const;
  if (template === STORY_MEASURES.story) return existing;
  const recent = daysBetween(amsterdamDate(existing.createdAt), amsterdamDate(at)) <= SHARED_MEASURE_WINDOW_DAYS;
  return existing.links < SHARED_MEASURE_MAX_LINKS && recent ? existing : ('taken' as const);
}

type MeasureCourse = { owner: string; dueOn: IsoDate; startedOn: IsoDate | null; doneOn: IsoDate | null; droppedOn: IsoDate | null };

/** A new measure's owner and due date, and how far it has come by now: started, done on a day, or dropped. */
function measureCourse(rnd: Random, template: MeasureTemplate, at: Date, now: Date): Omit<MeasureCourse, 'owner'> {
  const fate = (Object.keys(STORY_MEASURES) as StoryMeasure[]).find((key) => STORY_MEASURES[key] === template) ?? null;
  const today = amsterdamDate(now);
  const createdOn = amsterdamDate(at);
  const workingDayOnOrBefore = (date: IsoDate) => {
    let on = date;
    while (!isWorkingDay(on) && on > createdOn) on = addCalendarDays(on, -1);
    return on;
  };
  let dueOn: IsoDate;
  let startedOn: IsoDate | null = workingDayOnOrBefore(addCalendarDays(createdOn, rnd.int(3, 12)));
  let doneOn: IsoDate | null = null;
  let droppedOn: IsoDate | null = null;
  switch (fate) {
    case 'story':
      doneOn = storyMeasureDoneOn(today);
      dueOn = addCalendarDays(doneOn, 10);
      break;
    case 'overdue':
      dueOn = addCalendarDays(createdOn, rnd.int(8, 10) * 7);
      break;
    case 'planned':
      dueOn = addCalendarDays(createdOn, rnd.int(16, 20) * 7);
      startedOn = null;
      break;
    case 'dropped':
      dueOn = addCalendarDays(createdOn, 12 * 7);
      droppedOn = workingDayOnOrBefore(addCalendarDays(createdOn, rnd.int(40, 60)));
      break;
    default:
      dueOn = addCalendarDays(createdOn, rnd.int(3, 10) * 7);
      // Done around its due date when that has passed; else under way, or not started yet.
      if (dueOn < today) doneOn = workingDayOnOrBefore(addCalendarDays(dueOn, -rnd.int(0, 8)));
      else if (startedOn >= today || daysBetween(createdOn, today) < 14 || rnd.chance(0.4)) startedOn = null;
  }
  if (fate === 'overdue' && dueOn >= today) throw new Error(`demo seed: the overdue measure of ${createdOn} is not overdue`);
  return { dueOn, startedOn, doneOn, droppedOn };
}

/**
 * After the resolution that recorded a measure, the quality manager keeps the register up to date through its own
 * actions (lib/measures/commands.ts): why the measure is taken (and no category for one about a single adviser or
 * client), then each change of status on its day.
 */
function planMeasure(
  rnd: Random,
  ids: Ids,
  p: MeasureCourse & { template: MeasureTemplate; measure: Ref },
  recordedAt: Date,
  happenings: Happening[],
  now: Date,
  categoryId: number,
): void {
  const manager = actorOf(ids, ids.manager);
  let previous = recordedAt;
  /** Office hours on the day (or shortly after the previous change), never after now. */
  const moment = (on: IsoDate | null) => {
    let when = on ? instantAt(on, rnd.int(9, 16), rnd.int(0, 59)) : previous;
    if (when.getTime() <= previous.getTime()) when = new Date(previous.getTime() + rnd.int(30, 120) * MINUTE);
    if (when.getTime() >= now.getTime()) when = new Date(Math.floor((previous.getTime() + now.getTime()) / 2));
    previous = when;
    return when;
  };
  const change = (what: string, action: MeasureAction, at: Date, input: Input) =>
    happenings.push({
      at,
      run: (tx) =>
        replayed(`measure "${p.template.description}" ${what}`, async () => {
          const version = await measureVersion(tx, p.measure.id);
          await action.runIn(tx, { measureId: p.measure.id, version, ...input }, { now: at, actor: manager });
        }),
    });
  change('details', updateMeasureDetails, moment(null), {
    description: p.template.description,
    reason: p.template.reason,
    owner: p.owner,
    dueOn: p.dueOn,
    categoryId: p.template.personal ? '' : String(categoryId),
  });
  if (p.startedOn) change('started', changeMeasureStatus, moment(p.startedOn), { status: 'in_progress' });
  if (p.doneOn) change('done', changeMeasureStatus, moment(p.doneOn), { status: 'done', doneOn: p.doneOn });
  if (p.droppedOn) change('dropped', changeMeasureStatus, moment(p.droppedOn), { status: 'dropped', reason: DROPPED_REASON });
}

/**
 * Production start: when there are no users yet, creates the first admin with a one-time password (to be replaced
 * at the first sign-in). Returns null when users exist, 'missing-email' when `email` is not set.
 */
export async function createFirstAdmin(db: Db, email: string | undefined): Promise<{ email: string; password: string } | null | 'missing-email'> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('klachtloket:first-admin', 0))`);
    const existing = await tx.select({ id: users.id }).from(users).limit(1);
    if (existing.length > 0) return null;
    if (!email) return 'missing-email';
    const password = randomBytes(12).toString('base64url');
    await tx.insert(users).values({ email: email.toLowerCase(), name: 'Beheerder', role: 'admin', passwordHash: await hashPassword(password), mustChangePassword: true });
    return { email: email.toLowerCase(), password };
  });
}
