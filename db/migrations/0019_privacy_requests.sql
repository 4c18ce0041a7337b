-- Privacy requests (AVG art. 15-17: access, correction, erasure) registered in the back-office, with their one-month
-- term (art. 12 (3)), an optional extension by at most two months with a reason, and an append-only event list.
CREATE TABLE "privacy_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"requester_name" text NOT NULL,
	"requester_email" text NOT NULL,
	"received_on" date NOT NULL,
	"received_via" text NOT NULL,
	"request_text" text NOT NULL,
	"due_on" date NOT NULL,
	"extended_to" date,
	"extension_reason" text,
	"outcome_reason" text,
	"closed_at" timestamp with time zone,
	"exported_at" timestamp with time zone,
	"registered_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_requests_kind_check" CHECK ("kind" in ('access', 'correction', 'erasure')),
	CONSTRAINT "privacy_requests_status_check" CHECK ("status" in ('open', 'extended', 'completed', 'refused')),
	CONSTRAINT "privacy_requests_via_check" CHECK ("received_via" in ('phone', 'email', 'post', 'in_person')),
	CONSTRAINT "privacy_requests_extension_check" CHECK (("extended_to" is null) = ("extension_reason" is null) and ("extended_to" is null or "extended_to" > "due_on")),
	CONSTRAINT "privacy_requests_closed_check" CHECK (("closed_at" is not null) = ("status" in ('completed', 'refused'))),
	CONSTRAINT "privacy_requests_refused_check" CHECK ("status" <> 'refused' or "outcome_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "privacy_requests" ADD CONSTRAINT "privacy_requests_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "privacy_requests_status_idx" ON "privacy_requests" USING btree ("status","due_on");--> statement-breakpoint
CREATE TABLE "privacy_request_complaints" (
	"request_id" integer NOT NULL,
	"complaint_id" integer NOT NULL,
	CONSTRAINT "privacy_request_complaints_pk" PRIMARY KEY("request_id","complaint_id")
);
--> statement-breakpoint
ALTER TABLE "privacy_request_complaints" ADD CONSTRAINT "privacy_request_complaints_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."privacy_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_request_complaints" ADD CONSTRAINT "privacy_request_complaints_complaint_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "privacy_request_complaints_complaint_idx" ON "privacy_request_complaints" USING btree ("complaint_id");--> statement-breakpoint
CREATE TABLE "privacy_request_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"action" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "privacy_request_events" ADD CONSTRAINT "privacy_request_events_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."privacy_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_request_events" ADD CONSTRAINT "privacy_request_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "privacy_request_events_request_idx" ON "privacy_request_events" USING btree ("request_id","id");--> statement-breakpoint
-- The event list is append-only, like the complaint and measure histories (0001, 0006), with its own guard (the
-- complaint history's guard knows that table's columns).
CREATE FUNCTION privacy_request_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'privacy_request_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER privacy_request_events_no_update_delete
  BEFORE UPDATE OR DELETE ON privacy_request_events
  FOR EACH ROW EXECUTE FUNCTION privacy_request_events_append_only();
--> statement-breakpoint
CREATE TRIGGER privacy_request_events_no_truncate
  BEFORE TRUNCATE ON privacy_request_events
  FOR EACH STATEMENT EXECUTE FUNCTION privacy_request_events_append_only();
