DROP INDEX "connection_reports_ticket_idx";--> statement-breakpoint
DROP INDEX "connection_reports_support_session_idx";--> statement-breakpoint
CREATE INDEX "connection_reports_ticket_idx" ON "connection_reports" USING btree ("ticket_id","end_date") WHERE "connection_reports"."ticket_id" is not null;--> statement-breakpoint
CREATE INDEX "connection_reports_support_session_idx" ON "connection_reports" USING btree ("support_session_id") WHERE "connection_reports"."support_session_id" is not null;