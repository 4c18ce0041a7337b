import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import '../globals.css';

export const metadata: Metadata = { title: { default: 'Klachtloket – beheer', template: '%s – Klachtloket beheer' }, robots: { index: false } };

/** Root layout of the back-office (Dutch only; it has its own root so the public pages keep theirs). */
export default async function BackofficeRootLayout({ children }: { children: ReactNode }) {
  const messages = await getMessages({ locale: 'nl' });
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.common' });
  return (
    <html lang="nl">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2">
          {t('skip')}
        </a>
        {/* Client components in the back-office get the back-office texts and the error messages. */}
        <NextIntlClientProvider locale="nl" messages={{ beheer: messages.beheer, errors: messages.errors }}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
