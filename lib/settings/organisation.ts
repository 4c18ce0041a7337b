import { getDb } from '@/db/client';
import { findOrganisation, organisationOrDefault, saveOrganisation } from '@/db/settings';
import { defineAction } from '@/lib/actions/pipeline';
import { DEFAULT_ORGANISATION, type Organisation } from '@/lib/organisation';
import { forgetSettings } from './cache';
import { recordSettingsChange } from './history';
import { organisationSchema } from './schemas';

/** The organisation's details as letters, mails and the public start page show them. */
export const saveOrganisationSettings = defineAction({
  name: 'saveOrganisationSettings',
  access: 'settings.manage',
  schema: organisationSchema,
  async run(tx, input, { now, actor }) {
    const before = await findOrganisation(tx);
    const after: Organisation = { ...input, website: input.website || null };
    await saveOrganisation(tx, after, actor.id, now);
    const stored = before ? { name: before.name, phone: before.phone, email: before.email, postalAddress: before.postalAddress, website: before.website, signature: before.signature } : DEFAULT_ORGANISATION;
    await recordSettingsChange(tx, { actor, at: now, kind: 'organisation', action: 'update', before: stored, after });
    return { savedAt: now.toISOString() };
  },
  // The acknowledgement of the next submission shows the new details (lib/settings/cache.ts).
  after: forgetSettings,
});

/** For the public pages: the stored details, or the published defaults when the database cannot be asked. */
export async function organisationForDisplay(): Promise<Organisation> {
  try {
    return await organisationOrDefault(await getDb());
  } catch {
    return DEFAULT_ORGANISATION;
  }
}
