ALTER TABLE "session_invitations" DROP CONSTRAINT "session_invitations_status_check";--> statement-breakpoint
ALTER TABLE "session_invitations" ADD COLUMN "request_id" uuid;--> statement-breakpoint
ALTER TABLE "session_invitations" ADD COLUMN "message_sealed" text;--> statement-breakpoint
ALTER TABLE "session_invitations" ADD COLUMN "replaced_join_token_hash" text;--> statement-breakpoint
ALTER TABLE "session_invitations" ADD COLUMN "lease_expires_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "session_invitations_request_unique" ON "session_invitations" USING btree ("session_id","request_id");--> statement-breakpoint
ALTER TABLE "session_invitations" ADD CONSTRAINT "session_invitations_status_check" CHECK ("session_invitations"."status" in ('sending', 'sent', 'captured', 'failed'));