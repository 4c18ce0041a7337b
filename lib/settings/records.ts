import { ruleViolation } from '@/lib/actions/pipeline';

/** The record a settings action is about; refuses the action ("not found") when it does not exist (any more). */
export async function existing<T>(lookup: Promise<T | null>): Promise<T> {
  const record = await lookup;
  if (!record) throw ruleViolation('_form', 'notFound');
  return record;
}
