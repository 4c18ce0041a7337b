import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/beheer/settings/ActionButton';
import { CreateCategoryForm } from '@/components/beheer/settings/CategoryForms';
import { ActiveBadge, PageHeader, ScrollArea, Section } from '@/components/beheer/settings/PageHeader';
import { statusNote, textLink } from '@/components/beheer/settings/styles';
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
      {opgeslagen ? (
        <p role="status" className={statusNote}>
          {t('common.saved')}
        </p>
      ) : null}
      <ScrollArea label={t('categories.caption')} className="card p-0">
        <table className="w-full text-left">
          <caption className="sr-only">{t('categories.caption')}</caption>
          <thead className="border-b border-stone-200 bg-stone-50 text-sm text-stone-700">
            <tr>
              <th scope="col" className="px-4 py-3">{t('categories.order')}</th>
              <th scope="col" className="px-4 py-3">{t('categories.nameNl')}</th>
              <th scope="col" className="px-4 py-3">{t('categories.nameEn')}</th>
              <th scope="col" className="px-4 py-3">{t('categories.code')}</th>
              <th scope="col" className="px-4 py-3 text-right">{t('categories.complaints')}</th>
              <th scope="col" className="px-4 py-3">{t('common.status')}</th>
              <th scope="col" className="px-4 py-3"><span className="sr-only">{t('common.actions')}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {rows.map((category, i) => (
              <tr key={category.id} className={category.active ? '' : 'bg-stone-50 text-stone-600'} data-testid="category-row">
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
                <td className="px-4 py-3">
                  <ActiveBadge active={category.active} labels={{ active: t('categories.inForm'), inactive: t('categories.notInForm') }} />
                </td>
                <td className="px-4 py-3">
                  <div className="flex items-center justify-end gap-3 whitespace-nowrap">
                    <Link href={`/beheer/instellingen/categorieen/${category.id}`} className={textLink} aria-label={t('common.editNamed', { name: category.nameNl })}>
                      {t('common.edit')}
                    </Link>
                    <ActionButton
                      action={setCategoryActiveAction}
                      input={{ id: category.id, active: !category.active }}
                      variant="small"
                      label={`${category.active ? t('common.deactivate') : t('common.reactivate')}: ${category.nameNl}`}
                    >
                      {category.active ? t('common.deactivate') : t('common.reactivate')}
                    </ActionButton>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      <Section title={t('categories.addTitle')} id="add">
        <CreateCategoryForm />
      </Section>
    </div>
  );
}
