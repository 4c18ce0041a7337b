-- Every settings change (users, categories, staff, contracting parties, organisation, procedure terms) leaves a trace:
-- who, when, what (the changed fields before and after; never password hashes or tokens). Written by the settings
-- actions in the transaction of the change. The subject has no foreign key: a user deleted after a typo keeps their
-- trace. Append-only, like the complaint history (0001): no code path can edit or remove an entry.
CREATE TABLE "settings_history" (
  "id" bigserial PRIMARY KEY,
  "at" timestamp with time zone DEFAULT now() NOT NULL,
  "actor_user_id" integer REFERENCES "users"("id"),
  "kind" text NOT NULL,
  "action" text NOT NULL,
  "subject_id" integer,
  "subject_label" text,
  "changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
  CONSTRAINT "settings_history_kind_check" CHECK ("kind" in ('user', 'category', 'staff', 'party', 'organisation', 'terms'))
);
--> statement-breakpoint
CREATE INDEX "settings_history_at_idx" ON "settings_history" ("at" DESC, "id" DESC);
--> statement-breakpoint
CREATE INDEX "settings_history_kind_idx" ON "settings_history" ("kind", "at" DESC, "id" DESC);
--> statement-breakpoint
CREATE FUNCTION settings_history_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'settings_history is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER settings_history_no_update_delete
  BEFORE UPDATE OR DELETE ON settings_history
  FOR EACH ROW EXECUTE FUNCTION settings_history_append_only();
--> statement-breakpoint
CREATE TRIGGER settings_history_no_truncate
  BEFORE TRUNCATE ON settings_history
  FOR EACH STATEMENT EXECUTE FUNCTION settings_history_append_only();
