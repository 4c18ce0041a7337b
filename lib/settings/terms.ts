import { currentTerms } from '@/db/complaints';
import { insertProcedureSettings, procedureSettingsHistory } from '@/db/settings';
import { defineAction, ruleViolation } from '@/lib/actions/pipeline';
import { forgetSettings } from './cache';
import { PRESETS, type PresetId, type ProcedureTerms } from '@/lib/procedure/terms';
import { recordSettingsChange } from './history';
import { TERM_KEYS, termsSchema } from './schemas';

/** The terms as stored: exactly the known keys, in a fixed order. */
export function termsOf(values: ProcedureTerms): ProcedureTerms {
  return Object.fromEntries(TERM_KEYS.map((key) => [key, values[key]])) as ProcedureTerms;
}

export function sameTerms(a: ProcedureTerms, b: ProcedureTerms): boolean {
  return TERM_KEYS.every((key) => a[key] === b[key]);
}

/** Whether these terms are the preset's own or adjusted from it. */
export function isAdjusted(preset: string, terms: ProcedureTerms): boolean {
  const base = PRESETS[preset as PresetId];
  return !base || !sameTerms(base, terms);
}

/**
 * New procedure terms: a new procedure_settings row (who, when); the newest row is in force. Complaints keep the
 * copy of the terms they were received under (complaints.terms), so only complaints received later get these.
 */
export const saveProcedureTerms = defineAction({
  name: 'saveProcedureTerms',
  access: 'settings.manage',
  schema: termsSchema,
  async run(tx, input, { now, actor }) {
    const { preset, ...values } = input;
    const terms = termsOf(values);
    const [latest] = await procedureSettingsHistory(tx);
    const current = await currentTerms(tx);
    if (latest && latest.preset === preset && sameTerms(current, terms)) throw ruleViolation('_form', 'termsUnchanged');
    await insertProcedureSettings(tx, { preset, terms, changedBy: actor.id, createdAt: now });
    await recordSettingsChange(tx, { actor, at: now, kind: 'terms', action: 'update', before: { preset: latest?.preset ?? null, ...termsOf(current) }, after: { preset, ...terms } });
    return { preset, terms };
  },
  // Complaints received from now on get these terms (the submission reads them from lib/settings/cache.ts).
  after: forgetSettings,
});
