import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ComponentProps, ReactNode } from 'react';
import { ActionButton } from './ActionButton';
import { ActiveBadge, ScrollArea } from './PageHeader';
import { statusNote, textLink } from './styles';

/**
 * The tables of the settings pages. A list page (users, categories, staff, contracting parties) is a `SettingsTable`
 * of `SettingsRow`s, each with a `StatusCell` and `RowActions`; `TableShell` is the bare table, also used compact
 * inside a section (procedure terms).
 */

/** A column head: its text, or its text with extra classes. */
export type Column = string | { label: ReactNode; className?: string };

const LOOKS = {
  /** A list in a card: grey head row, roomy cells. */
  list: { head: 'border-b border-stone-200 bg-stone-50 text-sm text-stone-700', cell: () => 'px-4 py-3', body: 'divide-y divide-stone-200' },
  /** Inside a section: no card, tighter cells. */
  compact: { head: 'border-b border-stone-200 text-sm text-stone-700', cell: (last: boolean) => (last ? 'py-2' : 'py-2 pr-4'), body: 'divide-y divide-stone-100' },
} as const;

const withClass = (base: string, extra?: string) => (extra ? `${base} ${extra}` : base);

/** A table with its caption for screen readers, one row of column heads, and the given body rows. */
export function TableShell({
  caption,
  columns,
  look = 'list',
  bodyClassName,
  children,
}: {
  caption: string;
  columns: Column[];
  look?: keyof typeof LOOKS;
  bodyClassName?: string;
  children: ReactNode;
}) {
  const style = LOOKS[look];
  return (
    <table className="w-full text-left">
      <caption className="sr-only">{caption}</caption>
      <thead className={style.head}>
        <tr>
          {columns.map((column, i) => {
            const { label, className } = typeof column === 'string' ? { label: column, className: undefined } : column;
            return (
              <th key={i} scope="col" className={withClass(style.cell(i === columns.length - 1), className)}>
                {label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody className={withClass(style.body, bodyClassName)}>{children}</tbody>
    </table>
  );
}

/** A settings list: a card that scrolls sideways on small screens, the given columns and one for the row actions. */
export async function SettingsTable({ caption, columns, children }: { caption: string; columns: Column[]; children: ReactNode }) {
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings.common' });
  return (
    <ScrollArea label={caption} className="card p-0">
      <TableShell caption={caption} columns={[...columns, { label: <span className="sr-only">{t('actions')}</span> }]}>
        {children}
      </TableShell>
    </ScrollArea>
  );
}

/** One item of a list; an item that is switched off is greyed out. */
export function SettingsRow({ active, testId, children }: { active: boolean; testId: string; children: ReactNode }) {
  return (
    <tr className={active ? '' : 'bg-stone-50 text-stone-600'} data-testid={testId}>
      {children}
    </tr>
  );
}

/** The status cell: "Actief" / "Uitgeschakeld" (or the given labels), then any further notes. */
export async function StatusCell({ active, labels, children }: { active: boolean; labels?: { active: string; inactive: string }; children?: ReactNode }) {
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings.common' });
  return (
    <td className="px-4 py-3">
      <ActiveBadge active={active} labels={labels ?? { active: t('active'), inactive: t('inactive') }} />
      {children}
    </td>
  );
}

/**
 * The last cell: "Wijzigen" (to the item's own page) and, with `setActive`, the button that switches the item off or
 * on again through that action (input `{ id, active }`).
 */
export async function RowActions({
  name,
  editHref,
  setActive,
}: {
  /** The item's name, for the buttons' accessible names. */
  name: string;
  editHref: string;
  setActive?: { action: ComponentProps<typeof ActionButton>['action']; id: number; active: boolean };
}) {
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings.common' });
  const edit = (
    <Link href={editHref} className={textLink} aria-label={t('editNamed', { name })}>
      {t('edit')}
    </Link>
  );
  if (!setActive) return <td className="px-4 py-3 text-right">{edit}</td>;
  const verb = setActive.active ? t('deactivate') : t('reactivate');
  return (
    <td className="px-4 py-3">
      <div className="flex items-center justify-end gap-3 whitespace-nowrap">
        {edit}
        <ActionButton action={setActive.action} input={{ id: setActive.id, active: !setActive.active }} variant="small" label={`${verb}: ${name}`}>
          {verb}
        </ActionButton>
      </div>
    </td>
  );
}

/** "Opgeslagen." above a list after coming back from an item's page (`?opgeslagen=1`). */
export async function SavedNote({ shown }: { shown: boolean }) {
  if (!shown) return null;
  const t = await getTranslations({ locale: 'nl', namespace: 'beheer.settings.common' });
  return (
    <p role="status" className={statusNote}>
      {t('saved')}
    </p>
  );
}
