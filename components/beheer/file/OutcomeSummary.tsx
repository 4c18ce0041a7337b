import type { MeasureStatus } from '@/lib/procedure/vocabulary';
import type { OutcomeView } from '@/lib/complaints/file';
import { Badge, type Tone } from './Badge';
import { FactList } from './FactList';

const STATUS_TONES: Record<MeasureStatus, Tone> = { planned: 'neutral', in_progress: 'warn', done: 'good', dropped: 'muted' };

/** The outcome of the complaint and the measures linked to it: what, who owns it, by when, how far. */
export function OutcomeSummary({
  view,
  labels,
}: {
  view: OutcomeView;
  labels: { measures: string; noMeasures: string; owner: string; due: string; noDue: string };
}) {
  return (
    <div className="space-y-5" data-testid="outcome">
      <FactList items={[view.outcome]} />
      <div>
        <h3 className="font-semibold text-stone-900">{labels.measures}</h3>
        {view.measures.length === 0 ? (
          <p className="mt-1 text-stone-600">{labels.noMeasures}</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200 rounded-md border border-stone-200" data-testid="measures">
            {view.measures.map((m) => (
              <li key={m.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <p className="whitespace-pre-line text-stone-900 [overflow-wrap:anywhere]">{m.description}</p>
                  <p className="mt-1 text-sm text-stone-700">
                    {labels.owner}: {m.owner} · {m.due ? `${labels.due} ${m.due}` : labels.noDue}
                  </p>
                </div>
                <Badge tone={STATUS_TONES[m.status]}>{m.statusLabel}</Badge>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
