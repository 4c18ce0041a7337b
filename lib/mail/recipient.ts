/** Where a letter goes: by e-mail when the client gave an address, else by post to their postal address. */
export type Contact = { name: string; email: string | null; street: string | null; postcode: string | null; city: string | null };

export function recipientFor(contact: Contact): { medium: 'email' | 'post'; recipient: string } {
  if (contact.email) return { medium: 'email', recipient: contact.email };
  return { medium: 'post', recipient: `${contact.name}\n${contact.street}\n${contact.postcode} ${contact.city}` };
}

/** Dutch postcodes as letters write them: "5341ab" → "5341 AB". */
export function normalizePostcode(postcode: string): string {
  return postcode.toUpperCase().replace(/^(\d{4}) ?/, '$1 ');
}
