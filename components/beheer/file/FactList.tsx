import type { ReactNode } from 'react';
import type { Item } from '@/lib/complaints/file';

/** Labelled facts of a complaint: label beside value (`stacked`: label above value, for long texts). */
export function FactList({ items, stacked = false }: { items: Item[]; stacked?: boolean }) {
  return (
    <dl className={stacked ? 'space-y-4' : 'space-y-3 sm:grid sm:grid-cols-[9.5rem_minmax(0,1fr)] sm:gap-x-4 sm:gap-y-3 sm:space-y-0'}>
      {items.map((item) => (
        <div key={item.label} className={stacked ? '' : 'sm:contents'}>
          <dt className="text-sm font-semibold text-stone-700">{item.label}</dt>
          <dd className={`min-w-0 [overflow-wrap:anywhere] ${item.muted ? 'italic text-stone-600' : 'text-stone-900'} ${item.multiline ? 'whitespace-pre-line' : ''}`}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function Section({ title, id, children, className = '' }: { title: string; id: string; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={`card ${className}`}>
      <h2 id={id} className="mb-4 text-lg font-bold text-stone-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
