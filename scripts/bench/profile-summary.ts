// Summarises a V8 CPU profile (`node --cpu-prof`, a .cpuprofile JSON) into the functions with the most self time.
// Pure: unit-tested in profile-summary.test.ts.

export type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber?: number };
export type CpuProfile = {
  nodes: { id: number; callFrame: CallFrame; hitCount?: number }[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
};

export type SelfTime = { name: string; ms: number; share: number };

/**
 * Where a frame of bundled code really comes from, by the bundle's source map (the benchmark build writes them, see
 * next.config.ts): the original file (as the map names it) and 0-based line. Null: not mapped, keep the frame as it is.
 */
export type FrameResolver = (frame: CallFrame) => { source: string; line: number } | null;

/** A source map's file name as a project path: `webpack://klachtloket/./lib/x.ts` → `lib/x.ts`. */
export function sourcePath(source: string): string {
  return source.replace(/^webpack:\/\/[^/]*\//, '').replace(/^(\.\/)+/, '');
}

/** A frame's name: `location:function`, the location source-mapped (file:line, 1-based) when the resolver knows it. */
function frameName(frame: CallFrame, root: string, resolve?: FrameResolver): string {
  const fn = frame.functionName || '(anonymous)';
  if (!frame.url) return fn;
  const original = resolve?.(frame);
  if (original) return `${shortLocation(sourcePath(original.source), root)}:${original.line + 1}:${fn}`;
  return `${shortLocation(frame.url, root)}:${fn}`;
}

/**
 * The part of the stack a name belongs to: V8's own entries ((idle), (garbage collector), (program)), Node's internals,
 * a package (its npm name; what Next bundles in next/dist/compiled is named after the bundled package), or the app's
 * own code (its top folder: lib, db, app, components).
 */
export function areaOf(name: string): string {
  if (name.startsWith('(')) return name.replace(/:.*$/, '');
  // A native function (no script location): Node's and V8's built-ins, e.g. writev (socket writes), JSON parse.
  if (!name.includes(':')) return 'native built-ins (socket writes, JSON, RegExp, …)';
  const location = name.replace(/:[^:]*$/, '').replace(/:\d+$/, '');
  if (location.startsWith('node:')) return 'Node.js internals';
  if (location.startsWith('webpack/') || /^external /.test(location)) return 'webpack runtime';
  const compiled = /^next\/dist\/compiled\/((?:@[^/]+\/)?[^/]+)/.exec(location);
  if (compiled) return compiled[1] === 'next-server' ? 'next' : `next (bundled ${compiled[1]})`;
  if (/^(lib|db|app|components)\//.test(location) || location === 'proxy.ts') return `the app (${location.split('/')[0]}/)`;
  if (location.startsWith('.next')) return 'the build, not source-mapped';
  const pkg = /^((?:@[^/.][^/]*\/)?[^/.][^/]*)\//.exec(location);
  if (pkg) return pkg[1]!;
  return 'other';
}

/** A short location: the path inside node_modules or the project (from `root`), else the url as it is; `(native)` when none. */
export function shortLocation(url: string, root = ''): string {
  if (!url) return '(native)';
  let u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) return u.slice(nm + 'node_modules/'.length);
  if (root && u.startsWith(root)) u = u.slice(root.length).replace(/^\/+/, '');
  return u;
}

/**
 * Self time per file:function over one or more profiles, largest first. A sample's time is the delta to the next
 * sample (V8 records the delta before each sample); a profile without deltas counts hitCount × the mean interval.
 */
export function topSelfTime(profiles: readonly CpuProfile[], top = 15, root = '', resolve?: FrameResolver): { rows: SelfTime[]; totalMs: number } {
  const byName = new Map<string, number>();
  let total = 0;
  for (const profile of profiles) {
    const nameOf = new Map<number, string>();
    for (const node of profile.nodes) nameOf.set(node.id, frameName(node.callFrame, root, resolve));
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    const perNode = new Map<number, number>();
    if (samples.length > 0 && deltas.length === samples.length) {
      for (let i = 0; i < samples.length; i++) {
        // The delta before sample i+1 is the time spent in sample i.
        const us = i + 1 < deltas.length ? Math.max(0, deltas[i + 1]!) : 0;
        perNode.set(samples[i]!, (perNode.get(samples[i]!) ?? 0) + us);
      }
    } else {
      const hits = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0);
      const each = hits > 0 ? (profile.endTime - profile.startTime) / hits : 0;
      for (const node of profile.nodes) perNode.set(node.id, (node.hitCount ?? 0) * each);
    }
    for (const [id, us] of perNode) {
      const name = nameOf.get(id) ?? '(unknown)';
      byName.set(name, (byName.get(name) ?? 0) + us / 1000);
      total += us / 1000;
    }
  }
  const rows = [...byName.entries()]
    .map(([name, ms]) => ({ name, ms, share: total > 0 ? ms / total : 0 }))
    .sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name))
    .slice(0, top);
  return { rows, totalMs: total };
}

/** The summary as a Markdown table. */
export function selfTimeTable(summary: { rows: SelfTime[]; totalMs: number }): string {
  return [
    '| # | function (file:function) | self time | share |',
    '|---|---|---|---|',
    ...summary.rows.map((r, i) => `| ${i + 1} | \`${r.name.replaceAll('|', '\\|').replaceAll('`', "'")}\` | ${r.ms.toFixed(0)} ms | ${(r.share * 100).toFixed(1)} % |`),
  ].join('\n');
}

/** Self time summed per area (see areaOf), largest first: where the time goes, at a glance. */
export function selfTimeByArea(all: { rows: SelfTime[]; totalMs: number }): SelfTime[] {
  const byArea = new Map<string, number>();
  for (const row of all.rows) byArea.set(areaOf(row.name), (byArea.get(areaOf(row.name)) ?? 0) + row.ms);
  return [...byArea.entries()]
    .map(([name, ms]) => ({ name, ms, share: all.totalMs > 0 ? ms / all.totalMs : 0 }))
    .sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name));
}

/** Per area as a Markdown table. */
export function areaTable(rows: readonly SelfTime[]): string {
  return [
    '| area | self time | share |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.name.replaceAll('|', '\\|')} | ${r.ms.toFixed(0)} ms | ${(r.share * 100).toFixed(1)} % |`),
  ].join('\n');
}
