import type { ReactNode } from 'react';

/** The public pages' real root layout is app/[locale]/layout.tsx, which sets the page language. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
