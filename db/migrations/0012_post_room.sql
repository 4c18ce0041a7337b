ALTER TABLE "outbox" ADD COLUMN "posted_on" date;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "posted_by" integer;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_posted_by_users_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_posted_check" CHECK ("outbox"."posted_on" is null or ("outbox"."medium" = 'post' and "outbox"."status" = 'sent'));
