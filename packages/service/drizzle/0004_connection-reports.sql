CREATE TABLE "connection_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"teamviewer_report_id" text NOT NULL,
	"sync_account_id" uuid,
	"teamviewer_user_id" text,
	"user_name" text,
	"device_id" text,
	"device_name" text,
	"group_id" text,
	"group_name" text,
	"support_session_type" integer,
	"start_date" timestamp with time zone,
	"end_date" timestamp with time zone,
	"duration_seconds" integer,
	"fee" numeric(14, 4),
	"currency" text,
	"billing_state" text,
	"notes" text,
	"session_code" text,
	"custom_api" text,
	"end_customer_name" text,
	"end_customer_email" text,
	"feedback_rating" integer,
	"feedback_comment" text,
	"raw" jsonb NOT NULL,
	"support_session_id" uuid,
	"ticket_id" uuid,
	"matched_by" text,
	"matched_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "connection_reports_matched_by_check" CHECK ("connection_reports"."matched_by" in ('custom_api', 'session_code', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "report_sync_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_kind" text NOT NULL,
	"user_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"status_changed_at" timestamp with time zone NOT NULL,
	"phase" text DEFAULT 'backfill' NOT NULL,
	"backfill_horizon" timestamp with time zone NOT NULL,
	"backfill_completed_at" timestamp with time zone,
	"cursor_window_from" timestamp with time zone,
	"cursor_offset_id" text,
	"high_water_end_date" timestamp with time zone,
	"next_sync_at" timestamp with time zone NOT NULL,
	"next_code_poll_at" timestamp with time zone NOT NULL,
	"paused_until" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_success_at" timestamp with time zone,
	"last_pass_completed_at" timestamp with time zone,
	"last_error_at" timestamp with time zone,
	"last_error" text,
	"records_synced" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_sync_accounts_source_kind_check" CHECK ("report_sync_accounts"."source_kind" in ('organisation', 'user')),
	CONSTRAINT "report_sync_accounts_status_check" CHECK ("report_sync_accounts"."status" in ('active', 'needs_reconnect', 'inactive')),
	CONSTRAINT "report_sync_accounts_phase_check" CHECK ("report_sync_accounts"."phase" in ('backfill', 'polling')),
	CONSTRAINT "report_sync_accounts_source_user_check" CHECK (("report_sync_accounts"."source_kind" = 'user') = ("report_sync_accounts"."user_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "sync_leases" (
	"sync_account_id" uuid PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"acquired_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connection_reports" ADD CONSTRAINT "connection_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_reports" ADD CONSTRAINT "connection_reports_sync_account_id_report_sync_accounts_id_fk" FOREIGN KEY ("sync_account_id") REFERENCES "public"."report_sync_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_reports" ADD CONSTRAINT "connection_reports_support_session_id_support_sessions_id_fk" FOREIGN KEY ("support_session_id") REFERENCES "public"."support_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_reports" ADD CONSTRAINT "connection_reports_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_sync_accounts" ADD CONSTRAINT "report_sync_accounts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_sync_accounts" ADD CONSTRAINT "report_sync_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_leases" ADD CONSTRAINT "sync_leases_sync_account_id_report_sync_accounts_id_fk" FOREIGN KEY ("sync_account_id") REFERENCES "public"."report_sync_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "connection_reports_organisation_report_unique" ON "connection_reports" USING btree ("organisation_id","teamviewer_report_id");--> statement-breakpoint
CREATE INDEX "connection_reports_organisation_end_idx" ON "connection_reports" USING btree ("organisation_id","end_date","id");--> statement-breakpoint
CREATE INDEX "connection_reports_ticket_idx" ON "connection_reports" USING btree ("ticket_id","end_date");--> statement-breakpoint
CREATE INDEX "connection_reports_support_session_idx" ON "connection_reports" USING btree ("support_session_id");--> statement-breakpoint
CREATE INDEX "connection_reports_unmatched_idx" ON "connection_reports" USING btree ("organisation_id","end_date") WHERE "connection_reports"."ticket_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "report_sync_accounts_organisation_source_unique" ON "report_sync_accounts" USING btree ("organisation_id") WHERE "report_sync_accounts"."source_kind" = 'organisation';--> statement-breakpoint
CREATE UNIQUE INDEX "report_sync_accounts_user_unique" ON "report_sync_accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "report_sync_accounts_due_idx" ON "report_sync_accounts" USING btree ("status","next_sync_at");