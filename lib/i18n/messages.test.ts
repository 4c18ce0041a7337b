import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fieldErrorsOf } from '@/lib/actions/pipeline';
import { registerSchema } from '@/lib/complaints/register-schema';
import { complaintSchema } from '@/lib/complaints/schema';
import { STATUSES } from '@/lib/procedure/vocabulary';
import en from './messages/en.json';
import nl from './messages/nl.json';

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [prefix + key] : keys(value, `${prefix}${key}.`)));

describe('message files', () => {
  it('Dutch and English have exactly the same keys', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(nl as Tree).sort());
  });

  it('no message is empty', () => {
    for (const tree of [nl, en] as Tree[]) {
      const empty = keys(tree).filter((key) => key.split('.').reduce<Tree | string>((t, k) => (t as Tree)[k]!, tree) === '');
      expect(empty).toEqual([]);
    }
  });

  it('every status has a label for the client', () => {
    expect(Object.keys(nl.status.statuses).sort()).toEqual([...STATUSES].sort());
  });

  it('every error the complaint forms (public and staff registration) or their actions can return has a text in both languages', () => {
    const bad = [
      {},
      null,
      { name: 'x'.repeat(500), email: 'no', street: 'a', phone: '?', category: 'x', staffId: 'x', description: 'short', incidentWhen: 'date', incidentDate: '2026-02-30', consent: 'yes' },
      { description: 'x'.repeat(6000), incidentWhen: 'date', incidentDate: '2999-01-01', postcode: '1' },
      { channel: 'online', receivedOn: '2999-01-01', informed: false },
      { receivedOn: '1899-12-31' },
      { receivedOn: '2020-01-01', incidentWhen: 'date', incidentDate: '2020-01-02' },
    ];
    const keys = new Set<string>();
    for (const schema of [complaintSchema, registerSchema]) {
      for (const input of bad) {
        const result = schema.safeParse(input);
        if (!result.success) for (const messages of Object.values(fieldErrorsOf(result.error.issues))) messages.forEach((m) => keys.add(m));
      }
    }
    // Rule checks in the actions, including keys chosen by a condition (`cond ? 'a' : 'b'`).
    for (const file of ['submit', 'register', 'intake']) {
      const action = readFileSync(`lib/complaints/${file}.ts`, 'utf8');
      for (const match of action.matchAll(/ruleViolation\('\w+', ([^;\n]*)/g)) for (const key of match[1]!.matchAll(/'(\w+)'/g)) keys.add(key[1]!);
    }
    for (const key of ['receivedInFuture', 'incidentAfterReceived', 'informedRequired', 'categoryUnknown']) expect(keys).toContain(key);
    expect(keys.size).toBeGreaterThan(12);
    for (const key of keys) {
      expect(nl.errors, `nl errors.${key}`).toHaveProperty(key);
      expect(en.errors, `en errors.${key}`).toHaveProperty(key);
    }
  });
});
