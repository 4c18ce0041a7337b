import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAs } from '@/lib/auth/actor';
import { type StepsWorld, setUpStepsWorld, today } from '@/lib/complaints/steps/testing';
import { addCalendarDays } from '@/lib/procedure/dates';
import { type ActionUnderTest, checkAction, countWrites, RUNS, TIMEOUT } from './harness';

/** The measures register's actions (lib/measures/commands.ts) under generated input: see ./harness.ts. */

let w: StepsWorld;
let actions: typeof import('@/lib/measures/actions');

beforeAll(async () => {
  w = await setUpStepsWorld();
  await countWrites(w.db);
  actions = await import('@/lib/measures/actions');
});
afterAll(async () => {
  await w?.close();
});

const fields = () => ({ description: 'Adviseurs bevestigen elke afspraak per sms', reason: 'Drie klachten over gemiste afspraken', owner: 'Teamleider Oss', dueOn: addCalendarDays(today, 30), categoryId: '' });

type Measure = { id: number; version: number };
async function newMeasure(): Promise<Measure> {
  const result = await runAs(w.people.manager.id, () => actions.createMeasureAction(fields()));
  if (!result.ok) throw new Error(`could not create a measure: ${JSON.stringify(result)}`);
  return result.data;
}

type Spec = { action: ActionUnderTest['action']; input: (m: Measure) => Promise<Record<string, unknown>> | Record<string, unknown>; target?: boolean };

const SPECS: Record<string, Spec> = {
  createMeasure: { action: (i) => actions.createMeasureAction(i), input: () => fields(), target: false },
  updateMeasure: { action: (i) => actions.updateMeasureAction(i), input: () => ({ ...fields(), owner: 'Teamleider Den Bosch' }) },
  changeMeasureStatus: { action: (i) => actions.changeMeasureStatusAction(i), input: () => ({ status: 'in_progress', doneOn: '', reason: '' }) },
  linkComplaint: {
    action: (i) => actions.linkComplaintAction(i),
    input: async () => ({ reference: (await w.complaint({ status: 'in_progress' })).reference }),
  },
  unlinkComplaint: {
    action: (i) => actions.unlinkComplaintAction(i),
    input: async (m) => {
      const c = await w.complaint({ status: 'in_progress' });
      const linked = await runAs(w.people.manager.id, () => actions.linkComplaintAction({ measureId: m.id, version: m.version, reference: c.reference }));
      if (!linked.ok) throw new Error(`could not link: ${JSON.stringify(linked)}`);
      m.version = linked.data.version;
      return { complaintId: c.id };
    },
  },
};

describe('every action of the measures register, under generated input', () => {
  it.each(Object.keys(SPECS))('%s', async (name) => {
    const spec = SPECS[name]!;
    let current: { measure: Measure; input: Record<string, unknown> } | null = null;
    const tally = await checkAction(w.db, {
      name,
      action: spec.action,
      actor: () => w.people.manager.id,
      async valid() {
        if (!current) {
          const measure = spec.target === false ? { id: 0, version: 0 } : await newMeasure();
          const input = await spec.input(measure);
          current = { measure, input: spec.target === false ? input : { measureId: measure.id, version: measure.version, ...input } };
        }
        return structuredClone(current.input);
      },
      afterSuccess: () => {
        current = null;
      },
      hidden: ['measureId', 'version', 'complaintId', 'categoryId'],
    });
    expect(tally.runs).toBe(RUNS);
    expect(tally.ok).toBeGreaterThan(0);
    expect(tally.refused.invalid ?? 0).toBeGreaterThan(0);
  }, TIMEOUT);
});
