/** What a history entry records. Labels live in the message files (history.<action>). */
export const HISTORY_ACTIONS = [
  'received',
  'registered',
  'acknowledged',
  'assigned',
  'recused',
  'involved_added',
  'involved_removed',
  'info_requested',
  'info_received',
  'copy_sent',
  'hearing_planned',
  'hearing_held',
  'hearing_skipped',
  'extended',
  'resolved',
  'not_admissible',
  'withdrawn',
  'party_linked',
  'escalated',
  'closed_by_party',
  'reopened',
  'letter_posted',
  // The client on their status page (lib/complaints/steps/satisfaction.ts) and the lost-link form (lib/complaints/lost-link.ts).
  'satisfaction_given',
  'forward_requested',
  'status_link_renewed',
  'mail_received',
  // Everything personal removed (db/anonymise.ts): after the retention period or on an erasure request.
  'anonymised',
  // Contact details corrected on a privacy request (lib/privacy/commands.ts, AVG art. 16).
  'contact_corrected',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];
