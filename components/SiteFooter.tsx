import { getTranslations } from 'next-intl/server';
import { ORGANISATION } from '@/lib/organisation';

export async function SiteFooter() {
  const t = await getTranslations('footer');
  return (
    <footer className="mt-auto border-t border-stone-200 bg-white">
      <div className="mx-auto max-w-4xl px-4 py-6 text-sm text-stone-700">
        <p>
          <strong>{ORGANISATION.name}</strong> · {ORGANISATION.phone} · {ORGANISATION.email} · {ORGANISATION.postalAddress}
        </p>
        <p className="mt-1">{t('privacy')}</p>
      </div>
    </footer>
  );
}
