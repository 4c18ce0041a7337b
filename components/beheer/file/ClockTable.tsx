import type { ClockRow } from '@/lib/complaints/file';
import { Badge, type Tone } from './Badge';

function toneOf(row: ClockRow): Tone {
  if (row.phase === 'running') return row.state === 'overdue' ? 'bad' : row.state === 'due_soon' ? 'warn' : 'good';
  if (row.phase === 'stopped') return row.metInTime === false ? 'bad' : row.metInTime ? 'good' : 'neutral';
  return 'muted';
}

/** The three clocks of a complaint: due date (with weekend/holiday warning and internal target) and state. */
export function ClockTable({ rows, caption, headers }: { rows: ClockRow[]; caption: string; headers: { clock: string; due: string; state: string } }) {
  return (
    // Scrolls sideways on a narrow screen; focusable so keyboard users can scroll it too.
    <div className="-mx-2 overflow-x-auto px-2" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full min-w-[30rem] border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-300 text-sm text-stone-700">
            <th scope="col" className="py-2 pr-4 font-semibold">{headers.clock}</th>
            <th scope="col" className="py-2 pr-4 font-semibold">{headers.due}</th>
            <th scope="col" className="py-2 font-semibold">{headers.state}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.clock} data-testid={`clock-${row.clock}`} data-phase={row.phase} className="border-b border-stone-200 align-top last:border-0">
              <th scope="row" className={`py-3 pr-4 font-semibold ${row.phase === 'running' ? 'text-stone-900' : 'text-stone-600'}`}>
                {row.label}
              </th>
              <td className="py-3 pr-4">
                <time dateTime={row.due} data-testid="due" className={row.phase === 'running' ? 'font-semibold' : 'text-stone-700'}>
                  {row.dueText}
                </time>
                {row.extendedFrom ? <span className="block text-sm text-stone-600">{row.extendedFrom}</span> : null}
                {row.warning ? (
                  <span className="mt-1 block text-sm text-amber-900">
                    <span aria-hidden="true">⚠ </span>
                    {row.warning} {row.target}
                  </span>
                ) : null}
              </td>
              <td className="py-3">
                <Badge tone={toneOf(row)}>{row.stateLabel}</Badge>
                {row.detail ? <span className="mt-1 block text-sm text-stone-700">{row.detail}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
