CREATE TABLE "session_watch_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"next_watch_at" timestamp with time zone NOT NULL,
	"paused_until" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_watched_at" timestamp with time zone,
	"last_error_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_watch_accounts_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
ALTER TABLE "webhook_events" DROP CONSTRAINT "webhook_events_type_check";--> statement-breakpoint
ALTER TABLE "sync_leases" DROP CONSTRAINT "sync_leases_sync_account_id_report_sync_accounts_id_fk";
--> statement-breakpoint
-- Hand-written (drizzle-kit cannot name the old primary key): sync_leases is keyed by (job, id)
-- from now on; existing leases are the report sync's. PostgreSQL named the old key sync_leases_pkey.
ALTER TABLE "sync_leases" ADD COLUMN "job" text DEFAULT 'report-sync' NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_leases" DROP CONSTRAINT "sync_leases_pkey";--> statement-breakpoint
ALTER TABLE "sync_leases" ADD CONSTRAINT "sync_leases_job_sync_account_id_pk" PRIMARY KEY("job","sync_account_id");--> statement-breakpoint
-- End of the hand-written statements.
ALTER TABLE "session_watch_accounts" ADD CONSTRAINT "session_watch_accounts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_watch_accounts" ADD CONSTRAINT "session_watch_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_sessions_open_valid_until_idx" ON "support_sessions" USING btree ("valid_until") WHERE "support_sessions"."state" = 'open';--> statement-breakpoint
ALTER TABLE "sync_leases" ADD CONSTRAINT "sync_leases_job_check" CHECK ("sync_leases"."job" in ('report-sync', 'session-watch'));--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_type_check" CHECK ("webhook_events"."type" in ('session.created', 'session.customer_online', 'session.customer_left', 'session.closed', 'session.expired', 'connection.reported', 'connection.updated', 'teamviewer.connection_lost'));