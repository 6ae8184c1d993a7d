-- The supporter's own comment written at the end of the session (`session_note`,
-- teamviewer-api.md §4), a column of its own like the feedback comment. Reports synced
-- before this column existed already hold it in `raw`: copied over, so no note waits for a resync.
ALTER TABLE "connection_reports" ADD COLUMN "session_note" text;
--> statement-breakpoint
UPDATE "connection_reports" SET "session_note" = "raw"->>'session_note'
  WHERE jsonb_typeof("raw"->'session_note') = 'string' AND "raw"->>'session_note' <> '';
