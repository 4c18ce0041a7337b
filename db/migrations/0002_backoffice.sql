CREATE TABLE "login_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"success" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"email" text NOT NULL,
	"postal_address" text NOT NULL,
	"website" text,
	"signature" text NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_settings_single_row" CHECK ("organisation_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "user_invites" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_invites_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "resolution_extended_to" date;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "acknowledgement_due" date GENERATED ALWAYS AS (received_on + (terms->>'acknowledgementDays')::int) STORED;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "notice_due" date GENERATED ALWAYS AS (received_on + (terms->>'notAdmissibleNoticeDays')::int) STORED;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "resolution_due" date GENERATED ALWAYS AS (coalesce(resolution_extended_to, received_on + (terms->>'resolutionDays')::int)) STORED;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "incident_older_than_limit" boolean GENERATED ALWAYS AS (coalesce(not incident_ongoing and incident_date < (received_on - make_interval(months => (terms->>'incidentLimitMonths')::int))::date, false)) STORED;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "next_due" date GENERATED ALWAYS AS (case
      when status not in ('received', 'acknowledged', 'in_progress', 'info_requested') then null
      else least(
        case when status = 'received' then received_on + (terms->>'acknowledgementDays')::int end,
        case when not incident_ongoing and incident_date < (received_on - make_interval(months => (terms->>'incidentLimitMonths')::int))::date
          then received_on + (terms->>'notAdmissibleNoticeDays')::int end,
        coalesce(resolution_extended_to, received_on + (terms->>'resolutionDays')::int))
      end) STORED;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_sign_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD CONSTRAINT "organisation_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_invites" ADD CONSTRAINT "user_invites_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_invites" ADD CONSTRAINT "user_invites_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_email_idx" ON "login_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_idx" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "complaints_next_due_idx" ON "complaints" USING btree ("next_due","id") WHERE "complaints"."next_due" is not null;--> statement-breakpoint
CREATE INDEX "complaints_handler_idx" ON "complaints" USING btree ("handler_id","next_due");