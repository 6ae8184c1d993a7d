-- A user account's sync state (cursor, high-water, backfill) belongs to the TeamViewer account
-- its grant reads, not to the Attendant user: reconnecting to another TeamViewer account makes a
-- new sync account with its own backfill (src/reports/sync-sources.ts). Existing user accounts
-- are the TeamViewer account their user is connected to now; an account whose user has no
-- connection keeps null and is never revived.
DROP INDEX "report_sync_accounts_user_unique";--> statement-breakpoint
ALTER TABLE "report_sync_accounts" ADD COLUMN "teamviewer_user_id" text;--> statement-breakpoint
UPDATE "report_sync_accounts" SET "teamviewer_user_id" = "teamviewer_connections"."teamviewer_user_id"
  FROM "teamviewer_connections"
  WHERE "teamviewer_connections"."user_id" = "report_sync_accounts"."user_id";--> statement-breakpoint
CREATE UNIQUE INDEX "report_sync_accounts_user_account_unique" ON "report_sync_accounts" USING btree ("user_id","teamviewer_user_id");
