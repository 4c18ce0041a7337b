import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uuid,
  customType,
} from 'drizzle-orm/pg-core';
import type { LetterDoc } from '@/lib/mail/letter';
import type { DeliveryStatus, InboundState, RefusedAttachment } from '@/lib/mail/inbound-rules';
import type { PrivacyKind, PrivacyStatus } from '@/lib/privacy/requests';
import type { ProcedureTerms } from '@/lib/procedure/terms';
import type { ContactMedium } from '@/lib/procedure/vocabulary';
import {
  CHANNELS,
  CLIENT_CONTRACTING_PARTY_CHOICES,
  CONTACT_MEDIA,
  CONTRACTING_PARTY_TYPES,
  HEARING_STATES,
  LOCALES,
  MEASURE_STATUSES,
  NOT_ADMISSIBLE_GROUNDS,
  OUTCOMES,
  ROLES,
  STATUSES,
} from '@/lib/procedure/vocabulary';

export const channelEnum = pgEnum('channel', CHANNELS);
export const statusEnum = pgEnum('complaint_status', STATUSES);
export const roleEnum = pgEnum('user_role', ROLES);
export const contractingPartyTypeEnum = pgEnum('contracting_party_type', CONTRACTING_PARTY_TYPES);
export const clientPartyChoiceEnum = pgEnum('client_party_choice', CLIENT_CONTRACTING_PARTY_CHOICES);
export const localeEnum = pgEnum('locale', LOCALES);
export const involvementEnum = pgEnum('involvement', ['subject', 'other']);
export const outboxStatusEnum = pgEnum('outbox_status', ['pending', 'sent', 'failed']);
export const mediumEnum = pgEnum('medium', ['email', 'post']);
export const outcomeEnum = pgEnum('outcome', OUTCOMES);
export const notAdmissibleGroundEnum = pgEnum('not_admissible_ground', NOT_ADMISSIBLE_GROUNDS);
export const hearingStateEnum = pgEnum('hearing_state', HEARING_STATES);
export const measureStatusEnum = pgEnum('measure_status', MEASURE_STATUSES);
export const contactMediumEnum = pgEnum('contact_medium', CONTACT_MEDIA);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: roleEnum('role').notNull(),
  passwordHash: text('password_hash'),
  active: boolean('active').notNull().default(true),
  /** Set for a one-time password: the user must choose their own at the next sign-in. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** Raised on deactivation, role or password change: sessions carrying an older value are no longer valid. */
  sessionVersion: integer('session_version').notNull().default(1),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/** Sign-in attempts, kept in the database so the lockout holds across server instances. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The e-mail address as typed (lower-cased), also for unknown accounts. */
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    success: boolean('success').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_email_idx').on(t.email, t.at), index('login_attempts_ip_idx').on(t.ip, t.at)],
);

/** Invitations to choose a password; only the hash of the link's token is stored. */
export const userInvites = pgTable('user_invites', {
  id: serial('id').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: createdAt(),
});

/** The organisation's details used in letters and on the public pages: one row. */
export const organisationSettings = pgTable(
  'organisation_settings',
  {
    id: integer('id').primaryKey().default(1),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    postalAddress: text('postal_address').notNull(),
    website: text('website'),
    /** Closing lines of letters, e.g. "Met vriendelijke groet, Klachtloket …". */
    signature: text('signature').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('organisation_settings_single_row', sql`${t.id} = 1`)],
);

export const categories = pgTable('categories', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameNl: text('name_nl').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

export const staff = pgTable('staff', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  team: text('team'),
  userId: integer('user_id').references(() => users.id),
  active: boolean('active').notNull().default(true),
});

export const contractingParties = pgTable('contracting_parties', {
  id: serial('id').primaryKey(),
  type: contractingPartyTypeEnum('type').notNull(),
  name: text('name').notNull(),
  contactEmail: text('contact_email'),
  active: boolean('active').notNull().default(true),
});

/** Procedure settings: the newest row is in force; complaints keep a copy of the terms they were received under. */
export const procedureSettings = pgTable('procedure_settings', {
  id: serial('id').primaryKey(),
  preset: text('preset').notNull(),
  terms: jsonb('terms').$type<ProcedureTerms>().notNull(),
  changedBy: integer('changed_by').references(() => users.id),
  createdAt: createdAt(),
});

/** One counter per year gives readable references (KL-2026-0042) that stay unique under concurrent submissions. */
export const referenceCounters = pgTable('reference_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

export const complaints = pgTable(
  'complaints',
  {
    id: serial('id').primaryKey(),
    reference: text('reference').notNull().unique(),
    status: statusEnum('status').notNull().default('received'),
    channel: channelEnum('channel').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    registeredBy: integer('registered_by').references(() => users.id),
    locale: localeEnum('locale').notNull().default('nl'),
    complainantName: text('complainant_name').notNull(),
    complainantEmail: text('complainant_email'),
    addressStreet: text('address_street'),
    addressPostcode: text('address_postcode'),
    addressCity: text('address_city'),
    complainantPhone: text('complainant_phone'),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    concernsStaffId: integer('concerns_staff_id').references(() => staff.id),
    concernsStaffText: text('concerns_staff_text'),
    description: text('description').notNull(),
    incidentDate: date('incident_date', { mode: 'string' }),
    incidentOngoing: boolean('incident_ongoing').notNull(),
    desiredOutcome: text('desired_outcome'),
    partyChoice: clientPartyChoiceEnum('party_choice').notNull(),
    partyName: text('party_name'),
    contractingPartyId: integer('contracting_party_id').references(() => contractingParties.id),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    terms: jsonb('terms').$type<ProcedureTerms>().notNull(),
    handlerId: integer('handler_id').references(() => users.id),
    /** The resolution due date set by the latest extension (issue: extend); null = receipt + the resolution term. */
    resolutionExtendedTo: date('resolution_extended_to', { mode: 'string' }),
    /** How often the resolution term was extended; beyond the terms' extensionsWithoutConsent only with the client's consent. */
    extensionCount: integer('extension_count').notNull().default(0),
    /** The day a copy of the complaint went to the person complained about (Awb 9:9). */
    copySentOn: date('copy_sent_on', { mode: 'string' }),
    /** The hearing (Awb 9:10): planned, held (report in the history) or skipped with a ground. */
    hearingState: hearingStateEnum('hearing_state'),
    /** The day the hearing is planned for or was held on. */
    hearingOn: date('hearing_on', { mode: 'string' }),
    /** Set when resolved; cleared when a manager reopens the complaint. */
    outcome: outcomeEnum('outcome'),
    notAdmissibleGround: notAdmissibleGroundEnum('not_admissible_ground'),
    // Derived by the database from the row itself, so they can never drift; lib/procedure/deadlines.ts computes the
    // same dates (a contract test checks both agree). They make the inbox sortable and filterable at volume.
    acknowledgementDue: date('acknowledgement_due', { mode: 'string' }).generatedAlwaysAs(
      sql`received_on + (terms->>'acknowledgementDays')::int`,
    ),
    noticeDue: date('notice_due', { mode: 'string' }).generatedAlwaysAs(sql`received_on + (terms->>'notAdmissibleNoticeDays')::int`),
    resolutionDue: date('resolution_due', { mode: 'string' }).generatedAlwaysAs(
      sql`coalesce(resolution_extended_to, received_on + (terms->>'resolutionDays')::int)`,
    ),
    incidentOlderThanLimit: boolean('incident_older_than_limit').generatedAlwaysAs(
      sql`coalesce(not incident_ongoing and incident_date < (received_on - make_interval(months => (terms->>'incidentLimitMonths')::int))::date, false)`,
    ),
    /** The nearest pending deadline of an open complaint (null when closed); see lib/procedure/deadlines.ts nextDeadline. */
    nextDue: date('next_due', { mode: 'string' }).generatedAlwaysAs(sql`case
      when status not in ('received', 'acknowledged', 'in_progress', 'info_requested') then null
      else least(
        case when status = 'received' then received_on + (terms->>'acknowledgementDays')::int end,
        case when not incident_ongoing and incident_date < (received_on - make_interval(months => (terms->>'incidentLimitMonths')::int))::date
          then received_on + (terms->>'notAdmissibleNoticeDays')::int end,
        coalesce(resolution_extended_to, received_on + (terms->>'resolutionDays')::int))
      end`),
    // When each clock stopped (dates in Europe/Amsterdam), kept exact by a trigger on complaint_history (migration 0007,
    // the same transaction as the step) for the management report (db/reports.ts):
    /** The day the complaint left 'received' (acknowledged, or closed before that): the acknowledgement clock stopped. */
    acknowledgedOn: date('acknowledged_on', { mode: 'string' }),
    /** The day it was declared not admissible: the not-admissible notice clock stopped. */
    notAdmissibleOn: date('not_admissible_on', { mode: 'string' }),
    /** The day of its current resolution (cleared by a reopen; kept through escalation). */
    resolvedOn: date('resolved_on', { mode: 'string' }),
    /** The day of its current closure: resolved, not admissible or withdrawn (cleared by a reopen; kept through escalation). */
    closedOn: date('closed_on', { mode: 'string' }),
    statusTokenHash: text('status_token_hash').notNull().unique(),
    idempotencyKey: uuid('idempotency_key').unique(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // The client's judgement of the outcome on their status page (migration 0010; rules in lib/procedure/satisfaction.ts):
    /** Satisfied with the outcome (true) or not (false); null = not said. Cleared by a reopen, with the outcome. */
    clientSatisfied: boolean('client_satisfied'),
    /** When the judgement in force was given (or last changed). */
    satisfactionAt: timestamp('satisfaction_at', { withTimezone: true }),
    /** When a client who is not satisfied asked us to forward the complaint to the contracting party. */
    forwardRequestedAt: timestamp('forward_requested_at', { withTimezone: true }),
    /** When everything personal was removed (db/anonymise.ts, migration 0018): after the retention period or on an erasure request. */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    anonymisedReason: text('anonymised_reason').$type<AnonymisedReason>(),
  },
  (t) => [
    index('complaints_received_on_idx').on(t.receivedOn),
    index('complaints_status_idx').on(t.status),
    index('complaints_next_due_idx').on(t.nextDue, t.id).where(sql`${t.nextDue} is not null`),
    index('complaints_handler_idx').on(t.handlerId, t.nextDue),
    // The management report (db/reports.ts), at a million complaints: each section reads one of these indexes only
    // (index-only scans), never the table. The cohort received in a period, with everything the cohort figures group by:
    index('complaints_report_received_idx').on(
      t.receivedOn,
      t.channel,
      t.status,
      t.categoryId,
      t.outcome,
      t.notAdmissibleGround,
      t.concernsStaffId,
      t.contractingPartyId,
      t.partyChoice,
    ),
    index('complaints_report_category_idx').on(t.categoryId, t.receivedOn),
    index('complaints_report_closed_idx').on(t.closedOn).where(sql`${t.closedOn} is not null`),
    index('complaints_report_resolved_idx').on(t.resolvedOn, t.receivedOn).where(sql`${t.resolvedOn} is not null`),
    // Per clock: its due date, and what says whether it stopped in time or is still running (db/report-conditions.ts).
    index('complaints_report_ack_due_idx').on(t.acknowledgementDue, t.status, t.acknowledgedOn),
    index('complaints_report_notice_due_idx').on(t.noticeDue, t.status, t.incidentOlderThanLimit, t.notAdmissibleOn),
    index('complaints_report_resolution_due_idx').on(t.resolutionDue, t.status, t.resolvedOn, t.extensionCount),
    // The inbox's free-text search (name and reference, word prefixes); the same expression as in db/inbox.ts. Without
    // fastupdate new rows go straight into the index instead of a pending list that every search would scan until the
    // next vacuum: complaints arrive a few a day, searches are many.
    index('complaints_search_idx')
      .using('gin', sql`to_tsvector('simple'::regconfig, translate(${t.complainantName} || ' ' || ${t.reference}, '-.', '  '))`)
      .with({ fastupdate: false }),
    check(
      'complaints_contact_check',
      sql`${t.complainantEmail} is not null or (${t.addressStreet} is not null and ${t.addressPostcode} is not null and ${t.addressCity} is not null) or ${t.anonymisedAt} is not null`,
    ),
    check(
      'complaints_anonymised_check',
      sql`(${t.anonymisedAt} is null) = (${t.anonymisedReason} is null) and (${t.anonymisedReason} is null or ${t.anonymisedReason} in ('retention', 'erasure'))`,
    ),
    index('complaints_anonymised_idx').on(t.anonymisedAt).where(sql`${t.anonymisedAt} is not null`),
    index('complaints_retention_idx').on(t.closedOn).where(sql`${t.closedOn} is not null and ${t.anonymisedAt} is null`),
    check('complaints_incident_check', sql`${t.incidentOngoing} or ${t.incidentDate} is not null`),
    // An outcome exactly when the complaint has been resolved (and stays through escalation); a ground exactly when not admissible.
    check('complaints_outcome_check', sql`(${t.outcome} is not null) = (${t.status} in ('resolved', 'escalated', 'closed_by_party'))`),
    check('complaints_ground_check', sql`(${t.notAdmissibleGround} is not null) = (${t.status} = 'not_admissible')`),
    check('complaints_extension_check', sql`${t.extensionCount} >= 0 and (${t.extensionCount} = 0) = (${t.resolutionExtendedTo} is null)`),
    check(
      'complaints_satisfaction_check',
      sql`(${t.clientSatisfied} is null) = (${t.satisfactionAt} is null)
        and (${t.clientSatisfied} is null or ${t.status} in ('resolved', 'escalated', 'closed_by_party'))
        and (${t.forwardRequestedAt} is null or ${t.clientSatisfied} = false)`,
    ),
    index('complaints_report_satisfaction_idx').on(t.receivedOn, t.categoryId, t.clientSatisfied, t.forwardRequestedAt).where(sql`${t.clientSatisfied} is not null`),
  ],
);

/** The staff a complaint is about and anyone else involved in it (never its handler). */
export const complaintInvolved = pgTable(
  'complaint_involved',
  {
    id: serial('id').primaryKey(),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
    staffId: integer('staff_id').references(() => staff.id),
    name: text('name').notNull(),
    involvement: involvementEnum('involvement').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('complaint_involved_complaint_idx').on(t.complaintId)],
);

/** Questions to the client and their answers (DESIGN rule 8); the resolution clock keeps running meanwhile. */
export const informationRequests = pgTable(
  'information_requests',
  {
    id: serial('id').primaryKey(),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
    question: text('question').notNull(),
    answerBy: date('answer_by', { mode: 'string' }),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    askedBy: integer('asked_by')
      .notNull()
      .references(() => users.id),
    answer: text('answer'),
    answeredOn: date('answered_on', { mode: 'string' }),
    /** How the answer came in; null when the client answered through the status page. */
    answerVia: contactMediumEnum('answer_via'),
    /** The staff member who typed the answer in; null when the client answered themself. */
    answerRecordedBy: integer('answer_recorded_by').references(() => users.id),
    /** The key of the status-page form that sent the client's answer: a re-post finds this answer (migration 0009). */
    answerIdempotencyKey: uuid('answer_idempotency_key').unique(),
  },
  (t) => [
    index('information_requests_complaint_idx').on(t.complaintId),
    check('information_requests_answer_check', sql`(${t.answer} is null) = (${t.answeredOn} is null)`),
  ],
);

/** Measures taken or planned after complaints (DESIGN rule 10): what, why, who owns it, by when, how far. */
export const measures = pgTable(
  'measures',
  {
    id: serial('id').primaryKey(),
    description: text('description').notNull(),
    /** Why the measure is taken (what went wrong, what it should prevent). */
    reason: text('reason'),
    owner: text('owner').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    /** The category of complaints the measure is meant to reduce ("did it help?" compares that category before and after). */
    categoryId: integer('category_id').references(() => categories.id),
    status: measureStatusEnum('status').notNull().default('planned'),
    /** The day the measure was done: set exactly when the status is done. */
    doneOn: date('done_on', { mode: 'string' }),
    /** Why the measure was dropped: set exactly when the status is dropped. */
    droppedReason: text('dropped_reason'),
    /** Raised on every change (optimistic locking, as for complaints). */
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('measures_status_idx').on(t.status, t.dueOn),
    index('measures_category_idx').on(t.categoryId, t.doneOn),
    // Compared as text: the migration adds the 'dropped' enum value in the same transaction.
    check('measures_done_check', sql`(${t.doneOn} is not null) = (${t.status}::text = 'done')`),
    check('measures_dropped_check', sql`(${t.droppedReason} is not null) = (${t.status}::text = 'dropped')`),
  ],
);

/** Append-only, like the complaint history: every change to a measure (who, when, what changed). */
export const measureHistory = pgTable(
  'measure_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    /** created, updated, status_changed, linked, unlinked */
    action: text('action').notNull(),
    reason: text('reason'),
    /** What changed: { field: { from, to } } for edits; { complaintId, reference } for links. */
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('measure_history_measure_idx').on(t.measureId, t.at)],
);

/** Which measures follow from which complaints (one measure can answer several complaints). */
export const complaintMeasures = pgTable(
  'complaint_measures',
  {
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
    measureId: integer('measure_id')
      .notNull()
      .references(() => measures.id),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.complaintId, t.measureId] }), index('complaint_measures_measure_idx').on(t.measureId)],
);

/** Append-only: the database refuses UPDATE and DELETE (trigger in the migrations). */
export const complaintHistory = pgTable(
  'complaint_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    /** Who acted when it was not a signed-in user: "client", "system". */
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    fromStatus: statusEnum('from_status'),
    toStatus: statusEnum('to_status'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('complaint_history_complaint_idx').on(t.complaintId, t.at)],
);

/** Outgoing mail and letters, written in the transaction of the state change and sent by a worker. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    complaintId: integer('complaint_id').references(() => complaints.id),
    kind: text('kind').notNull(),
    medium: mediumEnum('medium').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    status: outboxStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    providerId: text('provider_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
    /** The letter's structure (lib/mail/letter.ts): the HTML part and the dossier PDF are made from it at send time. */
    letter: jsonb('letter').$type<LetterDoc>(),
    /** A letter (medium post): the day staff put it in the post (the post room), and who recorded that. */
    postedOn: date('posted_on', { mode: 'string' }),
    postedBy: integer('posted_by').references(() => users.id),
    /** What resend reported after sending (webhook, lib/mail/webhooks.ts): delivered, delivery_delayed, bounced, complained. */
    deliveryStatus: text('delivery_status').$type<DeliveryStatus>(),
    deliveryAt: timestamp('delivery_at', { withTimezone: true }),
    deliveryDetail: text('delivery_detail'),
  },
  (t) => [
    index('outbox_pending_idx').on(t.status, t.nextAttemptAt),
    index('outbox_complaint_idx').on(t.complaintId),
    check('outbox_posted_check', sql`${t.postedOn} is null or (${t.medium} = 'post' and ${t.status} = 'sent')`),
    check('outbox_delivery_status_check', sql`${t.deliveryStatus} is null or ${t.deliveryStatus} in ('delivered', 'delivery_delayed', 'bounced', 'complained')`),
    index('outbox_provider_idx').on(t.providerId).where(sql`${t.providerId} is not null`),
    index('outbox_bounced_idx').on(t.complaintId).where(sql`${t.deliveryStatus} = 'bounced' and ${t.status} = 'failed'`),
  ],
);


/** Raw bytes (PostgreSQL bytea); every driver hands them back as a Uint8Array (node-postgres: a Buffer, which is one). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * Files the client sent with an answer on their status page (PDF, JPEG, PNG, checked by content: lib/complaints/attachments.ts).
 * Stored in the database, not on a file system, so the app runs the same on serverless hosting (migration 0009).
 */
export const complaintAttachments = pgTable(
  'complaint_attachments',
  {
    id: serial('id').primaryKey(),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
    /** The question whose answer the file came with. */
    informationRequestId: integer('information_request_id').references(() => informationRequests.id),
    fileName: text('file_name').notNull(),
    /** The type found in the content, never the one the browser claimed. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('complaint_attachments_complaint_idx').on(t.complaintId),
    check('complaint_attachments_type_check', sql`${t.contentType} in ('application/pdf', 'image/jpeg', 'image/png')`),
    check('complaint_attachments_size_check', sql`${t.sizeBytes} = octet_length(${t.content}) and ${t.sizeBytes} between 1 and 10485760`),
    check('complaint_attachments_name_check', sql`length(${t.fileName}) between 1 and 200`),
  ],
);

/**
 * The morning deadline digest (lib/mail/digest.ts): one row per user per working day it was made for, written in the
 * same transaction as its mail, so a user never gets two on one day, however many app instances run the scheduler.
 * `outboxId` is null when the list was empty (no mail). No foreign key to users (migration 0014).
 */
export const deadlineDigests = pgTable(
  'deadline_digests',
  {
    userId: integer('user_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }).references(() => outbox.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);

/** Resend webhook events already processed (their `webhook-id`), recorded in the transaction of their effect (0013). */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('webhook_events_id_check', sql`length(${t.id}) between 1 and 200`)],
);

/**
 * A mail that came in at the complaints address (resend inbound, lib/mail/inbound.ts). All of it is as the sender
 * claimed (From too) and is only shown as text; the HTML part is kept but never rendered. A draft until a handler
 * registers it or marks it "geen klacht"; a reply naming a known reference is attached to that complaint at once.
 */
export const inboundMails = pgTable(
  'inbound_mails',
  {
    id: serial('id').primaryKey(),
    providerId: text('provider_id').notNull().unique(),
    fromAddress: text('from_address').notNull(),
    toAddresses: text('to_addresses').notNull(),
    subject: text('subject').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    refusedAttachments: jsonb('refused_attachments').$type<RefusedAttachment[]>().notNull().default([]),
    state: text('state').$type<InboundState>().notNull(),
    complaintId: integer('complaint_id').references(() => complaints.id),
    noComplaintReason: text('no_complaint_reason'),
    handledBy: integer('handled_by').references(() => users.id),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('inbound_mails_draft_idx').on(t.receivedAt).where(sql`${t.state} = 'draft'`),
    index('inbound_mails_complaint_idx').on(t.complaintId).where(sql`${t.complaintId} is not null`),
    check('inbound_mails_state_check', sql`${t.state} in ('draft', 'reply', 'registered', 'no_complaint')`),
    check('inbound_mails_complaint_check', sql`(${t.complaintId} is not null) = (${t.state} in ('reply', 'registered'))`),
    check('inbound_mails_reason_check', sql`(${t.noComplaintReason} is not null) = (${t.state} = 'no_complaint')`),
  ],
);

/** The files of an inbound mail that were kept: PDF, JPEG or PNG by content, within the client answer's limits. */
export const inboundMailAttachments = pgTable(
  'inbound_mail_attachments',
  {
    id: serial('id').primaryKey(),
    inboundMailId: integer('inbound_mail_id')
      .notNull()
      .references(() => inboundMails.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('inbound_mail_attachments_mail_idx').on(t.inboundMailId),
    check('inbound_mail_attachments_type_check', sql`${t.contentType} in ('application/pdf', 'image/jpeg', 'image/png')`),
    check('inbound_mail_attachments_size_check', sql`${t.sizeBytes} = octet_length(${t.content}) and ${t.sizeBytes} between 1 and 10485760`),
    check('inbound_mail_attachments_name_check', sql`length(${t.fileName}) between 1 and 200`),
  ],
);

/**
 * Every settings change (lib/settings/history.ts): who, when, what (the changed fields before and after; never a
 * password hash or a token). Append-only in the database (migration 0017). No foreign key on the subject: a deleted
 * user keeps their trace.
 */
export const settingsHistory = pgTable(
  'settings_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    kind: text('kind').notNull(),
    action: text('action').notNull(),
    subjectId: integer('subject_id'),
    subjectLabel: text('subject_label'),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull().default({}),
  },
  (t) => [
    index('settings_history_at_idx').on(t.at.desc(), t.id.desc()),
    index('settings_history_kind_idx').on(t.kind, t.at.desc(), t.id.desc()),
    check('settings_history_kind_check', sql`${t.kind} in ('user', 'category', 'staff', 'party', 'organisation', 'terms')`),
  ],
);

/**
 * Back-office sign-ins (issue 12): one row per session, its id carried in the JWT. Signing out ends the row, so a
 * copied cookie stops working; the idle timeout and the absolute lifetime are checked against these times.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    signedInAt: timestamp('signed_in_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** signed-out | idle | expired */
    endReason: text('end_reason'),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);

/**
 * Fixed-window counters for the abuse limits (lib/server/rate-limit.ts, migration 0016): one row per limit and key
 * (e.g. `submit:addr:203.0.113.7`), counted up in one statement, so the limit holds across app instances and on all
 * three database drivers. Rows past `expiresAt` are reused in place and swept now and then.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    points: integer('points').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limits_expires_idx').on(t.expiresAt)],
);

/**
 * Privacy requests (AVG: access, correction, erasure; issue 12, migration 0019): registered by a manager or admin,
 * answered within `dataRequestMonths` of receipt (lib/privacy/requests.ts), extended once by at most two months with
 * a reason. The complaints they concern are linked in privacy_request_complaints; every step is an event below.
 */
export const privacyRequests = pgTable(
  'privacy_requests',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').$type<PrivacyKind>().notNull(),
    status: text('status').$type<PrivacyStatus>().notNull().default('open'),
    requesterName: text('requester_name').notNull(),
    requesterEmail: text('requester_email').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    receivedVia: text('received_via').$type<ContactMedium>().notNull(),
    requestText: text('request_text').notNull(),
    /** Receipt + dataRequestMonths (the term in force when it was registered). */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** The due date after the one extension (with its written reason); null when not extended. */
    extendedTo: date('extended_to', { mode: 'string' }),
    extensionReason: text('extension_reason'),
    /** Why it was refused (required), or a note on completion. */
    outcomeReason: text('outcome_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The last time the access export was made (downloaded). */
    exportedAt: timestamp('exported_at', { withTimezone: true }),
    registeredBy: integer('registered_by').references(() => users.id),
    /** When the requester's name, address and texts were removed, `retentionMonths` after closing (migration 0020). */
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('privacy_requests_status_idx').on(t.status, t.dueOn),
    check('privacy_requests_anonymised_check', sql`${t.anonymisedAt} is null or ${t.closedAt} is not null`),
    index('privacy_requests_retention_idx').on(t.closedAt).where(sql`${t.closedAt} is not null and ${t.anonymisedAt} is null`),
  ],
);

export const privacyRequestComplaints = pgTable(
  'privacy_request_complaints',
  {
    requestId: integer('request_id')
      .notNull()
      .references(() => privacyRequests.id),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
  },
  (t) => [primaryKey({ name: 'privacy_request_complaints_pk', columns: [t.requestId, t.complaintId] }), index('privacy_request_complaints_complaint_idx').on(t.complaintId)],
);

/** Append-only (trigger in migration 0019): who did what to a privacy request, and when. */
export const privacyRequestEvents = pgTable(
  'privacy_request_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: integer('request_id')
      .notNull()
      .references(() => privacyRequests.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    action: text('action').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('privacy_request_events_request_idx').on(t.requestId, t.id)],
);

export type AnonymisedReason = 'retention' | 'erasure';
export type AccessKind = 'file' | 'dossier' | 'attachment' | 'letter';

/**
 * Who opened which complaint file, dossier PDF, attachment or letter (issue 12, migration 0018): one row per opening,
 * written quietly next to the page (never in the procedure's history), shown on the file to managers and admins.
 */
export const complaintAccessLog = pgTable(
  'complaint_access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    what: text('what').$type<AccessKind>().notNull(),
  },
  (t) => [
    index('complaint_access_log_complaint_idx').on(t.complaintId, t.openedAt.desc(), t.id.desc()),
    check('complaint_access_log_what_check', sql`${t.what} in ('file', 'dossier', 'attachment', 'letter')`),
  ],
);
