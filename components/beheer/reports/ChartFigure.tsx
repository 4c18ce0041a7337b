import Link from 'next/link';
import { dotClass, type Figure } from './figure';
import { ReportBarChart } from './ReportBarChart';

const number = new Intl.NumberFormat('nl-NL');
const signed = new Intl.NumberFormat('nl-NL', { signDisplay: 'exceptZero' });

/** A number that opens the complaints behind it, when there are any and a list stands behind it. */
export function CountLink({ value, href, label }: { value: number; href: string | null; label?: string }) {
  if (!href || value === 0) return <>{number.format(value)}</>;
  return (
    <Link href={href} className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900" aria-label={label}>
      {number.format(value)}
    </Link>
  );
}

/**
 * One figure: caption, legend, chart and the same numbers as a table (in a disclosure), every number a link to the
 * complaints behind it.
 */
export function ChartFigure({
  figure,
  texts,
  labelWidth,
}: {
  figure: Figure;
  texts: { table: string; total: string; difference: string; empty: string };
  labelWidth?: number;
}) {
  const { id, title, description, series, rows } = figure;
  const empty = rows.every((row) => series.every((s) => (row.values[s.key] ?? 0) === 0));
  return (
    <figure aria-labelledby={`${id}-caption`} className="card flex min-w-0 flex-col gap-3 p-4 sm:p-5" data-figure={id}>
      <figcaption id={`${id}-caption`}>
        <span className="block font-bold text-stone-900">{title}</span>
        {description ? <span className="mt-0.5 block text-sm text-stone-600">{description}</span> : null}
      </figcaption>
      {series.length > 0 ? (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-700" aria-label={`${title}: legenda`}>
          {series.map((s) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${dotClass[s.color]}`} />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      {empty ? (
        <p className="rounded bg-stone-50 px-3 py-6 text-center text-sm text-stone-600">{texts.empty}</p>
      ) : (
        <ReportBarChart rows={rows} series={series} stacked={figure.stacked} layout={figure.layout} label={title} labelWidth={labelWidth} />
      )}
      <details className="group text-sm">
        <summary className="cursor-pointer font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900">
          {texts.table}
          <span className="sr-only">: {title}</span>
        </summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-1.5 pr-3 font-semibold">
                  {figure.rowHeader}
                </th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="px-2 py-1.5 text-right font-semibold">
                    {s.label}
                  </th>
                ))}
                {figure.stacked ? (
                  <th scope="col" className="px-2 py-1.5 text-right font-semibold">
                    {texts.total}
                  </th>
                ) : null}
                {figure.difference ? (
                  <th scope="col" className="py-1.5 pl-2 text-right font-semibold">
                    {texts.difference}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} className="border-b border-stone-100 last:border-0" data-row={row.key}>
                  <th scope="row" className="py-1.5 pr-3 font-normal">
                    {row.label}
                  </th>
                  {series.map((s) => (
                    <td key={s.key} className="px-2 py-1.5 text-right tabular-nums" data-series={s.key}>
                      <CountLink value={row.values[s.key] ?? 0} href={row.hrefs[s.key] ?? null} />
                    </td>
                  ))}
                  {row.total ? (
                    <td className="px-2 py-1.5 text-right tabular-nums" data-series="total">
                      <CountLink value={row.total.value} href={row.total.href} />
                    </td>
                  ) : null}
                  {figure.difference ? (
                    <td className="py-1.5 pl-2 text-right tabular-nums">
                      {signed.format((row.values[series[0]!.key] ?? 0) - (row.values[series[1]!.key] ?? 0))}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
