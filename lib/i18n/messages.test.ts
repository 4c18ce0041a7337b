import { describe, expect, it } from 'vitest';
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
});
