import type { ClockRow } from '@/lib/complaints/file';
import { Badge, type Tone } from './Badge';

function toneOf(row: ClockRow): Tone {
  if (row.phase === 'running') return row.state === 'overdue' ? 'bad' : row.state === 'due_soon' ? 'warn' : 'good';
  if (row.phase === 'stopped') return row.metInTime === false ? 'bad' : row.metInTime ? 'good' : 'neutral';
  return 'muted';
}

/**
 * The three clocks of a complaint: due date (with weekend/holiday warning and internal target) and state. A table
 * from small screens up; on a phone each clock is a stacked block (the explicit roles keep it a table for screen
 * readers).
 */
export function ClockTable({ rows, caption, headers }: { rows: ClockRow[]; caption: string; headers: { clock: string; due: string; state: string } }) {
  return (
    <table role="table" className="block w-full border-collapse text-left sm:table">
      <caption className="sr-only">{caption}</caption>
      <thead role="rowgroup" className="hidden sm:table-header-group">
        <tr role="row" className="border-b border-stone-300 text-sm text-stone-700">
          <th role="columnheader" scope="col" className="py-2 pr-4 font-semibold">{headers.clock}</th>
          <th role="columnheader" scope="col" className="py-2 pr-4 font-semibold">{headers.due}</th>
          <th role="columnheader" scope="col" className="py-2 font-semibold">{headers.state}</th>
        </tr>
      </thead>
      <tbody role="rowgroup" className="block sm:table-row-group">
        {rows.map((row) => (
          <tr
            key={row.clock}
            role="row"
            data-testid={`clock-${row.clock}`}
            data-phase={row.phase}
            className="block border-b border-stone-200 py-3 align-top last:border-0 sm:table-row sm:py-0"
          >
            <th role="rowheader" scope="row" className={`block font-semibold sm:table-cell sm:py-3 sm:pr-4 ${row.phase === 'running' ? 'text-stone-900' : 'text-stone-600'}`}>
              {row.label}
            </th>
            <td role="cell" className="block sm:table-cell sm:py-3 sm:pr-4">
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
            <td role="cell" className="mt-2 block sm:mt-0 sm:table-cell sm:py-3">
              <Badge tone={toneOf(row)}>{row.stateLabel}</Badge>
              {row.detail ? <span className="mt-1 block text-sm text-stone-700">{row.detail}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
