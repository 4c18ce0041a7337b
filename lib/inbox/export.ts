import type { Options } from 'csv-stringify';
import type { IsoDate } from '@/lib/procedure/dates';
import { type Clock, type DeadlineState, deadlineState } from '@/lib/procedure/deadlines';
import type {
  Channel,
  ClientContractingPartyChoice,
  ContractingPartyType,
  NotAdmissibleGround,
  Outcome,
  Status,
} from '@/lib/procedure/vocabulary';
import common from '@/lib/i18n/beheer/common.json';
import texts from '@/lib/i18n/beheer/export.json';
import type { InboxRecordInput } from './view';

/**
 * The CSV export of an inbox view (`/beheer/export?…` with the inbox's own URL parameters): the same complaints as the
 * inbox shows with those filters, all pages, in the same order. Pure: the columns, how each cell is written, and the
 * CSV dialect that Dutch Excel opens (UTF-8 with BOM, `;`, CRLF). The rows come from db/inbox-export.ts.
 */

/** One complaint as the export query reads it: the inbox's record plus the columns only the export shows. */
export type ExportRecord = InboxRecordInput & {
  partyName: string | null;
  partyType: ContractingPartyType | null;
  /** What the client said about the contracting party (used when no party is linked). */
  partyChoice: ClientContractingPartyChoice;
  acknowledgementDue: IsoDate;
  /** Only when the incident is older than the limit: the not-admissible notice clock runs only then. */
  noticeDue: IsoDate | null;
  /** The resolution due date in force (after extensions). */
  resolutionDue: IsoDate;
  /** The nearest running due date (the database's `next_due`, the same rule as `nextDeadline`); null when closed. */
  nextDue: IsoDate | null;
  extensionCount: number;
  outcome: Outcome | null;
  notAdmissibleGround: NotAdmissibleGround | null;
};

/** The column keys, in the order of the file. */
export const EXPORT_COLUMNS = [
  'reference',
  'complainant',
  'received',
  'channel',
  'status',
  'category',
  'handler',
  'party',
  'partyType',
  'nextClock',
  'nextDue',
  'deadlineState',
  'acknowledgementDue',
  'noticeDue',
  'resolutionDue',
  'extensions',
  'outcome',
  'ground',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** The words the file uses (Dutch, from lib/i18n/beheer/export.json and common.json). */
export type ExportLabels = {
  headers: Record<ExportColumn, string>;
  channels: Record<Channel, string>;
  statuses: Record<Status, string>;
  clocks: Record<Clock, string>;
  deadlineStates: Record<DeadlineState, string>;
  partyTypes: Record<ContractingPartyType | 'unknown', string>;
  outcomes: Record<Outcome, string>;
  grounds: Record<NotAdmissibleGround, string>;
};

/** The back-office's Dutch words for the file (the back-office is Dutch only). */
export const EXPORT_LABELS: ExportLabels = {
  headers: texts.headers,
  channels: common.channels,
  statuses: common.statuses,
  clocks: common.clocks,
  deadlineStates: common.deadlineStates,
  partyTypes: { ...common.partyTypes, unknown: texts.partyUnknown },
  outcomes: texts.outcomes,
  grounds: texts.grounds,
};

/** Cells that a spreadsheet would read as a formula (or that start with a control character it may strip). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises formula injection (CSV injection): a cell starting with = + - @ tab or CR gets a leading apostrophe, so
 * Excel and LibreOffice show it as text instead of running it. Everything else is kept as it is.
 */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The csv-stringify options: BOM, `;`, CRLF; every string cell neutralised; a cell quoted when it holds a quote, the
 * delimiter or a line break (including a lone CR, which csv-stringify would otherwise leave bare) or a tab.
 */
export const CSV_OPTIONS: Options = {
  bom: true,
  delimiter: ';',
  record_delimiter: 'windows',
  quoted_match: /[\r\n\t;"]/,
  cast: { string: (value: string) => neutralise(value) },
};

/** The header row. */
export function exportHeader(labels: ExportLabels): string[] {
  return EXPORT_COLUMNS.map((column) => labels.headers[column]);
}

const dayNumber = (date: IsoDate) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/**
 * The nearest deadline as the inbox shows it (`deadlineOf` in ./view.ts gives the same), from the due dates the database
 * derived, without recomputing them per row: at 100,000 rows the date arithmetic in the procedure's time zone would
 * dominate the export. Ties go to the earlier clock in procedure order, as in `nextDeadline`. Whether a deadline is
 * "due soon" (within 3 working days) is only worked out when it is at most two weeks away: no two weeks in the Dutch
 * calendar have fewer than 3 working days.
 */
export function exportDeadline(record: ExportRecord, today: IsoDate): { clock: Clock; due: IsoDate; state: DeadlineState } | null {
  const due = record.nextDue;
  if (!due) return null;
  const clock: Clock =
    record.status === 'received' && due === record.acknowledgementDue
      ? 'acknowledgement'
      : due === record.noticeDue
        ? 'notAdmissibleNotice'
        : 'resolution';
  const days = dayNumber(due) - dayNumber(today);
  const state: DeadlineState = days < 0 ? 'overdue' : days > 14 ? 'on_time' : deadlineState(due, today);
  return { clock, due, state };
}

/** One complaint as a row of cells (dates as yyyy-mm-dd, empty where nothing applies). */
export function exportRow(record: ExportRecord, today: IsoDate, labels: ExportLabels): string[] {
  const deadline = exportDeadline(record, today);
  const partyType: ContractingPartyType | 'unknown' = record.partyType ?? record.partyChoice;
  const cells: Record<ExportColumn, string> = {
    reference: record.reference,
    complainant: record.complainantName,
    received: record.receivedOn,
    channel: labels.channels[record.channel],
    status: labels.statuses[record.status],
    category: record.categoryName,
    handler: record.handlerName ?? '',
    party: record.partyName ?? '',
    partyType: labels.partyTypes[partyType],
    nextClock: deadline ? labels.clocks[deadline.clock] : '',
    nextDue: deadline?.due ?? '',
    deadlineState: deadline ? labels.deadlineStates[deadline.state] : '',
    acknowledgementDue: record.acknowledgementDue,
    noticeDue: record.noticeDue ?? '',
    resolutionDue: record.resolutionDue,
    extensions: String(record.extensionCount),
    outcome: record.outcome ? labels.outcomes[record.outcome] : '',
    ground: record.notAdmissibleGround ? labels.grounds[record.notAdmissibleGround] : '',
  };
  return EXPORT_COLUMNS.map((column) => cells[column]);
}

/** `klachten-2026-12-02.csv` */
export function exportFilename(today: IsoDate): string {
  return `klachten-${today}.csv`;
}
