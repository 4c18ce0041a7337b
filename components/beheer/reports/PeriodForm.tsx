import Form from 'next/form';
import { getTranslations } from 'next-intl/server';
import { PERIOD_PRESETS, type PeriodChoice, periodSearchParams } from '@/lib/reports/period';

export const REPORTS_PATH = '/beheer/rapportage';

/** The period as a plain GET form: works without JavaScript, the choice ends up in the URL. */
export async function PeriodForm({ choice }: { choice: PeriodChoice }) {
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.reports.period' });
  const input = 'input mt-1 py-1.5';
  const label = 'block text-sm font-semibold text-stone-900';
  return (
    <section aria-labelledby="period-heading" className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <h2 id="period-heading" className="sr-only">
        {t('heading')}
      </h2>
      <Form key={periodSearchParams(choice).toString()} action={REPORTS_PATH} className="space-y-4">
        <div className="grid grid-cols-2 gap-x-3 gap-y-3 sm:gap-x-4 lg:grid-cols-4">
          <div className="col-span-2">
            <label htmlFor="period-preset" className={label}>
              {t('preset')}
            </label>
            <select id="period-preset" name="period" defaultValue={choice.preset} className={input}>
              {PERIOD_PRESETS.map((preset) => (
                <option key={preset} value={preset}>
                  {t(`presets.${preset}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="period-from" className={label}>
              {t('from')}
            </label>
            <input id="period-from" name="from" type="date" defaultValue={choice.period.from} aria-describedby="period-dates-hint" className={input} />
          </div>
          <div>
            <label htmlFor="period-to" className={label}>
              {t('to')}
            </label>
            <input id="period-to" name="to" type="date" defaultValue={choice.period.to} aria-describedby="period-dates-hint" className={input} />
          </div>
          <p id="period-dates-hint" className="col-span-2 -mt-1 text-sm text-stone-600 lg:col-span-2 lg:col-start-3">
            {t('customHint')}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <label className="inline-flex items-center gap-2 text-sm font-semibold text-stone-900">
            <input type="checkbox" name="compare" value="1" defaultChecked={choice.compare} className="h-5 w-5 rounded border-stone-400 accent-brand-700" />
            {t('compare')}
          </label>
          <button type="submit" className="btn-primary py-1.5">
            {t('apply')}
          </button>
        </div>
      </Form>
    </section>
  );
}
