import { describe, expect, it } from 'vitest';
import { type CpuProfile, selfTimeTable, shortLocation, topSelfTime } from './profile-summary';

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 1 });

describe('shortLocation', () => {
  it.each([
    ['', '(native)'],
    ['file:///work/app/node_modules/next/dist/server/base.js', 'next/dist/server/base.js'],
    ['file:///work/app/.next-bench/server/chunks/1.js', '.next-bench/server/chunks/1.js'],
    ['node:internal/streams/writable', 'node:internal/streams/writable'],
  ])('%s → %s', (url, expected) => expect(shortLocation(url, '/work/app')).toBe(expected));
});

describe('topSelfTime', () => {
  // root → a (file x) → b (pg); samples: a, b, b, (idle); deltas in µs before each sample.
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)') },
      { id: 2, callFrame: frame('render', 'file:///p/node_modules/react-dom/server.js') },
      { id: 3, callFrame: frame('', 'file:///p/node_modules/pg/lib/client.js') },
      { id: 4, callFrame: frame('(idle)') },
    ],
    samples: [2, 3, 3, 4, 2],
    timeDeltas: [0, 1000, 2000, 3000, 4000],
    startTime: 0,
    endTime: 10_000,
  };

  it('gives each sample the time until the next one, by file:function, largest first', () => {
    const { rows, totalMs } = topSelfTime([profile], 15, '/p');
    expect(totalMs).toBe(10);
    expect(rows).toEqual([
      { name: 'react-dom/server.js:render', ms: 1, share: 0.1 },
      { name: 'pg/lib/client.js:(anonymous)', ms: 5, share: 0.5 },
      { name: '(idle)', ms: 4, share: 0.4 },
    ].sort((a, b) => b.ms - a.ms));
  });

  it('sums the same function over profiles and cuts at `top`', () => {
    const { rows, totalMs } = topSelfTime([profile, profile], 1);
    expect(totalMs).toBe(20);
    expect(rows).toEqual([{ name: 'pg/lib/client.js:(anonymous)', ms: 10, share: 0.5 }]);
  });

  it('falls back to hit counts when a profile has no time deltas', () => {
    const { rows } = topSelfTime(
      [{ nodes: [{ id: 1, callFrame: frame('a', 'file:///x.js'), hitCount: 3 }, { id: 2, callFrame: frame('b', 'file:///y.js'), hitCount: 1 }], startTime: 0, endTime: 4000 }],
      15,
    );
    expect(rows.map((r) => [r.name, r.ms])).toEqual([['/x.js:a', 3], ['/y.js:b', 1]]);
  });

  it('renders a Markdown table with escaped pipes', () => {
    const table = selfTimeTable({ rows: [{ name: 'a|b.js:f', ms: 12.4, share: 0.25 }], totalMs: 49.6 });
    expect(table.split('\n')[2]).toBe('| 1 | `a\\|b.js:f` | 12 ms | 25.0 % |');
  });
});
