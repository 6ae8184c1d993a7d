ALTER TABLE "connection_reports" ADD COLUMN "write_back_pending" jsonb;--> statement-breakpoint
ALTER TABLE "connection_reports" ADD COLUMN "write_back_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "connection_reports" ADD COLUMN "write_back_lease_expires_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "connection_reports_write_back_pending_idx" ON "connection_reports" USING btree ("sync_account_id") WHERE "connection_reports"."write_back_pending" is not null;