import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Section } from '@/components/beheer/file/FactList';
import { InboundMailView } from '@/components/beheer/mail/InboundMailView';
import { NoComplaintForm } from '@/components/beheer/mail/NoComplaintForm';
import { getDb } from '@/db/client';
import { inboundMail } from '@/db/inbound';
import { requireActor } from '@/lib/auth/page';
import { parseComplaintId } from '@/lib/complaints/file';

export const metadata: Metadata = { title: 'Binnengekomen mail' };

/** A mail that came in as a draft: the mail as text, and the choice to register it as a complaint or close it as none. */
export default async function InboundDraftPage({ params }: { params: Promise<{ id: string }> }) {
  await requireActor('complaints.register');
  const id = parseComplaintId((await params).id);
  const mail = id === null ? null : await inboundMail(await getDb(), id);
  // Replies are part of a complaint's file, shown there to those who may see it.
  if (!mail || mail.state === 'reply') notFound();
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.mailIn' });

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link href="/beheer" className="text-sm font-semibold text-brand-800 underline-offset-4 hover:underline">
          ← {t('draft.back')}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t('draft.title')}</h1>

      {mail.state === 'registered' ? (
        <div role="status" className="rounded-md border border-brand-300 bg-brand-50 px-4 py-3 text-brand-900" data-testid="draft-handled">
          <p>{t('draft.handledRegistered')}</p>
          <Link href={`/beheer/klachten/${mail.complaintId}`} className="font-semibold underline underline-offset-4">
            {t('draft.toFile')}
          </Link>
        </div>
      ) : mail.state === 'no_complaint' ? (
        <div role="status" className="rounded-md border border-stone-300 bg-stone-50 px-4 py-3 text-stone-900" data-testid="draft-handled">
          <p className="whitespace-pre-line [overflow-wrap:anywhere]">{t('draft.handledNoComplaint', { reason: mail.noComplaintReason ?? '' })}</p>
        </div>
      ) : null}

      <div role="note" className="rounded-md border border-amber-400 bg-amber-50 px-4 py-3 text-amber-950">
        {t('mail.fromWarning')}
      </div>

      <section aria-labelledby="the-mail" className="card">
        <h2 id="the-mail" className="sr-only">
          {t('register.mail')}
        </h2>
        <InboundMailView mail={mail} showTo />
      </section>

      {mail.state === 'draft' ? (
        <Section title={t('draft.decide')} id="decide">
          <div className="space-y-6">
            <div>
              <h3 className="font-bold">{t('draft.register')}</h3>
              <p className="mt-1 text-stone-700">{t('draft.registerHint')}</p>
              <Link href={`/beheer/inkomend/${mail.id}/registreren`} className="btn-primary mt-3 inline-block" data-testid="register-from-mail">
                {t('draft.register')}
              </Link>
            </div>
            <div className="border-t border-stone-200 pt-6">
              <h3 className="font-bold">{t('draft.noComplaint')}</h3>
              <p className="mb-3 mt-1 text-stone-700">{t('draft.noComplaintHint')}</p>
              <NoComplaintForm mailId={mail.id} />
            </div>
          </div>
        </Section>
      ) : null}
    </div>
  );
}
