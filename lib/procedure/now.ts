import { amsterdamDate, type IsoDate } from './calendar';

/**
 * The current moment as the procedure sees it, safe to ship to the browser (the forms' schemas say "not in the future"
 * with it). Always the system clock, except inside a server-side replay of the procedure at a chosen moment (the demo
 * seed, through lib/server/chosen-now.ts `atInstant`).
 */

type NowSource = () => Date | undefined;

// Kept on globalThis so that Next's separately bundled modules share the one source.
const holder = globalThis as unknown as { __klachtloketNow?: NowSource };

export function currentInstant(): Date {
  return holder.__klachtloketNow?.() ?? new Date();
}

/** Today's calendar date in Europe/Amsterdam. */
export function currentDate(): IsoDate {
  return amsterdamDate(currentInstant());
}

/** Installs the server's source of a chosen moment (lib/server/chosen-now.ts); not for other callers. */
export function setNowSource(source: NowSource): void {
  holder.__klachtloketNow = source;
}
