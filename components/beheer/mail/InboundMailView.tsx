import { getTranslations } from 'next-intl/server';
import { formatFileSize } from '@/lib/complaints/attachments';
import { formatDateTime } from '@/lib/complaints/file';
import type { RefusedAttachment } from '@/lib/mail/inbound-rules';

export type InboundMailShown = {
  id: number;
  fromAddress: string;
  toAddresses?: string;
  subject: string;
  receivedAt: Date;
  textBody: string;
  refusedAttachments: RefusedAttachment[];
  attachments: { id: number; fileName: string; sizeBytes: number }[];
};

/**
 * A mail that came in, shown as plain text only (React escapes it; the HTML part is never rendered): who it says it
 * is from, the subject, the day, the text, the files kept (downloads) and those refused with the reason.
 */
export async function InboundMailView({ mail, headingLevel = 3, showTo = false }: { mail: InboundMailShown; headingLevel?: 2 | 3; showTo?: boolean }) {
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.mailIn' });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="space-y-4" data-testid="inbound-mail">
      <Heading className="text-base font-bold [overflow-wrap:anywhere]">{mail.subject || t('drafts.noSubject')}</Heading>
      <dl className="space-y-2 sm:grid sm:grid-cols-[11rem_minmax(0,1fr)] sm:gap-x-4 sm:gap-y-2 sm:space-y-0">
        <dt className="text-sm font-semibold text-stone-700">{t('mail.from')}</dt>
        <dd className="min-w-0 [overflow-wrap:anywhere]" data-testid="mail-from">{mail.fromAddress}</dd>
        {showTo && mail.toAddresses ? (
          <>
            <dt className="text-sm font-semibold text-stone-700">{t('mail.to')}</dt>
            <dd className="min-w-0 [overflow-wrap:anywhere]">{mail.toAddresses}</dd>
          </>
        ) : null}
        <dt className="text-sm font-semibold text-stone-700">{t('mail.received')}</dt>
        <dd>{formatDateTime(mail.receivedAt)}</dd>
      </dl>
      <div>
        <p className="text-sm font-semibold text-stone-700">{t('mail.body')}</p>
        {mail.textBody.trim() ? (
          <pre className="mt-1 max-h-[32rem] overflow-auto whitespace-pre-wrap rounded border border-stone-300 bg-stone-50 p-3 font-sans text-stone-900 [overflow-wrap:anywhere]" data-testid="mail-text" tabIndex={0}>
            {mail.textBody}
          </pre>
        ) : (
          <p className="mt-1 italic text-stone-600">{t('mail.empty')}</p>
        )}
        <p className="mt-1 text-sm text-stone-600">{t('mail.textOnly')}</p>
      </div>
      <div>
        <p className="text-sm font-semibold text-stone-700">{t('mail.attachments')}</p>
        {mail.attachments.length === 0 ? (
          <p className="text-stone-600">{t('mail.noAttachments')}</p>
        ) : (
          <ul className="mt-1 space-y-1" data-testid="mail-attachments">
            {mail.attachments.map((file) => (
              <li key={file.id} className="[overflow-wrap:anywhere]">
                <a href={`/api/mail-bijlagen/${file.id}`} download className="font-semibold text-brand-800 underline underline-offset-4" aria-label={t('mail.downloadLabel', { name: file.fileName })}>
                  {file.fileName}
                </a>{' '}
                <span className="text-sm text-stone-600">({formatFileSize(file.sizeBytes)})</span>
              </li>
            ))}
          </ul>
        )}
        {mail.refusedAttachments.length > 0 ? (
          <div className="mt-3">
            <p className="text-sm font-semibold text-stone-700">{t('mail.refused')}</p>
            <ul className="mt-1 list-disc space-y-1 pl-5 text-stone-800" data-testid="mail-refused">
              {mail.refusedAttachments.map((file, i) => (
                <li key={`${file.name}-${i}`} className="[overflow-wrap:anywhere]">
                  {file.name}: {t(`refusals.${file.reason}`)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </article>
  );
}
