import { getDb } from '@/db/client';
import { organisationOrDefault, saveOrganisation } from '@/db/settings';
import { defineAction } from '@/lib/actions/pipeline';
import { DEFAULT_ORGANISATION, type Organisation } from '@/lib/organisation';
import { organisationSchema } from './schemas';

/** The organisation's details as letters, mails and the public start page show them. */
export const saveOrganisationSettings = defineAction({
  name: 'saveOrganisationSettings',
  access: 'settings.manage',
  schema: organisationSchema,
  async run(tx, input, { now, actor }) {
    await saveOrganisation(tx, { ...input, website: input.website || null }, actor.id, now);
    return { savedAt: now.toISOString() };
  },
});

/** For the public pages: the stored details, or the published defaults when the database cannot be asked. */
export async function organisationForDisplay(): Promise<Organisation> {
  try {
    return await organisationOrDefault(await getDb());
  } catch {
    return DEFAULT_ORGANISATION;
  }
}
