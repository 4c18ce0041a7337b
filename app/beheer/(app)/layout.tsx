import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { BackofficeHeader } from '@/components/beheer/BackofficeHeader';
import { currentActor } from '@/lib/auth/actor';
import { SIGN_IN_PATH } from '@/lib/auth/gate';

/** Signed-in back-office pages: header with the menu of the user's role. Each page checks its own permission. */
export default async function BackofficeLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect(SIGN_IN_PATH);
  return (
    <>
      <BackofficeHeader actor={actor} />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
    </>
  );
}
