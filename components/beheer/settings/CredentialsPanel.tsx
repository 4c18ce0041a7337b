'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { IssuedCredentials } from '@/lib/settings/users';
import { buttonSecondary } from './styles';

const untilFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

/**
 * The one-time password or invitation link, shown once right after it was made (it is not stored anywhere we could
 * show it from again). Takes the focus so screen reader users hear it at once.
 */
export function CredentialsPanel({ credentials, title }: { credentials: IssuedCredentials; title: string }) {
  const t = useTranslations('beheer.settings.users.credentials');
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  const secret = credentials.method === 'password' ? credentials.password : credentials.url;
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section aria-labelledby="credentials-title" className="rounded-lg border-2 border-brand-600 bg-brand-50 p-5" data-testid="credentials">
      <h2 id="credentials-title" ref={heading} tabIndex={-1} className="text-xl font-bold text-brand-900">
        {title}
      </h2>
      <p className="mt-3 font-semibold">{credentials.method === 'password' ? t('passwordLabel', { email: credentials.email }) : t('inviteLabel', { email: credentials.email })}</p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <code
          data-testid={credentials.method === 'password' ? 'one-time-password' : 'invite-link'}
          className="block max-w-full select-all break-all rounded-md border border-stone-300 bg-white px-3 py-2 font-mono text-lg"
        >
          {secret}
        </code>
        <button type="button" className={buttonSecondary} onClick={copy}>
          {copied ? t('copied') : t('copy')}
        </button>
        <span aria-live="polite" className="sr-only">
          {copied ? t('copied') : ''}
        </span>
      </div>
      <p className="mt-3 max-w-prose text-stone-800">
        {credentials.method === 'password'
          ? t('passwordNote')
          : t('inviteNote', { email: credentials.email, until: untilFormat.format(new Date(credentials.expiresAt)) })}
      </p>
    </section>
  );
}
