import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { RegisterForm } from '@/components/beheer/register/RegisterForm';
import { requireActor } from '@/lib/auth/page';
import { complaintFormOptions } from '@/lib/complaints/public';
import { formatMonths } from '@/lib/format';
import { amsterdamDate } from '@/lib/procedure/dates';

export const metadata: Metadata = { title: 'Klacht registreren' };

/** Register a complaint that came in by phone, e-mail or post. */
export default async function RegisterComplaintPage() {
  const actor = await requireActor('complaints.register');
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.register' });
  const { categories, staff, terms } = await complaintFormOptions('nl');
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-2 max-w-prose text-stone-700">{t('intro')}</p>
        <p className="mt-1 max-w-prose text-sm text-stone-600">{t('registeredBy', { name: actor.name })}</p>
      </div>
      <RegisterForm categories={categories} staff={staff} today={amsterdamDate(new Date())} retention={formatMonths(terms.retentionMonths, 'nl')} />
    </div>
  );
}
