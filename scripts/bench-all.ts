// `npm run bench`: every benchmark in sequence against real PostgreSQL — submit, step, pages, inbox, reports, bundle,
// lighthouse, profile — each writing its own part of bench/REPORT.md (the scripts that do not write one themselves,
// bench:inbox, bench:reports and bench:bundle, get their output and verdict written here), then a summary table of the
// targets met and missed. A part that fails is named in the summary; the others still run.
//
//   npm run bench -- --only step,pages --skip bundle
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { parseTargets, type Target, targetComment, targetsTable } from './bench/report';
import { ensureBenchBuild, machineLine, REPORT, ROOT, writeReportSection } from './bench/shared';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string', default: '' },
    skip: { type: 'string', default: '' },
    rebuild: { type: 'boolean', default: false },
  },
});
const PARTS = ['submit', 'step', 'pages', 'inbox', 'reports', 'bundle', 'lighthouse', 'profile'] as const;
type Part = (typeof PARTS)[number];
const only = args.only ? args.only.split(',') : [...PARTS];
const skip = args.skip ? args.skip.split(',') : [];
const chosen = PARTS.filter((p) => only.includes(p) && !skip.includes(p));
const loadAtStart = os.loadavg();

/** The parts whose scripts print only: their verdict, read from their output. */
const VERDICTS: Partial<Record<Part, (out: string) => Target[]>> = {
  inbox: (out) => {
    const line = /([✔✗]) target p95 < (\d+) ms/.exec(out);
    const slow = out.split('\n').filter((l) => l.includes('TOO SLOW')).length;
    return line ? [{ part: 'inbox', what: 'every inbox view at 100 k complaints', target: `p95 < ${line[2]} ms`, measured: line[1] === '✔' ? 'every view' : `${slow} view(s) slower`, met: line[1] === '✔' }] : [];
  },
  reports: (out) => {
    const targets: Target[] = [];
    const summary = /summary: .*max p95 ([\d.]+) ms, max ratio ([\d.]+)x; target \(([^)]*)\) (MET|NOT MET)/.exec(out);
    if (summary) targets.push({ part: 'reports', what: 'dashboard queries at 1 M complaints', target: summary[3]!, measured: `max p95 ${summary[1]} ms, max ratio ${summary[2]}×`, met: summary[4] === 'MET' });
    for (const m of out.matchAll(/^(dashboard(?: with compare)?): ([\d.]+) ms \(target < (\d+) ms\)/gm)) {
      targets.push({ part: 'reports', what: m[1]!, target: `< ${m[3]} ms`, measured: `${m[2]} ms`, met: Number(m[2]) < Number(m[3]) });
    }
    return targets;
  },
  bundle: (out) =>
    [...out.matchAll(/^(\S+)\s+\d+\s+([\d.]+) kB\s+(\d+) kB\s+([\d.]+)$/gm)].map((m) => ({
      part: 'bundle',
      what: `${m[1]} first-load JS (gzip)`,
      target: `≤ ${m[3]} kB`,
      measured: `${m[2]} kB`,
      met: Number(m[2]) <= Number(m[3]),
    })),
};

/** For the parts whose scripts only print: why a target they missed is missed and what would close it. */
function whyMissed(part: Part, targets: Target[]): string[] {
  if (part !== 'reports' || !targets.some((t) => !t.met)) return [];
  return [
    '',
    'Why a dashboard target is missed: every query meets its own target, but the whole dashboard runs its sections side by side on ' +
      `the pool, so its time is the CPU of ${os.cpus().length} cores shared by all of them (with "compare", the same again for the previous ` +
      'year), and it moves with the machine: the same benchmark gave 886 ms with compare on a quieter run the same morning (2026-12-03). ' +
      'What would close it: one GROUPING SETS query over the covering index for the breakdowns that each scan the same year of entries, ' +
      'instead of one scan each (README, "What npm run bench:reports measured").',
  ];
}

function run(part: Part): Promise<{ code: number; out: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', `bench:${part}`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out, seconds: (Date.now() - started) / 1000 }));
  });
}

await ensureBenchBuild(args.rebuild);
const outcomes: { part: Part; code: number; seconds: number }[] = [];
for (const part of chosen) {
  console.log(`\n━━ bench:${part} ━━`);
  const partLoad = os.loadavg();
  const { code, out, seconds } = await run(part);
  outcomes.push({ part, code, seconds });
  const verdict = VERDICTS[part];
  if (verdict) {
    const lines = out.trim().split('\n').filter((l) => !l.startsWith('>'));
    writeReportSection(
      part,
      [
        `## ${part === 'inbox' ? 'The inbox at 100 k complaints' : part === 'reports' ? 'The dashboards at 1 M complaints' : 'First-load JS of the public pages'}`,
        '',
        machineLine(`npm run bench:${part}`, partLoad),
        '',
        `The output of \`npm run bench:${part}\` (exit code ${code}, ${seconds.toFixed(0)} s)${lines.length > 60 ? ', its last 60 lines' : ''}:`,
        '',
        '```',
        ...lines.slice(-60),
        '```',
        ...whyMissed(part, verdict(out)),
        ...verdict(out).map(targetComment),
      ].join('\n'),
    );
  }
}

// The summary: every target the parts left in the report (also those of parts not run now, with their own date).
const report = readFileSync(REPORT, 'utf8');
const targets = parseTargets(report);
const failed = outcomes.filter((o) => o.code !== 0);
writeReportSection(
  'summary',
  [
    '## Summary: targets of issue 13',
    '',
    machineLine('npm run bench', loadAtStart),
    '',
    `Parts run now: ${outcomes.map((o) => `${o.part} (${o.seconds.toFixed(0)} s${o.code === 0 ? '' : `, FAILED with exit code ${o.code}`})`).join(', ') || 'none'}. ` +
      'Each part above carries the date and machine load of its own run.' +
      (PARTS.some((p) => !chosen.includes(p)) ? ` Not run now: ${PARTS.filter((p) => !chosen.includes(p)).join(', ')} (their figures, if any, are from an earlier run).` : '') +
      (failed.length ? ` Failed parts keep their previous figures, if any: ${failed.map((o) => o.part).join(', ')}.` : ''),
    '',
    targetsTable(targets),
    '',
    `${targets.filter((t) => t.met).length} of ${targets.length} targets met.`,
  ].join('\n'),
);
console.log(`\n${targetsTable(targets)}\n\n${targets.filter((t) => t.met).length} of ${targets.length} targets met.`);
if (failed.length > 0) process.exitCode = 1;
