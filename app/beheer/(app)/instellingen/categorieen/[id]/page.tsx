import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RenameCategoryForm } from '@/components/beheer/settings/CategoryForms';
import { PageHeader } from '@/components/beheer/settings/PageHeader';
import { getDb } from '@/db/client';
import { findCategory } from '@/db/settings';
import { requireActor } from '@/lib/auth/page';

export const metadata: Metadata = { title: 'Categorie wijzigen' };

export default async function CategoryPage({ params }: { params: Promise<{ id: string }> }) {
  await requireActor('settings.manage');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const category = await findCategory(await getDb(), id);
  if (!category) notFound();
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings' });
  return (
    <div className="max-w-2xl">
      <PageHeader
        title={t('categories.editTitle')}
        intro={t('categories.editIntro', { code: category.code })}
        back={{ href: '/beheer/instellingen/categorieen', label: t('common.back', { section: t('nav.categories').toLowerCase() }) }}
      />
      <RenameCategoryForm id={category.id} nameNl={category.nameNl} nameEn={category.nameEn} />
    </div>
  );
}
