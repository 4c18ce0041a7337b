CREATE TYPE "public"."contact_medium" AS ENUM('phone', 'email', 'post', 'in_person');--> statement-breakpoint
CREATE TYPE "public"."hearing_state" AS ENUM('planned', 'held', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."measure_status" AS ENUM('planned', 'in_progress', 'done');--> statement-breakpoint
CREATE TYPE "public"."not_admissible_ground" AS ENUM('incident_older_than_limit', 'handled_before', 'objection_or_appeal', 'criminal_investigation', 'interest_too_small');--> statement-breakpoint
CREATE TYPE "public"."outcome" AS ENUM('upheld', 'partly_upheld', 'not_upheld', 'resolved_to_satisfaction');--> statement-breakpoint
CREATE TABLE "complaint_measures" (
	"complaint_id" integer NOT NULL,
	"measure_id" integer NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_measures_complaint_id_measure_id_pk" PRIMARY KEY("complaint_id","measure_id")
);
--> statement-breakpoint
CREATE TABLE "information_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"complaint_id" integer NOT NULL,
	"question" text NOT NULL,
	"answer_by" date,
	"asked_at" timestamp with time zone NOT NULL,
	"asked_by" integer NOT NULL,
	"answer" text,
	"answered_on" date,
	"answer_via" "contact_medium",
	"answer_recorded_by" integer,
	CONSTRAINT "information_requests_answer_check" CHECK (("information_requests"."answer" is null) = ("information_requests"."answered_on" is null))
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" serial PRIMARY KEY NOT NULL,
	"description" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date,
	"status" "measure_status" DEFAULT 'planned' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "extension_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "copy_sent_on" date;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "hearing_state" "hearing_state";--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "hearing_on" date;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "outcome" "outcome";--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "not_admissible_ground" "not_admissible_ground";--> statement-breakpoint
ALTER TABLE "complaint_measures" ADD CONSTRAINT "complaint_measures_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_measures" ADD CONSTRAINT "complaint_measures_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_requests" ADD CONSTRAINT "information_requests_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_requests" ADD CONSTRAINT "information_requests_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_requests" ADD CONSTRAINT "information_requests_answer_recorded_by_users_id_fk" FOREIGN KEY ("answer_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_measures_measure_idx" ON "complaint_measures" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "information_requests_complaint_idx" ON "information_requests" USING btree ("complaint_id");--> statement-breakpoint
-- Complaints recorded before these columns existed: take their outcome, ground and extensions from their history.
UPDATE "complaints" c SET "outcome" = coalesce((
  SELECT (h.details->>'outcome')::"outcome" FROM "complaint_history" h
  WHERE h.complaint_id = c.id AND h.action = 'resolved' AND h.details->>'outcome' IN ('upheld', 'partly_upheld', 'not_upheld', 'resolved_to_satisfaction')
  ORDER BY h.id DESC LIMIT 1), 'not_upheld')
WHERE c.status IN ('resolved', 'escalated', 'closed_by_party');--> statement-breakpoint
UPDATE "complaints" c SET "not_admissible_ground" = coalesce((
  SELECT (h.details->>'ground')::"not_admissible_ground" FROM "complaint_history" h
  WHERE h.complaint_id = c.id AND h.action = 'not_admissible'
    AND h.details->>'ground' IN ('incident_older_than_limit', 'handled_before', 'objection_or_appeal', 'criminal_investigation', 'interest_too_small')
  ORDER BY h.id DESC LIMIT 1), 'incident_older_than_limit')
WHERE c.status = 'not_admissible';--> statement-breakpoint
UPDATE "complaints" c SET "extension_count" = greatest(1, (SELECT count(*) FROM "complaint_history" h WHERE h.complaint_id = c.id AND h.action = 'extended'))
WHERE c.resolution_extended_to IS NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_outcome_check" CHECK (("complaints"."outcome" is not null) = ("complaints"."status" in ('resolved', 'escalated', 'closed_by_party')));--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_ground_check" CHECK (("complaints"."not_admissible_ground" is not null) = ("complaints"."status" = 'not_admissible'));--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_extension_check" CHECK ("complaints"."extension_count" >= 0 and ("complaints"."extension_count" = 0) = ("complaints"."resolution_extended_to" is null));