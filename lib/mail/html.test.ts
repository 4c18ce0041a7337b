import { execFileSync } from 'node:child_process';
import { Resend } from 'resend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeResend } from '@/db/testing';
import type { Organisation } from '@/lib/organisation';
import { DEFAULT_TERMS } from '@/lib/procedure/terms';
import { inviteMessage } from '@/lib/settings/invite-mail';
import type { Locale } from '@/lib/procedure/vocabulary';
import { dejaVuSans } from '@/lib/reports/pdf-fonts';
import { acknowledgementMessage } from './acknowledgement';
import { dossierPdf } from './dossier-pdf';
import { blocksOf } from './html';
import { compose, type Letter, type LetterDoc, letterText } from './letter';
import {
  type DossierInput,
  escalationDossier,
  extensionNotice,
  extensionNoticeToStaff,
  hearingInvitationLetter,
  infoRequestLetter,
  notAdmissibleNotice,
  outcomeLetter,
  reopenNotice,
  withdrawalConfirmation,
} from './letters';
import { mailParts } from './worker';

/**
 * Every letter as it leaves: HTML and text, made from one structure, sent with the real resend SDK to a fake resend
 * server. The HTML must say what the text says, and whatever a client wrote must stay text everywhere.
 */

const org: Organisation = {
  name: 'Stichting Şahin & Łukasz <Werk>',
  phone: '053 123 45 67',
  email: 'klachten@werkpunt.example',
  postalAddress: 'Postbus 1, 7500 AA Enschede',
  website: 'https://werkpunt.example',
  signature: 'Hartelijke groet,\nTeam Kwaliteit Werkpunt Oost',
};

const LONG_WORD = 'a'.repeat(300);
/** What a client may type: markup, an attribute breaking out, a word longer than any line, a right-to-left override, emoji. */
const HOSTILE = `<script>alert(1)</script> "><img src=x onerror=alert(1)> ${LONG_WORD} \u202Egnp.exe 😀👍🏽`;

type Case = { name: string; letter: Letter };

function clientCases(locale: Locale, said: string): Case[] {
  const base = { locale, name: `Noor ${said}`, reference: 'KL-2026-0042', organisation: org };
  return [
    {
      name: 'acknowledgement',
      letter: acknowledgementMessage({
        locale,
        name: base.name,
        reference: base.reference,
        receivedOn: '2026-03-02',
        terms: DEFAULT_TERMS,
        statusUrl: 'https://klachten.example/status/abc',
        olderThanLimit: true,
        organisation: org,
      }),
    },
    { name: 'infoRequestLetter', letter: infoRequestLetter({ ...base, question: `Wat gebeurde er? ${said}`, answerBy: '2026-03-16' }) },
    {
      name: 'hearingInvitationLetter',
      letter: hearingInvitationLetter({ ...base, on: '2026-03-10', time: '14:00', place: `Stationsplein 3 ${said}`, participants: 'Jan de Vries' }),
    },
    {
      name: 'notAdmissibleNotice',
      letter: notAdmissibleNotice({ ...base, receivedOn: '2026-03-02', ground: 'objection_or_appeal', reason: said, incidentLimitMonths: 12, party: null }),
    },
    { name: 'extensionNotice', letter: extensionNotice({ ...base, previousDue: '2026-04-01', newDue: '2026-05-01', reason: said, withConsent: true }) },
    {
      name: 'outcomeLetter',
      letter: outcomeLetter({
        ...base,
        outcome: 'partly_upheld',
        findings: `Bevindingen:\n${said}`,
        judgement: said,
        measures: [
          { description: `Maatregel ${said}`, dueOn: '2026-12-31', done: false },
          { description: 'Gesprek', dueOn: null, done: true },
        ],
        party: { name: 'Gemeente Oss', type: 'municipality' },
      }),
    },
    { name: 'withdrawalConfirmation', letter: withdrawalConfirmation({ ...base, withdrawnOn: '2026-03-20', reason: said }) },
    { name: 'reopenNotice', letter: reopenNotice({ ...base, reason: said }) },
  ];
}

const dossierInput = (said: string): DossierInput & { dissatisfaction: string } => ({
  party: { name: 'Gemeente Oss', type: 'municipality' },
  reference: 'KL-2026-0042',
  organisation: org,
  complainant: { name: `Ayşe Şahin ${said}`, email: 'ayse@example.nl', address: 'Markt 1, 5341 AB Oss' },
  receivedOn: '2026-03-02',
  category: 'Bejegening',
  description: `Mijn adviseur Łukasz was onvriendelijk. ${said}`,
  outcome: 'not_upheld',
  findings: `Het gesprek is besproken. ${said}`,
  judgement: 'Wij vinden de toon zakelijk.',
  measures: [{ description: 'Teamoverleg over bejegening', dueOn: '2026-06-30', done: false }],
  dissatisfaction: `Niemand heeft naar mij geluisterd. ${said}`,
  history: [
    { at: '2 maart 2026 10:15', who: 'Jan de Vries', action: 'Klacht geregistreerd', reason: null },
    { at: '20 april 2026 09:00', who: 'Łukasz Nowak', action: 'Termijn verlengd', reason: `De adviseur was ziek. ${said}` },
  ],
});

function partyAndStaffCases(said: string): Case[] {
  return [
    {
      name: 'extensionNoticeToStaff',
      letter: extensionNoticeToStaff({ staffName: 'Jan de Vries', reference: 'KL-2026-0042', previousDue: '2026-04-01', newDue: '2026-05-01', reason: said, organisation: org }),
    },
    { name: 'escalationDossier', letter: escalationDossier(dossierInput(said)) },
  ];
}

const ALL: Case[] = [
  ...clientCases('nl', 'Het ging mis.'),
  ...clientCases('en', 'It went wrong.'),
  ...partyAndStaffCases('Het ging mis.'),
];
const HOSTILE_CASES: Case[] = [...clientCases('nl', HOSTILE), ...clientCases('en', HOSTILE), ...partyAndStaffCases(HOSTILE)];

// --- reading the HTML back --------------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", nbsp: ' ' };

/** The visible text of the HTML's body: line breaks for <br> and the ends of blocks, tags dropped, entities decoded. */
function visibleText(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)![1]!;
  return body
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/(p|li|h\d|td|div|ul|blockquote)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x27|#39|amp|lt|gt|quot|nbsp);/g, (_, e: string) => ENTITIES[e]!);
}

/** The words of a text, with the list dashes and quotation marks the text uses for what the HTML shows by layout. */
const words = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/^- /, '').replace(/^"|"$/g, ''))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);

// --- sending through resend -------------------------------------------------------------------------------------

let fake: Awaited<ReturnType<typeof startFakeResend>>;
let resend: Resend;

beforeAll(async () => {
  fake = await startFakeResend();
  process.env.RESEND_BASE_URL = fake.url;
  resend = new Resend('re_test_key');
});
afterAll(async () => {
  await fake?.close();
});

/** Sends the letter as the worker does (the letter stored as JSON and read back) and returns what resend received. */
async function send(letter: Letter) {
  const stored = letter.doc ? (JSON.parse(JSON.stringify(letter.doc)) as LetterDoc) : null;
  const parts = await mailParts({ subject: letter.subject, bodyText: letter.text, letter: stored }, org.name);
  fake.requests.length = 0;
  const { error } = await resend.emails.send({ from: 'Klachten <klachten@example.test>', to: 'iemand@example.test', ...parts });
  expect(error).toBeNull();
  expect(fake.requests).toHaveLength(1);
  return fake.requests[0]!.body as { subject: string; text: string; html: string; attachments?: { filename: string; content: string }[] };
}

describe('every letter goes out as HTML and text that say the same', () => {
  it('covers every letter: client letters in Dutch and English, staff and party letters in Dutch', () => {
    expect(ALL.map((c) => `${c.name}:${c.letter.doc.lang}`)).toHaveLength(8 * 2 + 2);
  });

  it.each(ALL.map((c) => [`${c.name} (${c.letter.doc.lang})`, c] as const))('%s', async (_label, { letter }) => {
    const sent = await send(letter);
    expect(sent.subject).toBe(letter.subject);
    // The text part is the stored text, byte for byte, and the structure gives that same text.
    expect(sent.text).toBe(letter.text);
    expect(letterText(letter.doc)).toBe(letter.text);
    // The HTML: the letterhead, then exactly the text's words in the same order.
    expect(sent.html).toMatch(new RegExp(`^<!DOCTYPE html[^>]*><html[^>]*lang="${letter.doc.lang}"`));
    expect(words(visibleText(sent.html))).toEqual([...words(org.name), ...words(letter.text)]);
    expect(sent.html).not.toMatch(/<img/i);
    // Only the escalation carries the dossier.
    if (letter.doc.attachment) expect(sent.attachments?.map((a) => a.filename)).toEqual(['klachtdossier-KL-2026-0042.pdf']);
    else expect(sent.attachments).toBeUndefined();
  });

  it('a new letter written with compose() gets its HTML without anything else to do', async () => {
    const letter = compose('nl', 'Beste Noor,', org, { subject: 'Iets nieuws', body: ['Een regel.', '', 'Lijst:', '- een', '- twee', '', 'Slot.'] });
    const sent = await send(letter);
    expect(sent.html).toMatch(/<ul[^>]*><li[^>]*><span>een<\/span><\/li><li[^>]*><span>twee<\/span><\/li><\/ul>/);
    expect(words(visibleText(sent.html))).toEqual([...words(org.name), ...words(letter.text)]);
  });

  it('a mail stored as text only (an invitation, an older row) still gets HTML that says the same', async () => {
    const text = 'Beste Noor,\n\nKies via deze link uw wachtwoord.\n\nhttps://klachten.example/uitnodiging/x\n\nMet vriendelijke groet,\nWerkpunt';
    const parts = await mailParts({ subject: 'Uitnodiging', bodyText: text, letter: null }, org.name);
    expect(parts.text).toBe(text);
    expect(words(visibleText(parts.html!))).toEqual([...words(org.name), ...words(text)]);
  });

  it('the invitation to a new user (stored as text) goes out as HTML and text too', async () => {
    const message = inviteMessage({ name: 'Łukasz Nowak', url: 'https://klachten.example/beheer/uitnodiging/abc', expiresAt: new Date('2026-03-09T10:00:00Z'), invitedBy: 'Annemiek', organisation: org });
    const sent = await send({ subject: message.subject, text: message.text, doc: null as unknown as LetterDoc });
    expect(sent.text).toBe(message.text);
    expect(sent.html).toMatch(/<html[^>]*lang="nl"/);
    expect(words(visibleText(sent.html))).toEqual([...words(org.name), ...words(message.text)]);
  });

  it('a stored letter of an unknown shape is not trusted: the HTML is made from the text', async () => {
    const parts = await mailParts({ subject: 'X', bodyText: 'Beste Noor,\n\nTekst.', letter: { v: 99 } as never }, org.name);
    expect(words(visibleText(parts.html!))).toEqual([...words(org.name), 'Beste', 'Noor,', 'Tekst.']);
  });

  it('a letter whose HTML cannot be made still goes out, as text only', async () => {
    const broken = { v: 1, lang: 'nl', organisation: 'X', greeting: 'Beste Noor,', body: [{ t: 'line', text: 5 }], signature: '', contact: '' } as unknown as LetterDoc;
    const parts = await mailParts({ subject: 'X', bodyText: 'Beste Noor,\n\n5', letter: broken }, org.name);
    expect(parts).toEqual({ subject: 'X', text: 'Beste Noor,\n\n5' });
  });

  it('groups lines into paragraphs, lists, quotations, headings and labels', () => {
    const letter = compose('nl', 'Beste Noor,', org, { subject: 's', body: ['Eén.', 'Twee.', '', 'Onze vraag:', '"niet gemarkeerd"', '- a', '- b'] });
    expect(blocksOf(letter.doc.body)).toEqual([
      { kind: 'p', lines: [{ text: 'Eén.', label: false }, { text: 'Twee.', label: false }] },
      { kind: 'p', lines: [{ text: 'Onze vraag:', label: true }] },
      { kind: 'p', lines: [{ text: '"niet gemarkeerd"', label: false }] },
      { kind: 'ul', items: ['a', 'b'] },
    ]);
  });
});

describe('what a client wrote stays text', () => {
  it.each(HOSTILE_CASES.map((c) => [`${c.name} (${c.letter.doc.lang})`, c] as const))('%s', async (_label, { letter }) => {
    const sent = await send(letter);
    // No tag is made from it: the only tags are the template's own.
    expect(sent.html).not.toMatch(/<script/i);
    expect(sent.html).not.toMatch(/<img/i);
    expect(sent.html).not.toMatch(/<[^>]*onerror/);
    expect(sent.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(sent.html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    const tags = [...sent.html.matchAll(/<([a-z][a-z0-9]*)/gi)].map((m) => m[1]!.toLowerCase());
    expect(new Set(tags)).toEqual(new Set(tags.filter((t) => ['html', 'head', 'meta', 'title', 'body', 'table', 'tbody', 'tr', 'td', 'p', 'span', 'br', 'h2', 'ul', 'li', 'hr', 'div', 'link'].includes(t))));
    // The long word, the override and the emoji come through as they are, in the text and in the HTML.
    for (const part of [LONG_WORD, '\u202Egnp.exe', '😀👍🏽']) {
      expect(sent.text).toContain(part);
      expect(visibleText(sent.html)).toContain(part);
    }
    expect(sent.text).toContain('<script>alert(1)</script>');
    expect(words(visibleText(sent.html))).toEqual([...words(org.name), ...words(letter.text)]);
  });
});

describe('the escalation dossier as a PDF', () => {
  /** The PDF's text, lines joined (a wrapped line is one sentence again). */
  const pdfText = (bytes: Uint8Array) => execFileSync('pdftotext', ['-', '-'], { input: bytes, encoding: 'utf8' }).replace(/\s+/g, ' ');

  it('holds the complaint, its history, the outcome with its measures and what the client is not satisfied with', async () => {
    const letter = escalationDossier(dossierInput('Het ging mis.'));
    const bytes = await dossierPdf(letter.doc, letter.doc.attachment!, await dejaVuSans());
    const text = pdfText(bytes);
    for (const part of [
      'Stichting Şahin & Łukasz <Werk>',
      'Klachtdossier KL-2026-0042',
      'De klager',
      'Naam: Ayşe Şahin Het ging mis.',
      'Referentienummer: KL-2026-0042',
      'Ontvangen op: 2 maart 2026',
      'Onderwerp: Bejegening',
      'Mijn adviseur Łukasz was onvriendelijk. Het ging mis.',
      'Verloop van de behandeling',
      '2 maart 2026 10:15, Jan de Vries: Klacht geregistreerd',
      '20 april 2026 09:00, Łukasz Nowak: Termijn verlengd (reden: De adviseur was ziek. Het ging mis.)',
      'De klacht is ongegrond.',
      'Het gesprek is besproken. Het ging mis.',
      'Wij vinden de toon zakelijk.',
      'Teamoverleg over bejegening (klaar uiterlijk 30 juni 2026)',
      'Waarover de klager niet tevreden is',
      'Niemand heeft naar mij geluisterd. Het ging mis.',
      'Pagina 1 van 1',
    ]) {
      expect(text).toContain(part);
    }
    // The letter around it is not: the dossier is the file, the mail is the covering letter.
    expect(text).not.toContain('Geachte heer, mevrouw');
  });

  it('keeps hostile text as text: markup as characters, the long word broken over lines, controls left out, emoji marked', async () => {
    const letter = escalationDossier(dossierInput(HOSTILE));
    const bytes = await dossierPdf(letter.doc, letter.doc.attachment!, await dejaVuSans());
    const text = pdfText(bytes);
    expect(text).toContain('<script>alert(1)</script> "><img src=x onerror=alert(1)>');
    expect(text.replace(/\s+/g, '')).toContain(LONG_WORD);
    expect(text).not.toContain('\u202E');
    expect(text).toContain('gnp.exe');
    // DejaVu Sans has no emoji: they show as the replacement character, not as nothing.
    expect(text).toContain('\uFFFD');
    expect(text).toContain('Ayşe Şahin');
  });

  it('says so when the complaint was not put to the contracting party', async () => {
    const { dossierAttachment } = await import('./letters');
    const { party: _party, organisation: _org, ...content } = dossierInput('x');
    const bytes = await dossierPdf({ organisation: org.name, contact: '' }, dossierAttachment({ ...content, dissatisfaction: null }), await dejaVuSans());
    const text = pdfText(bytes);
    expect(text).toContain('De klager heeft de klacht (nog) niet aan de opdrachtgever voorgelegd.');
    expect(text).not.toContain('Waarover de klager niet tevreden is');
  });
});
