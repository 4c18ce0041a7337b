// Summarises a V8 CPU profile (`node --cpu-prof`, a .cpuprofile JSON) into the functions with the most self time.
// Pure: unit-tested in profile-summary.test.ts.

export type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
};

export type SelfTime = { name: string; ms: number; share: number };

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
export function topSelfTime(profiles: readonly CpuProfile[], top = 15, root = ''): { rows: SelfTime[]; totalMs: number } {
  const byName = new Map<string, number>();
  let total = 0;
  for (const profile of profiles) {
    const nameOf = new Map<number, string>();
    for (const node of profile.nodes) {
      const fn = node.callFrame.functionName || '(anonymous)';
      const name = node.callFrame.url ? `${shortLocation(node.callFrame.url, root)}:${fn}` : fn;
      nameOf.set(node.id, name);
    }
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
