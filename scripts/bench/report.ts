// Pure pieces of `npm run bench`: writing one part of bench/REPORT.md between its markers, percentiles, the machine
// line, and the summary of targets. No I/O here (unit-tested in report.test.ts); scripts/bench/shared.ts does the I/O.

export const REPORT_HEADER = '# Benchmarks\n\nWritten by the `npm run bench:*` scripts; each keeps its own part up to date.\n';

/** `current` with the part named `name` replaced by `body` (wrapped in its markers), or appended when it is not there yet. */
export function replaceSection(current: string, name: string, body: string): string {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const part = `${start}\n${body.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end, from);
  if (from >= 0 && to > from) return current.slice(0, from) + part + current.slice(to + end.length);
  return `${(current.trim() ? current : REPORT_HEADER).trimEnd()}\n\n${part}\n`;
}

/** The body of a part written earlier, without its markers; null when there is none. */
export function readSection(current: string, name: string): string | null {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const from = current.indexOf(start);
  const to = current.indexOf(end, from);
  return from >= 0 && to > from ? current.slice(from + start.length, to).trim() : null;
}

/** The q-quantile (0..1) of ascending `sorted` by nearest rank; NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** A figure as the report prints it: whole numbers from 100 up, one decimal below. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return n >= 100 ? n.toFixed(0) : n.toFixed(1);
}

export type Target = { part: string; what: string; target: string; measured: string; met: boolean };

/** The summary table of targets met and missed (a missed one points to its part, which says why and what would close it). */
export function targetsTable(targets: readonly Target[]): string {
  return [
    '| part | what | target | measured | met |',
    '|---|---|---|---|---|',
    ...targets.map((t) => `| ${t.part} | ${t.what} | ${t.target} | ${t.measured} | ${t.met ? 'yes' : `no — why: see ${t.part} above`} |`),
  ].join('\n');
}

/** Target lines other parts leave in their section, one per line: `<!-- target: part | what | target | measured | yes|no -->`. */
export function targetComment(t: Target): string {
  const clean = (s: string) => s.replaceAll('|', '/').replaceAll('--', '–');
  return `<!-- target: ${clean(t.part)} | ${clean(t.what)} | ${clean(t.target)} | ${clean(t.measured)} | ${t.met ? 'yes' : 'no'} -->`;
}

export function parseTargets(report: string): Target[] {
  return [...report.matchAll(/<!-- target: (.*?) \| (.*?) \| (.*?) \| (.*?) \| (yes|no) -->/g)].map((m) => ({
    part: m[1]!,
    what: m[2]!,
    target: m[3]!,
    measured: m[4]!,
    met: m[5] === 'yes',
  }));
}
