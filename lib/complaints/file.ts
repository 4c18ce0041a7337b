import type {
  ComplaintFileHistoryEntry,
  ComplaintFileInvolved,
  ComplaintFileMeasure,
  ComplaintFileMessage,
  ComplaintFileQuestion,
  ComplaintFileRecord,
} from '@/db/complaint-file';
import type { ComplaintFileAttachment } from '@/db/attachments';
import { formatDate, formatMonths, formatTerm } from '@/lib/format';
import { ATTACHMENT_TYPES, formatFileSize, isAttachmentType } from './attachments';
import { amsterdamDate, compareIsoDates, type IsoDate } from '@/lib/procedure/dates';
import {
  checkIncidentAge,
  type Clock,
  type ClockInput,
  CLOCKS,
  type DeadlineState,
  deadlineState,
  describeDueDate,
  dueDateOf,
  type IncidentTime,
  nextDeadline,
  runningClocks,
  workingDaysUntil,
} from '@/lib/procedure/deadlines';
import { PROCEDURE_TIME_ZONE } from '@/lib/procedure/terms';
import type { MeasureStatus, Status } from '@/lib/procedure/vocabulary';

/**
 * The complaint file's view model: everything the page shows, worked out and written in Dutch. Pure: the data comes
 * from db/complaint-file.ts, the texts from the `beheer` messages through `t`, "today" from the caller.
 */

/** next-intl's translator for the `beheer` namespace (getTranslations on the server, createTranslator in tests). */
export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

export type ComplaintFileData = {
  record: ComplaintFileRecord;
  involved: ComplaintFileInvolved[];
  history: ComplaintFileHistoryEntry[];
  outbox: ComplaintFileMessage[];
  questions: ComplaintFileQuestion[];
  measures: ComplaintFileMeasure[];
  /** Files the client sent with answers on the status page (db/attachments.ts); absent: none loaded. */
  attachments?: ComplaintFileAttachment[];
};

export type Item = { label: string; value: string; muted?: boolean; multiline?: boolean };

export type ClockRow = {
  clock: Clock;
  label: string;
  due: IsoDate;
  dueText: string;
  /** Weekend or public holiday warning, with the internal target (the working day before). */
  warning: string | null;
  target: string | null;
  /** The due date before an extension. */
  extendedFrom: string | null;
  phase: 'running' | 'stopped' | 'not_applicable';
  /** Only while running. */
  state: DeadlineState | null;
  /** Stopped in time (true), late (false), or no verdict (null). */
  metInTime: boolean | null;
  stateLabel: string;
  detail: string | null;
};

export type HistoryRow = {
  id: number;
  at: string;
  atIso: string;
  who: string;
  action: string;
  statusChange: string | null;
  reason: string | null;
  details: Item[];
};

export type OutboxRow = {
  id: number;
  kind: string;
  medium: string;
  recipient: string;
  subject: string;
  status: 'pending' | 'sent' | 'failed';
  statusLabel: string;
  facts: string[];
  lastError: string | null;
  body: string;
};

/** A question to the client and its answer, as the file shows it. */
export type QuestionRow = {
  id: number;
  question: string;
  /** "Gevraagd op 3 maart 2026 door Sanne Jansen", with the date an answer was asked for. */
  asked: string;
  answer: string | null;
  /** When and how the answer came in, or that it is still open. */
  answered: string;
  open: boolean;
  /** Files the client sent with this answer: name, type and size, downloaded through `href`. */
  attachments?: AttachmentRow[];
};

export type AttachmentRow = { id: number; name: string; type: string; size: string; href: string };

/** A file as the file page lists it (the download route checks again who may see it). */
export function attachmentRow(file: Pick<ComplaintFileAttachment, 'id' | 'fileName' | 'contentType' | 'sizeBytes'>): AttachmentRow {
  const type = isAttachmentType(file.contentType) ? ATTACHMENT_TYPES[file.contentType].label : file.contentType;
  return { id: file.id, name: file.fileName, type, size: formatFileSize(file.sizeBytes, 'nl'), href: `/api/bijlagen/${file.id}` };
}

export type MeasureRow = { id: number; description: string; owner: string; due: string | null; status: MeasureStatus; statusLabel: string };

/** The outcome and the measures linked to the complaint (DESIGN rules 9, 10). */
export type OutcomeView = { outcome: Item; measures: MeasureRow[] };

export type ComplaintFileView = {
  id: number;
  reference: string;
  status: Status;
  statusLabel: string;
  subtitle: string;
  complaint: Item[];
  complainant: Item[];
  content: Item[];
  party: Item[];
  involved: { name: string; role: string; note: string | null }[];
  /** The copy to the person complained about and the hearing (Awb 9:9, 9:10). */
  hearingAndCopy: Item[];
  questions: QuestionRow[];
  clocks: ClockRow[];
  termsNote: string;
  oneYear: { title: string; body: string } | null;
  next: { clock: Clock; text: string; state: DeadlineState } | null;
  /** Once there is an outcome or a linked measure. */
  outcome: OutcomeView | null;
  history: HistoryRow[];
  outbox: OutboxRow[];
};

/** A path segment as a complaint id, or null (then the page is "not found"). */
export function parseComplaintId(raw: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= 2_147_483_647 ? id : null;
}

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { timeZone: PROCEDURE_TIME_ZONE, dateStyle: 'long', timeStyle: 'short' });

/** "12 maart 2026 om 14:05", in Europe/Amsterdam. */
export function formatDateTime(instant: Date): string {
  return dateTimeFormat.format(instant);
}

/** Calendar days from `from` to `to`. */
function daysBetween(from: IsoDate, to: IsoDate): number {
  const utc = (d: IsoDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

const longDate = (date: IsoDate) => formatDate(date, 'nl');
const fullDate = (date: IsoDate) => formatDate(date, 'nl', 'full');

function incidentOf(record: Pick<ComplaintFileRecord, 'incidentOngoing' | 'incidentDate' | 'receivedOn'>): IncidentTime {
  return record.incidentOngoing || !record.incidentDate ? { ongoing: true } : { ongoing: false, date: record.incidentDate };
}

/** The facts the clocks are derived from: the file's record, or the locked row a step works on. */
export function clockInputOf(
  record: Pick<ComplaintFileRecord, 'status' | 'receivedOn' | 'terms' | 'incidentOngoing' | 'incidentDate' | 'resolutionExtendedTo'>,
): ClockInput {
  return {
    status: record.status,
    receivedOn: record.receivedOn,
    terms: record.terms,
    incident: incidentOf(record),
    resolutionExtendedTo: record.resolutionExtendedTo,
  };
}

/** The history step that fulfils a clock (its timeliness is judged), and the steps that otherwise end it. */
const FULFILS: Record<Clock, string> = { acknowledgement: 'acknowledged', notAdmissibleNotice: 'not_admissible', resolution: 'resolved' };
const ENDS: Record<Clock, readonly string[]> = {
  acknowledgement: ['acknowledged', 'not_admissible', 'withdrawn', 'resolved'],
  notAdmissibleNotice: ['not_admissible', 'withdrawn', 'resolved'],
  resolution: ['resolved', 'not_admissible', 'withdrawn'],
};

export function historyActionLabel(t: Translate, action: string): string {
  return t.has(`file.history.actions.${action}`) ? t(`file.history.actions.${action}`) : action;
}

/** The three clocks with the complaint's own terms: due date, weekend/holiday warning, and whether and how it runs. */
export function clockRows(record: ComplaintFileRecord, history: readonly Pick<ComplaintFileHistoryEntry, 'action' | 'at'>[], today: IsoDate, t: Translate): ClockRow[] {
  const input = clockInputOf(record);
  const running = runningClocks(input);
  const { olderThanLimit } = checkIncidentAge(input.receivedOn, input.incident, input.terms);
  return CLOCKS.map((clock): ClockRow => {
    const due = dueDateOf(clock, input);
    const described = describeDueDate(due);
    const warning = described.nonWorkingDay
      ? described.nonWorkingDay.kind === 'holiday'
        ? t('file.clocks.holiday', { name: described.nonWorkingDay.name })
        : t('file.clocks.weekend')
      : null;
    const base = {
      clock,
      label: t(`common.clocks.${clock}`),
      due,
      dueText: fullDate(due),
      warning,
      target: warning ? t('file.clocks.target', { date: fullDate(described.internalTarget) }) : null,
      extendedFrom:
        clock === 'resolution' && record.resolutionExtendedTo
          ? t('file.clocks.extended', { date: longDate(dueDateOf('resolution', { ...input, resolutionExtendedTo: null })) })
          : null,
    };
    if (running.includes(clock)) {
      const state = deadlineState(due, today);
      const detail =
        state === 'overdue'
          ? t('file.clocks.daysLate', { count: daysBetween(due, today) })
          : t('file.clocks.daysLeft', { count: workingDaysUntil(today, due) });
      return { ...base, phase: 'running', state, metInTime: null, stateLabel: t(`common.deadlineStates.${state}`), detail };
    }
    if (clock === 'notAdmissibleNotice' && !olderThanLimit) {
      const limit = formatMonths(input.terms.incidentLimitMonths, 'nl');
      return {
        ...base,
        // A clock that does not run needs no weekend warning.
        warning: null,
        target: null,
        phase: 'not_applicable',
        state: null,
        metInTime: null,
        stateLabel: t('file.clocks.notApplicable'),
        detail: t('file.clocks.notApplicableNotice', { limit }),
      };
    }
    const end = history.find((entry) => ENDS[clock].includes(entry.action));
    if (!end) return { ...base, phase: 'stopped', state: null, metInTime: null, stateLabel: t('file.clocks.stopped'), detail: null };
    const on = amsterdamDate(end.at);
    const metInTime = end.action === FULFILS[clock] ? compareIsoDates(on, due) <= 0 : null;
    return {
      ...base,
      phase: 'stopped',
      state: null,
      metInTime,
      stateLabel: metInTime === null ? t('file.clocks.stopped') : t(metInTime ? 'file.clocks.metOnTime' : 'file.clocks.metLate'),
      detail: t('file.clocks.stoppedBy', { action: historyActionLabel(t, end.action), date: longDate(on) }),
    };
  });
}

const DATE_DETAILS = new Set(['receivedOn', 'earliestHandled', 'previousDue', 'newDue', 'incidentDate', 'withdrawnOn', 'answerBy', 'answeredOn', 'sentOn', 'on', 'previousOn', 'heldOn', 'consentOn', 'postedOn']);
const MULTILINE_DETAILS = new Set(['report', 'answer', 'question', 'judgement', 'findings', 'response', 'dissatisfaction', 'participants', 'measures']);
/** Ids are shown by the names stored next to them. */
const HIDDEN_DETAILS = new Set(['handlerId', 'staffId', 'contractingPartyId', 'outboxId', 'kind']);

function detailValue(t: Translate, key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return t(value ? 'file.history.yes' : 'file.history.no');
  if (key === 'channel' && typeof value === 'string' && t.has(`common.channels.${value}`)) return t(`common.channels.${value}`);
  if (key === 'medium' && typeof value === 'string' && t.has(`file.outbox.media.${value}`)) return t(`file.outbox.media.${value}`);
  if (key === 'outcome' && typeof value === 'string' && t.has(`file.history.outcomes.${value}`)) return t(`file.history.outcomes.${value}`);
  if (key === 'ground' && typeof value === 'string' && t.has(`file.history.grounds.${value}`)) return t(`file.history.grounds.${value}`);
  if (key === 'ground' && typeof value === 'string' && t.has(`file.history.skipGrounds.${value}`)) return t(`file.history.skipGrounds.${value}`);
  if (key === 'involvement' && typeof value === 'string' && t.has(`file.history.involvement.${value}`)) return t(`file.history.involvement.${value}`);
  if (key === 'via' && typeof value === 'string' && t.has(`file.history.media.${value}`)) return t(`file.history.media.${value}`);
  if (key === 'clientPartyChoice' && typeof value === 'string' && t.has(`register.partyChoices.${value}`)) return t(`register.partyChoices.${value}`);
  if (key === 'anonymisedFor' && typeof value === 'string' && t.has(`file.history.anonymisedReasons.${value}`)) return t(`file.history.anonymisedReasons.${value}`);
  if (key === 'days' && typeof value === 'number') return t('file.history.days', { count: value });
  if (DATE_DETAILS.has(key) && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return longDate(value);
  // A list of texts (e.g. measures) one per line; a list of names on one line.
  if (Array.isArray(value)) return value.map(String).join(MULTILINE_DETAILS.has(key) ? '\n' : ', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A history entry's details as labelled lines; unknown keys (from later steps) are shown as they are. */
/**
 * The order details are shown in (the database keeps jsonb keys in its own order); keys not listed come last, as stored.
 */
const DETAIL_ORDER = [
  'channel', 'receivedOn', 'olderThanLimit', 'incidentOlderThanLimit', 'incidentDate', 'earliestHandled',
  'ground', 'outcome', 'handlerName', 'previousHandlerName', 'name', 'involvement',
  'question', 'answer', 'answerBy', 'answeredOn', 'on', 'time', 'place', 'heldOn', 'participants', 'previousOn', 'report',
  'sentOn', 'via', 'recipient', 'medium', 'previousDue', 'newDue', 'days', 'consent', 'consentOn', 'consentHow',
  'judgement', 'measures', 'contractingPartyName', 'previousPartyName', 'clientPartyChoice', 'clientPartyName', 'dissatisfaction', 'response', 'withdrawnOn', 'late', 'blocksHandler',
];
const detailRank = (key: string) => {
  const rank = DETAIL_ORDER.indexOf(key);
  return rank === -1 ? DETAIL_ORDER.length : rank;
};

export function historyDetails(t: Translate, details: Record<string, unknown> | null): Item[] {
  if (!details) return [];
  const items: Item[] = [];
  const entries = Object.entries(details).sort(([a], [b]) => detailRank(a) - detailRank(b));
  for (const [key, raw] of entries) {
    if (HIDDEN_DETAILS.has(key)) continue;
    const value = detailValue(t, key, raw);
    if (value === null) continue;
    items.push({ label: t.has(`file.history.details.${key}`) ? t(`file.history.details.${key}`) : key, value, multiline: MULTILINE_DETAILS.has(key) });
  }
  return items;
}

export function historyRow(t: Translate, entry: ComplaintFileHistoryEntry): HistoryRow {
  const who = entry.actorUserId
    ? (entry.actorName ?? t('file.history.unknown'))
    : entry.actorLabel === 'client'
      ? t('file.history.client')
      : entry.actorLabel === 'system'
        ? t('file.history.system')
        : (entry.actorLabel ?? t('file.history.unknown'));
  const statusChange =
    entry.toStatus && entry.fromStatus && entry.fromStatus !== entry.toStatus
      ? t('file.history.statusChange', { from: t(`common.statuses.${entry.fromStatus}`), to: t(`common.statuses.${entry.toStatus}`) })
      : entry.toStatus && !entry.fromStatus
        ? t('file.history.statusSet', { to: t(`common.statuses.${entry.toStatus}`) })
        : null;
  return {
    id: entry.id,
    at: formatDateTime(entry.at),
    atIso: entry.at.toISOString(),
    who,
    action: historyActionLabel(t, entry.action),
    statusChange,
    reason: entry.reason,
    details: historyDetails(t, entry.details),
  };
}

export function outboxRow(t: Translate, message: ComplaintFileMessage): OutboxRow {
  const statusKey = message.status === 'pending' && message.medium === 'post' ? 'pendingPost' : message.status;
  const facts = [t('file.outbox.created', { date: formatDateTime(message.createdAt) })];
  if (message.postedOn) facts.push(t('file.outbox.postedOn', { date: longDate(message.postedOn) }));
  else if (message.sentAt) facts.push(t('file.outbox.sentAt', { date: formatDateTime(message.sentAt) }));
  if (message.attempts > 0) facts.push(t('file.outbox.attempts', { count: message.attempts }));
  if (message.status === 'pending' && message.medium === 'email' && message.attempts > 0) {
    facts.push(t('file.outbox.nextAttempt', { date: formatDateTime(message.nextAttemptAt) }));
  }
  return {
    id: message.id,
    kind: t.has(`file.outbox.kinds.${message.kind}`) ? t(`file.outbox.kinds.${message.kind}`) : message.kind,
    medium: t(`file.outbox.media.${message.medium}`),
    recipient: message.recipient,
    subject: message.subject,
    status: message.status,
    statusLabel: t(`file.outbox.statuses.${statusKey}`),
    facts,
    lastError: message.lastError ? t('file.outbox.lastError', { error: message.lastError }) : null,
    body: message.bodyText,
  };
}

/** The latest history entry of this action: the hearing's time and place, or the ground for not holding it. */
function latestDetails(history: readonly ComplaintFileHistoryEntry[], action: string): Record<string, unknown> {
  return history.findLast((entry) => entry.action === action)?.details ?? {};
}

/** Whether the person complained about has had a copy, and where the hearing stands. */
export function hearingAndCopyItems(
  t: Translate,
  record: Pick<ComplaintFileRecord, 'copySentOn' | 'hearingState' | 'hearingOn'>,
  involved: readonly Pick<ComplaintFileInvolved, 'involvement'>[],
  history: readonly ComplaintFileHistoryEntry[],
): Item[] {
  const copy: Item = record.copySentOn
    ? { label: t('file.procedure.copy'), value: t('file.procedure.copySent', { date: longDate(record.copySentOn) }) }
    : involved.some((person) => person.involvement === 'subject')
      ? { label: t('file.procedure.copy'), value: t('file.procedure.copyNotSent'), muted: true }
      : { label: t('file.procedure.copy'), value: t('file.procedure.copyNotNeeded'), muted: true };
  const label = t('file.procedure.hearing');
  const items: Item[] = [copy];
  switch (record.hearingState) {
    case null:
      items.push({ label, value: t('file.procedure.hearingNone'), muted: true });
      break;
    case 'planned': {
      const { time, place } = latestDetails(history, 'hearing_planned');
      const date = record.hearingOn ? fullDate(record.hearingOn) : '';
      items.push({ label, value: typeof time === 'string' && time ? t('file.procedure.hearingPlannedAt', { date, time }) : t('file.procedure.hearingPlanned', { date }) });
      if (typeof place === 'string' && place) items.push({ label: t('file.procedure.place'), value: place });
      break;
    }
    case 'held':
      items.push({ label, value: t('file.procedure.hearingHeld', { date: record.hearingOn ? longDate(record.hearingOn) : '' }) });
      break;
    case 'skipped': {
      const { ground } = latestDetails(history, 'hearing_skipped');
      const key = `file.history.skipGrounds.${String(ground)}`;
      items.push({ label, value: typeof ground === 'string' && t.has(key) ? t('file.procedure.hearingSkippedGround', { ground: t(key) }) : t('file.procedure.hearingSkipped') });
      break;
    }
  }
  return items;
}

export function questionRow(t: Translate, question: ComplaintFileQuestion): QuestionRow {
  const on = longDate(amsterdamDate(question.askedAt));
  const asked = [
    question.askedByName ? t('file.procedure.asked', { date: on, name: question.askedByName }) : t('file.procedure.askedOn', { date: on }),
    question.answerBy ? t('file.procedure.answerBy', { date: longDate(question.answerBy) }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const open = question.answer === null || question.answeredOn === null;
  const answered = open
    ? t('file.procedure.open')
    : t('file.procedure.answered', {
        date: longDate(question.answeredOn!),
        via: t(`file.procedure.answeredVia.${question.answerVia ?? 'client'}`),
      });
  return { id: question.id, question: question.question, asked, answer: question.answer, answered, open };
}

export function outcomeView(t: Translate, record: Pick<ComplaintFileRecord, 'outcome'>, measures: readonly ComplaintFileMeasure[]): OutcomeView | null {
  if (record.outcome === null && measures.length === 0) return null;
  return {
    outcome: record.outcome
      ? { label: t('file.outcome.outcome'), value: t(`file.history.outcomes.${record.outcome}`) }
      : { label: t('file.outcome.outcome'), value: t('file.outcome.none'), muted: true },
    measures: measures.map((m) => ({
      id: m.id,
      description: m.description,
      owner: m.owner,
      due: m.dueOn ? longDate(m.dueOn) : null,
      status: m.status,
      statusLabel: t(`file.outcome.statuses.${m.status}`),
    })),
  };
}

export function complaintFileView(data: ComplaintFileData, options: { today: IsoDate; t: Translate }): ComplaintFileView {
  const { record } = data;
  const { today, t } = options;
  const none = t('file.fields.none');
  const item = (label: string, value: string | null | undefined, extra: Partial<Item> = {}): Item =>
    value ? { label, value, ...extra } : { label, value: none, muted: true };

  const input = clockInputOf(record);
  const age = checkIncidentAge(record.receivedOn, input.incident, record.terms);
  const limit = formatMonths(record.terms.incidentLimitMonths, 'nl');
  const incidentText = record.incidentOngoing
    ? record.incidentDate
      ? t('file.fields.incidentOngoingSince', { date: longDate(record.incidentDate) })
      : t('file.fields.incidentOngoing')
    : record.incidentDate
      ? longDate(record.incidentDate)
      : none;
  const address =
    record.addressStreet && record.addressPostcode && record.addressCity
      ? `${record.addressStreet}\n${record.addressPostcode} ${record.addressCity}`
      : null;
  const next = nextDeadline(input);

  return {
    id: record.id,
    reference: record.reference,
    status: record.status,
    statusLabel: t(`common.statuses.${record.status}`),
    subtitle: t('file.subtitle', { date: longDate(record.receivedOn), channel: t(`common.channels.${record.channel}`), category: record.categoryName }),
    complaint: [
      item(t('file.fields.reference'), record.reference),
      item(t('file.fields.status'), t(`common.statuses.${record.status}`)),
      ...(record.status === 'not_admissible' && record.notAdmissibleGround
        ? [item(t('file.fields.notAdmissibleGround'), t(`file.history.grounds.${record.notAdmissibleGround}`))]
        : []),
      item(t('file.fields.channel'), t(`common.channels.${record.channel}`)),
      item(t('file.fields.receivedOn'), fullDate(record.receivedOn)),
      item(
        t('file.fields.registeredBy'),
        record.registeredById ? record.registeredByName : record.channel === 'online' ? t('file.fields.registeredByClient') : null,
      ),
      item(t('file.fields.category'), record.categoryName),
      record.handlerName ? item(t('file.fields.handler'), record.handlerName) : { label: t('file.fields.handler'), value: t('file.fields.noHandler'), muted: true },
      item(t('file.fields.locale'), t(`file.fields.locales.${record.locale}`)),
    ],
    complainant: [
      item(t('file.fields.name'), record.complainantName),
      item(t('file.fields.email'), record.complainantEmail),
      item(t('file.fields.phone'), record.complainantPhone),
      item(t('file.fields.address'), address, { multiline: true }),
    ],
    content: [
      item(t('file.fields.description'), record.description, { multiline: true }),
      item(t('file.fields.incident'), incidentText),
      item(t('file.fields.desiredOutcome'), record.desiredOutcome, { multiline: true }),
    ],
    party: [
      item(t('file.fields.partyChoice'), record.partyChoice === 'unknown' ? t('file.fields.partyUnknown') : t(`common.partyTypes.${record.partyChoice}`)),
      item(t('file.fields.partyName'), record.partyName),
      record.contractingPartyName
        ? item(t('file.fields.contractingParty'), `${record.contractingPartyName} (${t(`common.partyTypes.${record.contractingPartyType}`)})`)
        : { label: t('file.fields.contractingParty'), value: t('file.fields.notLinked'), muted: true },
    ],
    involved: data.involved.map((person) => ({
      name: person.name,
      role: t(`file.involved.${person.involvement}`),
      note: person.staffId === null
        ? t('file.involved.notLinked')
        : [person.team, person.staffActive === false ? t('file.involved.inactive') : null].filter(Boolean).join(', ') || null,
    })),
    hearingAndCopy: hearingAndCopyItems(t, record, data.involved, data.history),
    questions: data.questions.map((question) => {
      const files = (data.attachments ?? []).filter((file) => file.informationRequestId === question.id);
      const row = questionRow(t, question);
      return files.length > 0 ? { ...row, attachments: files.map(attachmentRow) } : row;
    }),
    clocks: clockRows(record, data.history, today, t),
    termsNote: t('file.clocks.termsNote', {
      ack: formatTerm(record.terms.acknowledgementDays, 'nl'),
      notice: formatTerm(record.terms.notAdmissibleNoticeDays, 'nl'),
      resolution: formatTerm(record.terms.resolutionDays, 'nl'),
    }),
    oneYear: age.olderThanLimit
      ? {
          title: t('file.oneYear.title', { limit }),
          body: t('file.oneYear.body', {
            incident: incidentText,
            limit,
            earliest: longDate(age.earliestHandled),
            noticeDue: fullDate(dueDateOf('notAdmissibleNotice', input)),
          }),
        }
      : null,
    next: next
      ? {
          clock: next.clock,
          text: t('file.next.due', { clock: t(`common.clocks.${next.clock}`), date: fullDate(next.due) }),
          state: deadlineState(next.due, today),
        }
      : null,
    outcome: outcomeView(t, record, data.measures),
    history: data.history.map((entry) => historyRow(t, entry)),
    outbox: data.outbox.map((message) => outboxRow(t, message)),
  };
}
