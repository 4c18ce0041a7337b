import { describe, expect, it } from 'vitest';
import { type ComparedRow, type Counted, change, compareCounts } from './compare';

const row = (key: string, count: number): Counted<string> => ({ key, label: key.toUpperCase(), count, drill: `drill:${key}` });

describe('compareCounts', () => {
  it.each<[string, Counted<string>[], Counted<string>[] | null, ComparedRow<string>[]]>([
    ['no comparison', [row('a', 3), row('b', 0)], null, [
      { key: 'a', label: 'A', current: { count: 3, drill: 'drill:a' }, previous: null },
      { key: 'b', label: 'B', current: { count: 0, drill: 'drill:b' }, previous: null },
    ]],
    ['the same things in both', [row('a', 3), row('b', 1)], [row('b', 5), row('a', 2)], [
      { key: 'a', label: 'A', current: { count: 3, drill: 'drill:a' }, previous: { count: 2, drill: 'drill:a' } },
      { key: 'b', label: 'B', current: { count: 1, drill: 'drill:b' }, previous: { count: 5, drill: 'drill:b' } },
    ]],
    ['something only now, something only before', [row('a', 3)], [row('z', 4), row('a', 1), row('y', 2)], [
      { key: 'a', label: 'A', current: { count: 3, drill: 'drill:a' }, previous: { count: 1, drill: 'drill:a' } },
      { key: 'z', label: 'Z', current: { count: 0, drill: null }, previous: { count: 4, drill: 'drill:z' } },
      { key: 'y', label: 'Y', current: { count: 0, drill: null }, previous: { count: 2, drill: 'drill:y' } },
    ]],
    ['nothing before', [row('a', 3)], [], [{ key: 'a', label: 'A', current: { count: 3, drill: 'drill:a' }, previous: { count: 0, drill: null } }]],
    ['nothing at all', [], [], []],
  ])('%s', (_, current, previous, expected) => {
    expect(compareCounts(current, previous)).toEqual(expected);
  });
});

describe('change', () => {
  it.each<[number, number, { difference: number; ratio: number | null }]>([
    [10, 5, { difference: 5, ratio: 1 }],
    [4, 26, { difference: -22, ratio: -22 / 26 }],
    [0, 0, { difference: 0, ratio: null }],
    [3, 0, { difference: 3, ratio: null }],
  ])('%i after %i', (current, previous, expected) => {
    expect(change(current, previous)).toEqual(expected);
  });
});
