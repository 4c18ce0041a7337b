DROP INDEX "complaints_report_received_idx";--> statement-breakpoint
DROP INDEX "complaints_report_resolved_idx";--> statement-breakpoint
DROP INDEX "complaints_report_ack_due_idx";--> statement-breakpoint
DROP INDEX "complaints_report_notice_due_idx";--> statement-breakpoint
DROP INDEX "complaints_report_resolution_due_idx";--> statement-breakpoint
CREATE INDEX "complaints_report_received_idx" ON "complaints" USING btree ("received_on","channel","status","category_id","outcome","not_admissible_ground","concerns_staff_id","contracting_party_id","party_choice");--> statement-breakpoint
CREATE INDEX "complaints_report_resolved_idx" ON "complaints" USING btree ("resolved_on","received_on") WHERE "complaints"."resolved_on" is not null;--> statement-breakpoint
CREATE INDEX "complaints_report_ack_due_idx" ON "complaints" USING btree ("acknowledgement_due","status","acknowledged_on");--> statement-breakpoint
CREATE INDEX "complaints_report_notice_due_idx" ON "complaints" USING btree ("notice_due","status","incident_older_than_limit","not_admissible_on");--> statement-breakpoint
CREATE INDEX "complaints_report_resolution_due_idx" ON "complaints" USING btree ("resolution_due","status","resolved_on","extension_count");