import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { InboundMailView } from '@/components/beheer/mail/InboundMailView';
import { RegisterForm } from '@/components/beheer/register/RegisterForm';
import { getDb } from '@/db/client';
import { inboundMail } from '@/db/inbound';
import { requireActor } from '@/lib/auth/page';
import { parseComplaintId } from '@/lib/complaints/file';
import { complaintFormOptions } from '@/lib/complaints/public';
import { formatMonths } from '@/lib/format';
import { registerFromMailAction } from '@/lib/mail/inbound-actions';
import { registrationPrefill } from '@/lib/mail/inbound-rules';
import { amsterdamDate } from '@/lib/procedure/dates';

export const metadata: Metadata = { title: 'Klacht registreren uit een e-mail' };

/** The registration form, prefilled from a mail that came in; on success the mail is linked to the new complaint. */
export default async function RegisterFromMailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor('complaints.register');
  const id = parseComplaintId((await params).id);
  const mail = id === null ? null : await inboundMail(await getDb(), id);
  if (!mail || mail.state === 'reply') notFound();
  if (mail.state !== 'draft') redirect(`/beheer/inkomend/${mail.id}`);
  const [t, register, { categories, staff, terms }] = await Promise.all([
    getTranslations({ locale: 'nl', namespace: 'beheer.mailIn' }),
    getTranslations({ locale: 'nl', namespace: 'beheer.register' }),
    complaintFormOptions('nl'),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link href={`/beheer/inkomend/${mail.id}`} className="text-sm font-semibold text-brand-800 underline-offset-4 hover:underline">
          ← {t('draft.title')}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">{t('register.title')}</h1>
        <p className="mt-2 max-w-prose text-stone-700">{t('draft.registerHint')}</p>
        <p className="mt-1 max-w-prose text-sm text-stone-600">{register('registeredBy', { name: actor.name })}</p>
      </div>
      <details className="card">
        <summary className="cursor-pointer font-semibold text-brand-800">{t('register.mail')}: {mail.subject || t('drafts.noSubject')}</summary>
        <div className="mt-4">
          <InboundMailView mail={mail} />
        </div>
      </details>
      <RegisterForm
        categories={categories}
        staff={staff}
        today={amsterdamDate(new Date())}
        retention={formatMonths(terms.retentionMonths, 'nl')}
        prefill={registrationPrefill(mail)}
        action={registerFromMailAction.bind(null, mail.id)}
      />
    </div>
  );
}
