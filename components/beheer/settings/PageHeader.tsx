import Link from 'next/link';
import type { ReactNode } from 'react';

/** Title, an optional way back, an optional button to add a new item, and an introduction: the top of every settings page. */
export function PageHeader({
  title,
  intro,
  back,
  add,
}: {
  title: string;
  intro?: ReactNode;
  back?: { href: string; label: string };
  /** The page where a new item is made, and the button's text. */
  add?: { href: string; label: string };
}) {
  return (
    <header className="mb-6 space-y-2">
      {back ? (
        <p>
          <Link href={back.href} className="text-sm font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900">
            <span aria-hidden="true">← </span>
            {back.label}
          </Link>
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{title}</h1>
        {add ? (
          <Link href={add.href} className="btn-primary">
            {add.label}
          </Link>
        ) : null}
      </div>
      {intro ? <p className="max-w-prose text-stone-700">{intro}</p> : null}
    </header>
  );
}

/** "Actief" / "Uitgeschakeld" as a small badge. */
export function ActiveBadge({ active, labels }: { active: boolean; labels: { active: string; inactive: string } }) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded-full px-2.5 py-0.5 text-sm font-semibold ${active ? 'bg-brand-100 text-brand-900' : 'bg-stone-200 text-stone-800'}`}
    >
      {active ? labels.active : labels.inactive}
    </span>
  );
}

/** A titled block on a detail page. */
export function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="card space-y-3">
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A table that may scroll sideways on small screens; focusable, so keyboard users can scroll it too. */
export function ScrollArea({ label, children, className = '' }: { label: string; children: ReactNode; className?: string }) {
  return (
    // tabIndex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). relative: screen-reader-only texts in
    // the table are positioned inside it, not against the page (they would widen the page on a phone).
    <div role="region" aria-label={label} tabIndex={0} className={`relative overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
