import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { AnnualTable } from '@/lib/reports/annual';
import type { AnnualView } from '@/lib/reports/annual-load';

function Table({ table }: { table: AnnualTable }) {
  const align = (i: number) => (table.align[i] === 'right' ? 'text-right tabular-nums' : 'text-left');
  return (
    <div role="region" aria-labelledby={`${table.id}-caption`} tabIndex={0} className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
      <table data-table={table.id} className="w-full border-collapse text-sm">
        <caption id={`${table.id}-caption`} className="px-3 pt-3 text-left font-semibold text-stone-900">
          {table.caption}
        </caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-stone-700">
          <tr>
            {table.columns.map((column, i) => (
              <th key={column} scope="col" className={`px-3 py-2 ${align(i)}`}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-3 py-2 text-left font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={`px-3 py-2 ${align(i)}`}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {table.total ? (
          <tfoot className="border-t-2 border-stone-300 font-semibold">
            <tr>
              {table.total.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-3 py-2 text-left">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={`px-3 py-2 ${align(i)}`}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** The annual register as a page: the same document (lib/reports/annual.ts) the PDF is made of. */
export async function AnnualRegister({ view }: { view: AnnualView }) {
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.annual' });
  const { document: doc, year, years } = view;
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/beheer/rapportage" className="text-brand-800 underline underline-offset-4">
            {t('backToReports')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{doc.title}</h1>
        <p className="text-stone-700">{doc.subtitle}</p>
        <p className="max-w-3xl text-stone-700">{doc.intro}</p>
      </div>
      <div className="flex flex-wrap items-end gap-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
        <Form action="/beheer/rapportage/jaarverslag" className="flex items-end gap-2">
          <div>
            <label htmlFor="annual-year" className="block text-sm font-semibold text-stone-900">
              {t('yearLabel')}
            </label>
            <select id="annual-year" name="jaar" defaultValue={String(year)} className="input mt-1 py-1.5">
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md border border-stone-400 bg-white px-4 py-2 font-semibold text-stone-900 shadow-sm hover:bg-stone-50">
            {t('show')}
          </button>
        </Form>
        <div>
          <a href={`/beheer/rapportage/jaarverslag/pdf?jaar=${year}`} download className="btn-primary" aria-describedby="annual-pdf-hint">
            {t('downloadPdf')}
          </a>
          <p id="annual-pdf-hint" className="mt-1 text-sm text-stone-600">
            {t('pdfHint')}
          </p>
        </div>
      </div>
      <section aria-labelledby="annual-organisation" className="space-y-2">
        <h2 id="annual-organisation" className="text-xl font-semibold">
          {t('organisation.heading')}
        </h2>
        <dl className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          {doc.organisation.map((item) => (
            <div key={item.label} className="contents">
              <dt className="font-semibold">{item.label}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {doc.sections.map((section) => (
        <section key={section.id} aria-labelledby={`annual-${section.id}`} className="space-y-3">
          <h2 id={`annual-${section.id}`} className="text-xl font-semibold">
            {section.heading}
          </h2>
          {section.intro ? <p className="max-w-3xl text-stone-700">{section.intro}</p> : null}
          <div className="grid gap-4 lg:grid-cols-2">
            {section.tables.map((table) => (
              <div key={table.id} className={table.columns.length > 3 ? 'lg:col-span-2' : undefined}>
                <Table table={table} />
              </div>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
