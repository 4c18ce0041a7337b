CREATE TYPE "public"."channel" AS ENUM('online', 'phone', 'email', 'post');--> statement-breakpoint
CREATE TYPE "public"."client_party_choice" AS ENUM('employer', 'municipality', 'uwv', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."contracting_party_type" AS ENUM('employer', 'municipality', 'uwv');--> statement-breakpoint
CREATE TYPE "public"."involvement" AS ENUM('subject', 'other');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('nl', 'en');--> statement-breakpoint
CREATE TYPE "public"."medium" AS ENUM('email', 'post');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'manager', 'handler');--> statement-breakpoint
CREATE TYPE "public"."complaint_status" AS ENUM('received', 'acknowledged', 'in_progress', 'info_requested', 'resolved', 'escalated', 'closed_by_party', 'not_admissible', 'withdrawn');--> statement-breakpoint
CREATE TABLE "categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "categories_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "complaint_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"complaint_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"actor_label" text,
	"action" text NOT NULL,
	"from_status" "complaint_status",
	"to_status" "complaint_status",
	"reason" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "complaint_involved" (
	"id" serial PRIMARY KEY NOT NULL,
	"complaint_id" integer NOT NULL,
	"staff_id" integer,
	"name" text NOT NULL,
	"involvement" "involvement" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" serial PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"status" "complaint_status" DEFAULT 'received' NOT NULL,
	"channel" "channel" NOT NULL,
	"received_on" date NOT NULL,
	"registered_by" integer,
	"locale" "locale" DEFAULT 'nl' NOT NULL,
	"complainant_name" text NOT NULL,
	"complainant_email" text,
	"address_street" text,
	"address_postcode" text,
	"address_city" text,
	"complainant_phone" text,
	"category_id" integer NOT NULL,
	"concerns_staff_id" integer,
	"concerns_staff_text" text,
	"description" text NOT NULL,
	"incident_date" date,
	"incident_ongoing" boolean NOT NULL,
	"desired_outcome" text,
	"party_choice" "client_party_choice" NOT NULL,
	"party_name" text,
	"contracting_party_id" integer,
	"consent_at" timestamp with time zone NOT NULL,
	"terms" jsonb NOT NULL,
	"handler_id" integer,
	"status_token_hash" text NOT NULL,
	"idempotency_key" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_reference_unique" UNIQUE("reference"),
	CONSTRAINT "complaints_status_token_hash_unique" UNIQUE("status_token_hash"),
	CONSTRAINT "complaints_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "complaints_contact_check" CHECK ("complaints"."complainant_email" is not null or ("complaints"."address_street" is not null and "complaints"."address_postcode" is not null and "complaints"."address_city" is not null)),
	CONSTRAINT "complaints_incident_check" CHECK ("complaints"."incident_ongoing" or "complaints"."incident_date" is not null)
);
--> statement-breakpoint
CREATE TABLE "contracting_parties" (
	"id" serial PRIMARY KEY NOT NULL,
	"type" "contracting_party_type" NOT NULL,
	"name" text NOT NULL,
	"contact_email" text,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"complaint_id" integer,
	"kind" text NOT NULL,
	"medium" "medium" NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"provider_id" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_settings" (
	"id" serial PRIMARY KEY NOT NULL,
	"preset" text NOT NULL,
	"terms" jsonb NOT NULL,
	"changed_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"team" text,
	"user_id" integer,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"password_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "complaint_history" ADD CONSTRAINT "complaint_history_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_history" ADD CONSTRAINT "complaint_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_involved" ADD CONSTRAINT "complaint_involved_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_involved" ADD CONSTRAINT "complaint_involved_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_concerns_staff_id_staff_id_fk" FOREIGN KEY ("concerns_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_contracting_party_id_contracting_parties_id_fk" FOREIGN KEY ("contracting_party_id") REFERENCES "public"."contracting_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_settings" ADD CONSTRAINT "procedure_settings_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_history_complaint_idx" ON "complaint_history" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE INDEX "complaint_involved_complaint_idx" ON "complaint_involved" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "complaints_received_on_idx" ON "complaints" USING btree ("received_on");--> statement-breakpoint
CREATE INDEX "complaints_status_idx" ON "complaints" USING btree ("status");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_complaint_idx" ON "outbox" USING btree ("complaint_id");