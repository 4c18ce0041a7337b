import { formatDate } from '@/lib/format';
import { compose, type Letter, quote } from '@/lib/mail/letter';
import type { Organisation } from '@/lib/organisation';
import type { IsoDate } from '@/lib/procedure/dates';
import type { PrivacyKind } from './requests';

/**
 * The mails to someone who made a privacy request (Dutch: the request was registered by staff, in Dutch). AVG art.
 * 12 (3): an extension is told within the first month, with its reason; art. 12 (4): a refusal with its reason and
 * the right to complain to the Autoriteit Persoonsgegevens.
 */

const KIND_WORDS: Record<PrivacyKind, string> = {
  access: 'inzage in uw persoonsgegevens',
  correction: 'correctie van uw persoonsgegevens',
  erasure: 'verwijdering van uw persoonsgegevens',
};

type Base = { name: string; kind: PrivacyKind; receivedOn: IsoDate; organisation: Organisation };

export function privacyExtensionNotice(i: Base & { previousDue: IsoDate; newDue: IsoDate; reason: string }): Letter {
  return compose('nl', `Beste ${i.name},`, i.organisation, {
    subject: `Uw verzoek om ${KIND_WORDS[i.kind]}: wij hebben meer tijd nodig`,
    body: [
      `Op ${formatDate(i.receivedOn, 'nl')} ontvingen wij uw verzoek om ${KIND_WORDS[i.kind]}.`,
      `U zou uiterlijk op ${formatDate(i.previousDue, 'nl')} antwoord krijgen. Wij hebben meer tijd nodig: u krijgt uiterlijk op ${formatDate(i.newDue, 'nl')} antwoord.`,
      '',
      'De reden:',
      quote(i.reason),
      '',
      'De wet (artikel 12 lid 3 AVG) staat deze verlenging toe. Heeft u vragen? Neem dan contact met ons op.',
    ],
  });
}

export function privacyRefusalNotice(i: Base & { reason: string }): Letter {
  return compose('nl', `Beste ${i.name},`, i.organisation, {
    subject: `Uw verzoek om ${KIND_WORDS[i.kind]}`,
    body: [
      `Op ${formatDate(i.receivedOn, 'nl')} ontvingen wij uw verzoek om ${KIND_WORDS[i.kind]}. Wij kunnen dit verzoek niet uitvoeren.`,
      '',
      'De reden:',
      quote(i.reason),
      '',
      'Bent u het hier niet mee eens? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl) of naar de rechter stappen.',
    ],
  });
}
