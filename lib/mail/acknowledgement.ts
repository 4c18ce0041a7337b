import { formatDate, formatMonths, formatTerm } from '@/lib/format';
import { DEFAULT_ORGANISATION, type Organisation } from '@/lib/organisation';
import type { IsoDate } from '@/lib/procedure/dates';
import { resolutionDue } from '@/lib/procedure/deadlines';
import type { ProcedureTerms } from '@/lib/procedure/terms';
import type { Locale } from '@/lib/procedure/vocabulary';
import { compose, heading, type Letter } from './letter';

export type AcknowledgementInput = {
  locale: Locale;
  name: string;
  reference: string;
  receivedOn: IsoDate;
  terms: ProcedureTerms;
  statusUrl: string;
  olderThanLimit: boolean;
  /** The stored organisation details (db/settings.ts organisationOrDefault); the defaults when left out. */
  organisation?: Organisation;
};

export { contactLine } from './letter';

/**
 * The written acknowledgement: explains the procedure, its terms and the right to be heard (DESIGN rule 2).
 * Online submissions get it at once; the letter is the same for mail and post.
 */
export function acknowledgementMessage(input: AcknowledgementInput): Letter {
  const { locale, terms } = input;
  const date = (d: IsoDate) => formatDate(d, locale);
  const resolveBy = date(resolutionDue(input.receivedOn, terms));
  const org = input.organisation ?? DEFAULT_ORGANISATION;
  if (locale === 'en') {
    return compose('en', `Dear ${input.name},`, org, {
      subject: `We have received your complaint ${input.reference}`,
      body: [
        `We received your complaint on ${date(input.receivedOn)}. Your reference number is ${input.reference}.`,
        '',
        heading('What happens next'),
        `- Someone who is not involved in your complaint will handle it. We will decide within ${formatTerm(terms.resolutionDays, 'en')} after receipt, by ${resolveBy} at the latest. If we need more time, we will tell you why in writing.`,
        '- We may contact you for more explanation or information.',
        '- You have the right to be heard: you can explain your complaint in a conversation. The person you complain about gets a copy of your complaint.',
        `- We do not handle complaints about something that happened more than ${formatMonths(terms.incidentLimitMonths, 'en')} before the complaint. If that is the case, we will tell you within ${formatTerm(terms.notAdmissibleNoticeDays, 'en')} of receipt, with the reason.`,
        ...(input.olderThanLimit
          ? ['', `Please note: the date you gave is more than ${formatMonths(terms.incidentLimitMonths, 'en')} ago. A handler will look at this and let you know whether your complaint can be handled.`]
          : []),
        '',
        `Follow your complaint: ${input.statusUrl}`,
        'Keep this link to yourself: anyone who has it can see your complaint.',
        '',
        `Not satisfied with how your complaint was handled? Then you can take it to the organisation that commissioned your trajectory: your employer, the municipality or UWV.`,
      ],
    });
  }
  return compose('nl', `Beste ${input.name},`, org, {
    subject: `Wij hebben uw klacht ${input.reference} ontvangen`,
    body: [
      `Wij hebben uw klacht ontvangen op ${date(input.receivedOn)}. Uw referentienummer is ${input.reference}.`,
      '',
      heading('Wat gebeurt er nu?'),
      `- Iemand die niet bij uw klacht betrokken is, behandelt uw klacht. U hoort binnen ${formatTerm(terms.resolutionDays, 'nl')} na ontvangst wat wij besluiten, uiterlijk op ${resolveBy}. Hebben wij meer tijd nodig, dan laten wij u schriftelijk weten waarom.`,
      '- Het kan zijn dat wij contact met u opnemen voor een toelichting of meer informatie.',
      '- U heeft het recht om gehoord te worden: u kunt uw klacht in een gesprek toelichten. De persoon over wie u klaagt, krijgt een kopie van uw klacht.',
      `- Wij behandelen geen klacht over iets dat langer dan ${formatMonths(terms.incidentLimitMonths, 'nl')} vóór het indienen van de klacht is gebeurd. Is dat zo, dan hoort u dat binnen ${formatTerm(terms.notAdmissibleNoticeDays, 'nl')} na ontvangst, met de reden.`,
      ...(input.olderThanLimit
        ? ['', `Let op: de datum die u opgaf is langer dan ${formatMonths(terms.incidentLimitMonths, 'nl')} geleden. Een klachtbehandelaar kijkt hiernaar en laat u weten of wij uw klacht in behandeling nemen.`]
        : []),
      '',
      `Volg uw klacht: ${input.statusUrl}`,
      'Deel deze link niet: iedereen met de link kan uw klacht inzien.',
      '',
      'Bent u niet tevreden over de afhandeling? Dan kunt u uw klacht voorleggen aan de opdrachtgever van uw traject: uw werkgever, de gemeente of UWV.',
    ],
  });
}
