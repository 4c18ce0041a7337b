import { describe, expect, it } from 'vitest';
import { areaOf, type CpuProfile, selfTimeByArea, selfTimeTable, shortLocation, sourcePath, topSelfTime } from './profile-summary';

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

describe('source-mapped frames and areas', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { functionName: 'a', url: 'file:///p/.next-bench/server/chunks/1.js', lineNumber: 0, columnNumber: 10 } },
      { id: 2, callFrame: { functionName: 'b', url: 'file:///p/.next-bench/server/chunks/1.js', lineNumber: 0, columnNumber: 99 } },
      { id: 3, callFrame: { functionName: 'c', url: 'file:///p/node_modules/next/dist/compiled/next-server/app-page.runtime.prod.js', lineNumber: 2 } },
      { id: 4, callFrame: { functionName: 'd', url: 'node:internal/streams/writable', lineNumber: 2 } },
      { id: 5, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1 } },
    ],
    samples: [1, 2, 3, 4, 5, 1],
    timeDeltas: [0, 1000, 2000, 3000, 4000, 5000],
    startTime: 0,
    endTime: 15_000,
  };
  // Column 10 of the chunk is the app's lib/x.ts line 7; column 99 is drizzle-orm's; nothing else is mapped.
  const resolve = (frame: { url: string; columnNumber?: number }) =>
    frame.url.endsWith('chunks/1.js')
      ? frame.columnNumber === 10
        ? { source: 'webpack://klachtloket/./lib/x.ts', line: 6 }
        : { source: 'webpack://klachtloket/./node_modules/drizzle-orm/pg-core/session.js', line: 0 }
      : null;

  it('names a bundled frame by its original file and 1-based line', () => {
    const { rows } = topSelfTime([profile], Number.POSITIVE_INFINITY, '/p', resolve);
    expect(rows.map((r) => r.name).sort()).toEqual(
      ['(garbage collector)', 'drizzle-orm/pg-core/session.js:1:b', 'lib/x.ts:7:a', 'next/dist/compiled/next-server/app-page.runtime.prod.js:c', 'node:internal/streams/writable:d'].sort(),
    );
  });

  it('sums self time per area, largest first', () => {
    const all = topSelfTime([profile], Number.POSITIVE_INFINITY, '/p', resolve);
    expect(selfTimeByArea(all).map((r) => [r.name, r.ms])).toEqual([
      ['(garbage collector)', 5],
      ['Node.js internals', 4],
      ['next', 3],
      ['drizzle-orm', 2],
      ['the app (lib/)', 1],
    ]);
  });

  it.each([
    ['.next-bench/server/chunks/9.js:e', 'the build, not source-mapped'],
    ['@auth/core/lib/index.js:12:f', '@auth/core'],
    ['app/[locale]/klacht/page.tsx:3:g', 'the app (app/)'],
    ['(idle)', '(idle)'],
    ['writev', 'native built-ins (socket writes, JSON, RegExp, …)'],
    ['next/dist/compiled/react-dom/cjs/server.js:f', 'next (bundled react-dom)'],
    ['webpack/runtime/x:1:f', 'webpack runtime'],
    ['/tmp/elsewhere.js:f', 'other'],
  ])('%s is in %s', (name, area) => expect(areaOf(name)).toBe(area));

  it('turns webpack source names into project paths', () => {
    expect(sourcePath('webpack://klachtloket/./lib/a.ts')).toBe('lib/a.ts');
    expect(sourcePath('webpack://_N_E/./node_modules/zod/v4/core.js')).toBe('node_modules/zod/v4/core.js');
  });
});
