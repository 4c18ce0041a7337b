import { getTranslations } from 'next-intl/server';
import { organisationForDisplay } from '@/lib/settings/organisation';
import { publicSettings } from '@/lib/settings/public-pages';

const organisationFor = publicSettings('organisation', organisationForDisplay);

/** Footer of the public pages, with the organisation details as the admin keeps them (defaults if unreachable). */
export async function SiteFooter() {
  const [t, organisation] = await Promise.all([getTranslations('footer'), organisationFor()]);
  return (
    <footer className="mt-auto border-t border-stone-200 bg-white">
      <div className="mx-auto max-w-4xl px-4 py-6 text-sm text-stone-700">
        <p>
          <strong>{organisation.name}</strong> · {organisation.phone} · {organisation.email} · {organisation.postalAddress}
        </p>
        <p className="mt-1">{t('privacy')}</p>
      </div>
    </footer>
  );
}
