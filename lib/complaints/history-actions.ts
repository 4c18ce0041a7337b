/** What a history entry records. Labels live in the message files (history.<action>). */
export const HISTORY_ACTIONS = [
  'received',
  'registered',
  'acknowledged',
  'assigned',
  'info_requested',
  'info_received',
  'copy_sent',
  'hearing_held',
  'extended',
  'resolved',
  'not_admissible',
  'withdrawn',
  'escalated',
  'closed_by_party',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];
