import type { AccessEntry } from '@/db/retention';
import type { AccessKind } from '@/db/schema';
import { formatDateTime } from '@/lib/complaints/file';
import { Section } from './FactList';

type Labels = { title: string; caption: string; empty: string; who: string; when: string; what: string; kinds: Record<AccessKind, string> };

/** "Ingezien door": who opened this complaint's file, dossier, attachments and letters (managers and admins only). */
export function AccessLogSection({ entries, labels }: { entries: AccessEntry[]; labels: Labels }) {
  return (
    <Section title={labels.title} id="access-log">
      <p className="mb-3 text-sm text-stone-600">{labels.caption}</p>
      {entries.length === 0 ? (
        <p className="text-stone-600">{labels.empty}</p>
      ) : (
        <table className="w-full text-left text-sm" data-testid="access-log">
          <thead>
            <tr className="border-b border-stone-300 text-stone-700">
              <th scope="col" className="py-1 pr-2 font-semibold">{labels.who}</th>
              <th scope="col" className="py-1 pr-2 font-semibold">{labels.when}</th>
              <th scope="col" className="py-1 font-semibold">{labels.what}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} className="border-b border-stone-100 align-top">
                <td className="py-1 pr-2 [overflow-wrap:anywhere]">{entry.userName}</td>
                <td className="py-1 pr-2 whitespace-nowrap">{formatDateTime(entry.at)}</td>
                <td className="py-1">{labels.kinds[entry.what] ?? entry.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
