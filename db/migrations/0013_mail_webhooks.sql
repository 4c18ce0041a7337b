-- Mail in and out through resend's webhooks (issue 11). Each webhook event is processed once: its id (the
-- `webhook-id` header) is recorded in the same transaction as its effect, so a replay finds it and does nothing.
CREATE TABLE "webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_events_id_check" CHECK (length("webhook_events"."id") between 1 and 200)
);
--> statement-breakpoint
-- What resend reported about a sent e-mail: delivered, delivery_delayed, bounced or complained, when, and its detail.
ALTER TABLE "outbox" ADD COLUMN "delivery_status" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "delivery_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "delivery_detail" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_delivery_status_check" CHECK ("outbox"."delivery_status" is null or "outbox"."delivery_status" in ('delivered', 'delivery_delayed', 'bounced', 'complained'));--> statement-breakpoint
CREATE INDEX "outbox_provider_idx" ON "outbox" USING btree ("provider_id") WHERE "outbox"."provider_id" is not null;--> statement-breakpoint
CREATE INDEX "outbox_bounced_idx" ON "outbox" USING btree ("complaint_id") WHERE "outbox"."delivery_status" = 'bounced' and "outbox"."status" = 'failed';--> statement-breakpoint
-- A mail that came in at the complaints address. Everything in it is as the sender claimed (From included) and is
-- only ever shown as text. A draft until a handler registers it as a complaint or marks it "geen klacht"; a reply
-- that names a known reference is attached to that complaint's file at once.
CREATE TABLE "inbound_mails" (
	"id" serial PRIMARY KEY NOT NULL,
	"provider_id" text NOT NULL,
	"from_address" text NOT NULL,
	"to_addresses" text NOT NULL,
	"subject" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"refused_attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text NOT NULL,
	"complaint_id" integer,
	"no_complaint_reason" text,
	"handled_by" integer,
	"handled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbound_mails_provider_id_unique" UNIQUE("provider_id"),
	CONSTRAINT "inbound_mails_state_check" CHECK ("inbound_mails"."state" in ('draft', 'reply', 'registered', 'no_complaint')),
	CONSTRAINT "inbound_mails_complaint_check" CHECK (("inbound_mails"."complaint_id" is not null) = ("inbound_mails"."state" in ('reply', 'registered'))),
	CONSTRAINT "inbound_mails_reason_check" CHECK (("inbound_mails"."no_complaint_reason" is not null) = ("inbound_mails"."state" = 'no_complaint'))
);
--> statement-breakpoint
ALTER TABLE "inbound_mails" ADD CONSTRAINT "inbound_mails_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_mails" ADD CONSTRAINT "inbound_mails_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbound_mails_draft_idx" ON "inbound_mails" USING btree ("received_at") WHERE "inbound_mails"."state" = 'draft';--> statement-breakpoint
CREATE INDEX "inbound_mails_complaint_idx" ON "inbound_mails" USING btree ("complaint_id") WHERE "inbound_mails"."complaint_id" is not null;--> statement-breakpoint
-- The files of an inbound mail that were kept: PDF, JPEG or PNG by content, within the same limits as a client's answer.
CREATE TABLE "inbound_mail_attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"inbound_mail_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbound_mail_attachments_type_check" CHECK ("inbound_mail_attachments"."content_type" in ('application/pdf', 'image/jpeg', 'image/png')),
	CONSTRAINT "inbound_mail_attachments_size_check" CHECK ("inbound_mail_attachments"."size_bytes" = octet_length("inbound_mail_attachments"."content") and "inbound_mail_attachments"."size_bytes" between 1 and 10485760),
	CONSTRAINT "inbound_mail_attachments_name_check" CHECK (length("inbound_mail_attachments"."file_name") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "inbound_mail_attachments" ADD CONSTRAINT "inbound_mail_attachments_inbound_mail_id_inbound_mails_id_fk" FOREIGN KEY ("inbound_mail_id") REFERENCES "public"."inbound_mails"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbound_mail_attachments_mail_idx" ON "inbound_mail_attachments" USING btree ("inbound_mail_id");
