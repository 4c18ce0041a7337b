import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/beheer/file/Badge';
import { MarkPostedForm } from '@/components/beheer/post/MarkPostedForm';
import { ActionButton } from '@/components/beheer/settings/ActionButton';
import { PageHeader } from '@/components/beheer/settings/PageHeader';
import { buttonSecondary, statusNote, textLink } from '@/components/beheer/settings/styles';
import { requireActor } from '@/lib/auth/page';
import { formatDateTime } from '@/lib/complaints/file';
import { formatDate } from '@/lib/format';
import { resendMailAction, sendMailByPostAction } from '@/lib/post/actions';
import { loadPostRoom, type PostRoomItem } from '@/lib/post/load';
import { POST_ROOM_LIMIT } from '@/db/post';
import { amsterdamDate } from '@/lib/procedure/dates';

export const metadata: Metadata = { title: 'Post' };

const DONE = ['posted', 'resent', 'byPost'] as const;

/**
 * The post room: letters waiting to be printed (download the PDF, "verstuurd per post op …") and e-mails the worker
 * gave up on ("opnieuw versturen", "per post versturen"), oldest first. Only the messages of complaints the user may see.
 */
export default async function PostRoomPage({ searchParams }: { searchParams: Promise<{ gedaan?: string }> }) {
  const actor = await requireActor('complaints.read');
  const [t, tf, room, mailIn] = await Promise.all([
    getTranslations({ locale: 'nl', namespace: 'beheer.post' }),
    getTranslations({ locale: 'nl', namespace: 'beheer.file.outbox' }),
    loadPostRoom(actor),
    getTranslations({ locale: 'nl', namespace: 'beheer.mailIn' }),
  ]);
  const today = amsterdamDate(new Date());
  const { gedaan } = await searchParams;
  const done = DONE.find((key) => key === gedaan);
  const kind = (item: PostRoomItem) => (tf.has(`kinds.${item.kind}`) ? tf(`kinds.${item.kind}` as 'kinds.acknowledgement') : item.kind);

  const header = (item: PostRoomItem) => (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold text-stone-900">
          {kind(item)}
          {item.reference ? (
            <>
              {' · '}
              <Link href={`/beheer/klachten/${item.complaintId}#outbox`} className={textLink}>
                {item.reference}
              </Link>
            </>
          ) : (
            <span className="font-normal text-stone-600"> · {t('noComplaint')}</span>
          )}
        </h3>
        <span className="text-sm text-stone-700">{t('created', { date: formatDateTime(item.createdAt) })}</span>
      </div>
      <dl className="mt-2 grid grid-cols-1 gap-x-3 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
        <dt className="text-stone-600">{t('to')}</dt>
        <dd className="min-w-0 whitespace-pre-line text-stone-900 [overflow-wrap:anywhere]">{item.recipient}</dd>
        <dt className="text-stone-600">{t('subject')}</dt>
        <dd className="min-w-0 text-stone-900 [overflow-wrap:anywhere]">{item.subject}</dd>
      </dl>
    </>
  );
  const pdfLink = (item: PostRoomItem) => (
    <a href={`/beheer/post/brief/${item.id}`} download className={buttonSecondary} aria-label={t('pdfLabel', { subject: item.subject })}>
      {t('pdf')}
    </a>
  );

  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} intro={t('intro')} />
      {done ? (
        <p role="status" className={statusNote}>
          {t(`done.${done}`)}
        </p>
      ) : null}

      <section aria-labelledby="letters" className="space-y-3">
        <h2 id="letters" className="flex flex-wrap items-center gap-3 text-xl font-bold">
          {t('letters.title')} <Badge tone={room.letters.items.length ? 'warn' : 'good'}>{room.letters.items.length}</Badge>
        </h2>
        <p className="max-w-prose text-stone-700">{t('letters.caption')}</p>
        {room.letters.items.length === 0 ? (
          <p className="rounded-md border border-stone-200 bg-white p-4 text-stone-700">{t('letters.empty')}</p>
        ) : (
          <ul className="space-y-4" data-testid="letters">
            {room.letters.items.map((item) => (
              <li key={item.id} className="rounded-md border border-stone-200 bg-white p-4 shadow-sm" data-outbox-id={item.id}>
                {header(item)}
                <div className="mt-4 space-y-4 border-t border-stone-200 pt-4">
                  <p>{pdfLink(item)}</p>
                  <MarkPostedForm id={item.id} today={today} writtenOn={item.writtenOn} writtenOnText={formatDate(item.writtenOn, 'nl')} subject={item.subject} />
                </div>
              </li>
            ))}
          </ul>
        )}
        {room.letters.more ? <p className="text-stone-700">{t('more', { count: POST_ROOM_LIMIT })}</p> : null}
      </section>

      <section aria-labelledby="failed" className="space-y-3">
        <h2 id="failed" className="flex flex-wrap items-center gap-3 text-xl font-bold">
          {t('failed.title')} <Badge tone={room.failed.items.length ? 'bad' : 'good'}>{room.failed.items.length}</Badge>
        </h2>
        <p className="max-w-prose text-stone-700">{t('failed.caption')}</p>
        {room.failed.items.length === 0 ? (
          <p className="rounded-md border border-stone-200 bg-white p-4 text-stone-700">{t('failed.empty')}</p>
        ) : (
          <ul className="space-y-4" data-testid="failed">
            {room.failed.items.map((item) => (
              <li key={item.id} className="rounded-md border border-stone-200 bg-white p-4 shadow-sm" data-outbox-id={item.id}>
                {header(item)}
                {item.bounced ? (
                  <p className="mt-2">
                    <Badge tone="bad">
                      <span data-testid="bounced">{mailIn('post.bounced')}</span>
                    </Badge>
                  </p>
                ) : null}
                <p className="mt-2 text-sm">
                  <span className="text-stone-600">{t('failed.error')}: </span>
                  <span className="font-semibold text-red-800 [overflow-wrap:anywhere]">{item.lastError ?? '—'}</span>
                  <span className="text-stone-600"> · {t('failed.attempts', { count: item.attempts })}</span>
                </p>
                <div className="mt-4 flex flex-wrap items-start gap-3">
                  <ActionButton action={resendMailAction} input={{ id: item.id }} label={t('failed.resendLabel', { subject: item.subject })} redirectTo="/beheer/post?gedaan=resent">
                    {t('failed.resend')}
                  </ActionButton>
                  {item.canPost ? (
                    <ActionButton action={sendMailByPostAction} input={{ id: item.id }} label={t('failed.byPostLabel', { subject: item.subject })} redirectTo="/beheer/post?gedaan=byPost">
                      {t('failed.byPost')}
                    </ActionButton>
                  ) : null}
                  {pdfLink(item)}
                </div>
                {item.canPost ? null : <p className="mt-2 text-sm text-stone-600">{t('failed.byPostNone')}</p>}
              </li>
            ))}
          </ul>
        )}
        {room.failed.more ? <p className="text-stone-700">{t('more', { count: POST_ROOM_LIMIT })}</p> : null}
      </section>
    </div>
  );
}
