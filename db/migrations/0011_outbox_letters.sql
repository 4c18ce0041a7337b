-- The letter's structure (lib/mail/letter.ts) next to its text: the worker renders the HTML part from it at send time,
-- and the escalation mail its dossier PDF. Null for rows written before, and for mails written as text only.
ALTER TABLE "outbox" ADD COLUMN "letter" jsonb;
