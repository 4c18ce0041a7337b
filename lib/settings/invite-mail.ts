import { type Organisation } from '@/lib/organisation';

const dateTime = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

/** "3 december 2026 om 14:05", in Amsterdam time. */
export function formatDateTime(at: Date): string {
  return dateTime.format(at);
}

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
