-- The supporter's own comment written at the end of the session (`session_note`,
-- docs/teamviewer-api.md §4), a column of its own like the feedback comment, and what TeamViewer
-- holds beyond a report (chat transcript, summaries, screenshots), fetched once per report
-- (docs/adr/0025). Reports synced before the column existed already hold their note in `raw`:
-- copied over, so no note waits for a resync.
CREATE TABLE "connection_report_extras" (
	"connection_report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"content" jsonb,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "connection_report_extras_connection_report_id_kind_pk" PRIMARY KEY("connection_report_id","kind"),
	CONSTRAINT "connection_report_extras_kind_check" CHECK ("connection_report_extras"."kind" in ('chat_transcript', 'ai_summary', 'augmented_session_summary', 'screenshots')),
	CONSTRAINT "connection_report_extras_state_check" CHECK ("connection_report_extras"."state" in ('available', 'not_available'))
);
--> statement-breakpoint
ALTER TABLE "connection_reports" ADD COLUMN "session_note" text;--> statement-breakpoint
ALTER TABLE "connection_report_extras" ADD CONSTRAINT "connection_report_extras_connection_report_id_connection_reports_id_fk" FOREIGN KEY ("connection_report_id") REFERENCES "public"."connection_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
UPDATE "connection_reports" SET "session_note" = "raw"->>'session_note'
  WHERE jsonb_typeof("raw"->'session_note') = 'string' AND "raw"->>'session_note' <> '';
