-- The client's judgement of the outcome on their status page (issue 10): satisfied or not, when it was last given, and
-- when a client who is not satisfied asked us to forward the complaint to the contracting party. The history keeps
-- every judgement; these columns are the one in force, for the file page and the management report.
ALTER TABLE "complaints" ADD COLUMN "client_satisfied" boolean;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "satisfaction_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "forward_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_satisfaction_check" CHECK (
  ("client_satisfied" IS NULL) = ("satisfaction_at" IS NULL)
  AND ("client_satisfied" IS NULL OR "status" IN ('resolved', 'escalated', 'closed_by_party'))
  AND ("forward_requested_at" IS NULL OR "client_satisfied" = false)
);--> statement-breakpoint
-- The dashboard's satisfaction section (db/reports.ts) reads only this index: the complaints that answered, by receipt.
CREATE INDEX "complaints_report_satisfaction_idx" ON "complaints" USING btree ("received_on", "category_id", "client_satisfied", "forward_requested_at") WHERE "client_satisfied" IS NOT NULL;
