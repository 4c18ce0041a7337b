-- The client answers a question on their status page (DESIGN rule 8). The key of the form that sent the answer makes
-- a re-post (double click, retry) find the answer it already gave instead of recording it twice.
ALTER TABLE "information_requests" ADD COLUMN "answer_idempotency_key" uuid;--> statement-breakpoint
ALTER TABLE "information_requests" ADD CONSTRAINT "information_requests_answer_idempotency_key_unique" UNIQUE("answer_idempotency_key");--> statement-breakpoint
-- Files the client sent with an answer (PDF, JPEG, PNG; checked by their content). Kept in the database itself, not on
-- a file system, so the app runs the same on serverless hosting; part of the file like the answer they belong to.
CREATE TABLE "complaint_attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"complaint_id" integer NOT NULL,
	"information_request_id" integer,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_attachments_type_check" CHECK ("complaint_attachments"."content_type" in ('application/pdf', 'image/jpeg', 'image/png')),
	CONSTRAINT "complaint_attachments_size_check" CHECK ("complaint_attachments"."size_bytes" = octet_length("complaint_attachments"."content") and "complaint_attachments"."size_bytes" between 1 and 10485760),
	CONSTRAINT "complaint_attachments_name_check" CHECK (length("complaint_attachments"."file_name") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "complaint_attachments" ADD CONSTRAINT "complaint_attachments_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_attachments" ADD CONSTRAINT "complaint_attachments_information_request_id_information_requests_id_fk" FOREIGN KEY ("information_request_id") REFERENCES "public"."information_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_attachments_complaint_idx" ON "complaint_attachments" USING btree ("complaint_id");
