ALTER TYPE "public"."measure_status" ADD VALUE 'dropped';--> statement-breakpoint
CREATE TABLE "measure_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"measure_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"action" text NOT NULL,
	"reason" text,
	"details" jsonb
);
--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "category_id" integer;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "done_on" date;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "dropped_reason" text;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "measure_history" ADD CONSTRAINT "measure_history_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_history" ADD CONSTRAINT "measure_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_history_measure_idx" ON "measure_history" USING btree ("measure_id","at");--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measures_status_idx" ON "measures" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "measures_category_idx" ON "measures" USING btree ("category_id","done_on");--> statement-breakpoint
-- Measures recorded before the register: done ones were done on their last change; their category is that of the
-- first complaint they answer.
UPDATE "measures" SET "done_on" = ("updated_at" AT TIME ZONE 'Europe/Amsterdam')::date WHERE "status"::text = 'done';--> statement-breakpoint
UPDATE "measures" m SET "category_id" = (
  SELECT c.category_id FROM "complaint_measures" cm JOIN "complaints" c ON c.id = cm.complaint_id
  WHERE cm.measure_id = m.id ORDER BY cm.linked_at, c.id LIMIT 1)
WHERE m."category_id" IS NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_done_check" CHECK (("measures"."done_on" is not null) = ("measures"."status"::text = 'done'));--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_dropped_check" CHECK (("measures"."dropped_reason" is not null) = ("measures"."status"::text = 'dropped'));--> statement-breakpoint
-- The measure history is append-only, like the complaint history (0001); the guard names the table it protects.
CREATE OR REPLACE FUNCTION complaint_history_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER measure_history_no_update_delete
  BEFORE UPDATE OR DELETE ON measure_history
  FOR EACH ROW EXECUTE FUNCTION complaint_history_append_only();
--> statement-breakpoint
CREATE TRIGGER measure_history_no_truncate
  BEFORE TRUNCATE ON measure_history
  FOR EACH STATEMENT EXECUTE FUNCTION complaint_history_append_only();
