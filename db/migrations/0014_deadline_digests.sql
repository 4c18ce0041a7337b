-- The morning deadline digest (issue 11): one row per user per working day it was made for, written in the same
-- transaction as its mail. The primary key makes it once per user per day, also with several app instances running
-- the scheduler. outbox_id is null when the list was empty and no mail was sent. No foreign key to users: a digest is
-- bookkeeping, not something that should keep an unused account from being deleted (db/settings.ts userReferences).
CREATE TABLE "deadline_digests" (
	"user_id" integer NOT NULL,
	"day" date NOT NULL,
	"outbox_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_digests_user_id_day_pk" PRIMARY KEY("user_id","day")
);
--> statement-breakpoint
ALTER TABLE "deadline_digests" ADD CONSTRAINT "deadline_digests_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE no action ON UPDATE no action;
