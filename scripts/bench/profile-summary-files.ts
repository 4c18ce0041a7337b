// The file side of profile-summary.ts: the source maps of the benchmark build, and the profiles a run left in a folder.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { areaTable, type CpuProfile, type FrameResolver, selfTimeByArea, selfTimeTable, topSelfTime } from './profile-summary';
import { DIST, ROOT, sleep } from './shared';

/**
 * Maps a frame of the build's bundled server code to its source through the .map file webpack wrote beside it. Only
 * the build's own files: what runs from node_modules (Next's server, the external packages) keeps its installed path.
 */
export function sourceMapResolver(): FrameResolver {
  const maps = new Map<string, SourceMap | null>();
  const build = `${path.join(ROOT, DIST)}/`;
  return (frame) => {
    if (!frame.url.startsWith('file://') || !frame.url.endsWith('.js')) return null;
    const file = new URL(frame.url).pathname;
    if (!file.startsWith(build)) return null;
    let map = maps.get(file);
    if (map === undefined) {
      map = existsSync(`${file}.map`) ? new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))) : null;
      maps.set(file, map);
    }
    const entry = map?.findEntry(frame.lineNumber, frame.columnNumber ?? 0) as { originalSource?: string; originalLine?: number } | undefined;
    return entry?.originalSource ? { source: entry.originalSource, line: entry.originalLine ?? 0 } : null;
  };
}

/** Prints the self time per area and the top functions of the .cpuprofile files V8 writes in `dir` as the app exits. */
export async function printProfile(dir: string, top: number, keepAs?: string): Promise<void> {
  let files: string[] = [];
  for (let i = 0; i < 40 && files.length === 0; i++) {
    files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
    if (files.length === 0) await sleep(500);
  }
  if (files.length === 0) throw new Error(`no .cpuprofile written in ${dir}`);
  const profiles = files.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as CpuProfile);
  if (keepAs) {
    copyFileSync(path.join(dir, files[0]!), keepAs);
    console.log(`▸ Profile kept as ${keepAs} (open it in Chrome DevTools, Performance tab)`);
  }
  const all = topSelfTime(profiles, Number.POSITIVE_INFINITY, ROOT, sourceMapResolver());
  console.log(`\n${areaTable(selfTimeByArea(all))}\n\n${selfTimeTable({ rows: all.rows.slice(0, top), totalMs: all.totalMs })}`);
}
