import type { Organisation } from '@/lib/organisation';
import { formatDateTime } from './format';

/** The invitation mail to a new back-office user (Dutch: the back-office is Dutch only). */
export function inviteMessage(input: { name: string; url: string; expiresAt: Date; invitedBy: string; organisation: Organisation }) {
  const org = input.organisation;
  return {
    subject: `Uitnodiging voor het Klachtloket van ${org.name}`,
    text: [
      `Beste ${input.name},`,
      '',
      `${input.invitedBy} heeft een account voor u gemaakt in het Klachtloket van ${org.name}.`,
      'Kies via deze link uw wachtwoord. Daarna kunt u inloggen.',
      '',
      input.url,
      '',
      `De link werkt één keer en is geldig tot ${formatDateTime(input.expiresAt)}.`,
      'Deel de link met niemand. Heeft u deze mail niet verwacht? Dan kunt u hem negeren.',
      '',
      org.signature.trim() || `Met vriendelijke groet,\n${org.name}`,
    ].join('\n'),
  };
}
