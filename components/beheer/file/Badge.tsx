import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'info' | 'muted';

const TONES: Record<Tone, string> = {
  neutral: 'bg-stone-100 text-stone-800 ring-stone-300',
  good: 'bg-green-50 text-green-800 ring-green-600/30',
  warn: 'bg-amber-50 text-amber-900 ring-amber-600/40',
  bad: 'bg-red-50 text-red-800 ring-red-600/30',
  info: 'bg-brand-50 text-brand-900 ring-brand-600/30',
  muted: 'bg-white text-stone-600 ring-stone-300',
};

/** A small label; its meaning is always in the text, the colour only repeats it. */
export function Badge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-semibold ring-1 ring-inset ${TONES[tone]}`}>{children}</span>;
}
