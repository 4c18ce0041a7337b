/** Button looks of the settings pages, next to `.btn-primary` from app/globals.css. */
export const buttonSecondary =
  'inline-flex items-center justify-center gap-1 rounded-md border border-stone-400 bg-white px-4 py-2 font-semibold text-stone-800 shadow-sm hover:bg-stone-100 disabled:cursor-wait disabled:opacity-70';
export const buttonDanger =
  'inline-flex items-center justify-center gap-1 rounded-md border-2 border-red-700 bg-white px-4 py-2 font-semibold text-red-800 hover:bg-red-50 disabled:cursor-wait disabled:opacity-70';
export const buttonSmall =
  'inline-flex items-center justify-center rounded border border-stone-400 bg-white px-2.5 py-1 text-sm font-medium text-stone-800 hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-40';
export const statusNote = 'rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-brand-900';
export const textLink = 'font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900';
