import { describe, expect, it } from 'vitest';
import { fmt, parseTargets, quantile, readSection, REPORT_HEADER, replaceSection, targetComment, targetsTable } from './report';

describe('replaceSection', () => {
  it('appends a new part with its markers to the header when the report is empty', () => {
    const out = replaceSection('', 'step', '## Step\n\nfigures');
    expect(out).toBe(`${REPORT_HEADER.trimEnd()}\n\n<!-- bench:step:start -->\n## Step\n\nfigures\n<!-- bench:step:end -->\n`);
  });

  it('replaces only its own part and keeps the text around it', () => {
    const current = 'intro\n\n<!-- bench:a:start -->\nold a\n<!-- bench:a:end -->\n\nnotes about a\n\n<!-- bench:b:start -->\nold b\n<!-- bench:b:end -->\n';
    const out = replaceSection(current, 'a', 'new a');
    expect(out).toBe('intro\n\n<!-- bench:a:start -->\nnew a\n<!-- bench:a:end -->\n\nnotes about a\n\n<!-- bench:b:start -->\nold b\n<!-- bench:b:end -->\n');
    expect(readSection(out, 'b')).toBe('old b');
  });

  it('appends after the existing parts when the name is new, and is stable when run twice', () => {
    const once = replaceSection('# R\n\n<!-- bench:a:start -->\nA\n<!-- bench:a:end -->\n', 'b', 'B');
    expect(once.indexOf('bench:a:start')).toBeLessThan(once.indexOf('bench:b:start'));
    expect(replaceSection(once, 'b', 'B')).toBe(once);
  });

  it('does not take a part whose name only starts the same', () => {
    const current = '<!-- bench:submit:start -->\nS\n<!-- bench:submit:end -->\n';
    expect(readSection(current, 'sub')).toBeNull();
    expect(readSection(replaceSection(current, 'sub', 'X'), 'submit')).toBe('S');
  });
});

describe('quantile and fmt', () => {
  it.each([
    [[1, 2, 3, 4], 0.5, 2],
    [[1, 2, 3, 4], 0.95, 4],
    [[10], 0.95, 10],
    [Array.from({ length: 100 }, (_, i) => i + 1), 0.95, 95],
    [Array.from({ length: 100 }, (_, i) => i + 1), 0.5, 50],
  ])('quantile(%j, %d) is %d', (sorted, q, expected) => {
    expect(quantile(sorted, q)).toBe(expected);
  });
  it('is NaN without data, and fmt prints a dash for it', () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(fmt(NaN)).toBe('–');
  });
  it.each([
    [1234.56, '1235'],
    [100, '100'],
    [99.95, '100.0'],
    [12.34, '12.3'],
  ])('fmt(%d) is %s', (n, s) => expect(fmt(n)).toBe(s));
});

describe('targets', () => {
  it('round-trips through the comments a part leaves, and the summary says what was missed', () => {
    const targets = [
      { part: 'step', what: 'acknowledge vs floor', target: '≥ 0.8×', measured: '0.31×', met: false },
      { part: 'pages', what: '/ req/s | p95', target: '≥ 1000 req/s', measured: '1200 req/s', met: true },
    ];
    const text = `## x\n${targets.map(targetComment).join('\n')}\nmore`;
    const parsed = parseTargets(text);
    expect(parsed).toEqual([targets[0], { ...targets[1], what: '/ req/s / p95' }]);
    const table = targetsTable(parsed);
    expect(table).toContain('| step | acknowledge vs floor | ≥ 0.8× | 0.31× | no — why: see step above |');
    expect(table).toContain('| pages | / req/s / p95 | ≥ 1000 req/s | 1200 req/s | yes |');
  });
});
