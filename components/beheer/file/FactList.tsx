import type { Item } from '@/lib/complaints/file';

/** Labelled facts of a complaint as a description list. */
export function FactList({ items, wide = false }: { items: Item[]; wide?: boolean }) {
  return (
    <dl className={wide ? 'space-y-4' : 'grid grid-cols-1 gap-x-4 gap-y-3 sm:grid-cols-[minmax(8rem,max-content)_1fr]'}>
      {items.map((item) => (
        <div key={item.label} className={wide ? '' : 'contents'}>
          <dt className="text-sm font-semibold text-stone-700">{item.label}</dt>
          <dd className={`${item.muted ? 'italic text-stone-600' : 'text-stone-900'} ${item.multiline ? 'whitespace-pre-line' : ''} break-words`}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function Section({ title, id, children, className = '' }: { title: string; id: string; children: React.ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={`card ${className}`}>
      <h2 id={id} className="mb-4 text-lg font-bold text-stone-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
