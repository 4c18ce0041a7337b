import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/beheer/settings/ActionButton';
import { CreateCategoryForm } from '@/components/beheer/settings/CategoryForms';
import { PageHeader, Section } from '@/components/beheer/settings/PageHeader';
import { RowActions, SavedNote, SettingsRow, SettingsTable, StatusCell } from '@/components/beheer/settings/SettingsTable';
import { getDb } from '@/db/client';
import { listCategories } from '@/db/settings';
import { requireActor } from '@/lib/auth/page';
import { moveCategoryAction, setCategoryActiveAction } from '@/lib/settings/actions';

export const metadata: Metadata = { title: 'Categorieën' };

export default async function CategoriesPage({ searchParams }: { searchParams: Promise<{ opgeslagen?: string }> }) {
  await requireActor('settings.manage');
  const { opgeslagen } = await searchParams;
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings' });
  const rows = await listCategories(await getDb());
  return (
    <div className="space-y-6">
      <PageHeader title={t('categories.title')} intro={t('categories.intro')} />
      <SavedNote shown={Boolean(opgeslagen)} />
      <SettingsTable
        caption={t('categories.caption')}
        columns={[
          t('categories.order'),
          t('categories.nameNl'),
          t('categories.nameEn'),
          t('categories.code'),
          { label: t('categories.complaints'), className: 'text-right' },
          t('common.status'),
        ]}
      >
        {rows.map((category, i) => (
          <SettingsRow key={category.id} active={category.active} testId="category-row">
            <td className="px-4 py-3">
              <div className="flex gap-1">
                <ActionButton
                  action={moveCategoryAction}
                  input={{ id: category.id, direction: 'up' }}
                  variant="small"
                  label={t('categories.moveUp', { name: category.nameNl })}
                  disabled={i === 0}
                >
                  <span aria-hidden="true">↑</span>
                </ActionButton>
                <ActionButton
                  action={moveCategoryAction}
                  input={{ id: category.id, direction: 'down' }}
                  variant="small"
                  label={t('categories.moveDown', { name: category.nameNl })}
                  disabled={i === rows.length - 1}
                >
                  <span aria-hidden="true">↓</span>
                </ActionButton>
              </div>
            </td>
            <th scope="row" className="px-4 py-3 font-semibold">{category.nameNl}</th>
            <td className="px-4 py-3" lang="en">{category.nameEn}</td>
            <td className="px-4 py-3 font-mono text-sm">{category.code}</td>
            <td className="px-4 py-3 text-right tabular-nums">{category.complaints}</td>
            <StatusCell active={category.active} labels={{ active: t('categories.inForm'), inactive: t('categories.notInForm') }} />
            <RowActions
              name={category.nameNl}
              editHref={`/beheer/instellingen/categorieen/${category.id}`}
              setActive={{ action: setCategoryActiveAction, id: category.id, active: category.active }}
            />
          </SettingsRow>
        ))}
      </SettingsTable>
      <Section title={t('categories.addTitle')} id="add">
        <CreateCategoryForm />
      </Section>
    </div>
  );
}
