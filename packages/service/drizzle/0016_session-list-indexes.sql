DROP INDEX "support_sessions_assigned_idx";--> statement-breakpoint
DROP INDEX "support_sessions_ticket_idx";--> statement-breakpoint
CREATE INDEX "support_sessions_assigned_created_idx" ON "support_sessions" USING btree ("assigned_user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "support_sessions_ticket_created_idx" ON "support_sessions" USING btree ("ticket_id","created_at","id");