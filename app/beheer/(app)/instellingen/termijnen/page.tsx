import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader, ScrollArea, Section } from '@/components/beheer/settings/PageHeader';
import { TableShell } from '@/components/beheer/settings/SettingsTable';
import { TermsForm } from '@/components/beheer/settings/TermsForm';
import { getDb } from '@/db/client';
import { procedureSettingsHistory } from '@/db/settings';
import { requireActor } from '@/lib/auth/page';
import { DEFAULT_PRESET, DEFAULT_TERMS, PRESET_IDS, type PresetId, type ProcedureTerms } from '@/lib/procedure/terms';
import { formatDateTime } from '@/lib/settings/format';
import { TERM_BOUNDS, TERM_KEYS, type TermKey } from '@/lib/settings/schemas';
import { isAdjusted } from '@/lib/settings/terms';

export const metadata: Metadata = { title: 'Termijnen' };

export default async function TermsPage() {
  await requireActor('settings.manage');
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings.terms' });
  const history = await procedureSettingsHistory(await getDb());
  const current = history[0] ?? null;
  const terms: ProcedureTerms = current?.terms ?? DEFAULT_TERMS;
  const preset: PresetId = current && (PRESET_IDS as readonly string[]).includes(current.preset) ? (current.preset as PresetId) : DEFAULT_PRESET;
  const presetName = (id: string) => (t.has(`presets.${id}`) ? t(`presets.${id}` as never) : id);
  const value = (key: TermKey, terms: ProcedureTerms) => t(`units.${TERM_BOUNDS[key].unit}`, { value: terms[key] });
  const changes = (i: number) => {
    const row = history[i]!;
    const previous = history[i + 1];
    if (!previous) return t('first');
    const changed = TERM_KEYS.filter((key) => row.terms[key] !== previous.terms[key]).map(
      (key) => `${t(`labels.${key}`)}: ${value(key, previous.terms)} → ${value(key, row.terms)}`,
    );
    return changed.length ? changed.join('; ') : t('samePreset');
  };

  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t('title')} intro={t('intro')} />
      <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-stone-900" data-testid="terms-keep-note">
        {t('keepNote')}
      </p>

      <Section title={t('currentTitle')} id="current">
        <p>
          <strong data-testid="current-preset">{presetName(preset)}</strong>
          {current && isAdjusted(current.preset, current.terms) ? <span className="text-stone-700"> ({t('adjusted')})</span> : null}
          {'. '}
          <span className="text-stone-700">
            {!current
              ? t('defaultsOnly')
              : current.changedByName
                ? t('since', { date: formatDateTime(current.createdAt), name: current.changedByName })
                : t('sinceUnknown', { date: formatDateTime(current.createdAt) })}
          </span>
        </p>
        <TableShell look="compact" caption={t('currentCaption')} columns={[t('term'), t('value')]}>
          {TERM_KEYS.map((key) => (
            <tr key={key}>
              <th scope="row" className="py-2 pr-4 font-normal">{t(`labels.${key}`)}</th>
              <td className="whitespace-nowrap py-2 font-semibold tabular-nums" data-testid={`term-${key}`}>{value(key, terms)}</td>
            </tr>
          ))}
        </TableShell>
      </Section>

      <Section title={t('changeTitle')} id="change">
        <TermsForm preset={preset} terms={terms} />
      </Section>

      <Section title={t('historyTitle')} id="history">
        {history.length === 0 ? (
          <p className="text-stone-700">{t('defaultsOnly')}</p>
        ) : (
          <ScrollArea label={t('historyCaption')}>
            <TableShell look="compact" caption={t('historyCaption')} columns={[t('when'), t('who'), t('preset'), t('changes')]} bodyClassName="align-top">
              {history.map((row, i) => (
                <tr key={row.id} data-testid="terms-history-row">
                  <td className="whitespace-nowrap py-2 pr-4">
                    {formatDateTime(row.createdAt)}
                    {i === 0 ? <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-900">{t('inForce')}</span> : null}
                  </td>
                  <td className="py-2 pr-4">{row.changedByName ?? t('system')}</td>
                  <td className="py-2 pr-4">
                    {presetName(row.preset)}
                    {isAdjusted(row.preset, row.terms) ? <span className="text-stone-700"> ({t('adjusted')})</span> : null}
                  </td>
                  <td className="py-2 text-sm">{changes(i)}</td>
                </tr>
              ))}
            </TableShell>
          </ScrollArea>
        )}
      </Section>
    </div>
  );
}
