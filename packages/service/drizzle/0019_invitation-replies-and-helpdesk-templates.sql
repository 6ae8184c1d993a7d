CREATE TABLE "helpdesk_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"event" text NOT NULL,
	"locale" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "helpdesk_templates_locale_check" CHECK ("helpdesk_templates"."locale" in ('en', 'de', 'ja'))
);
--> statement-breakpoint
ALTER TABLE "webhook_events" DROP CONSTRAINT "webhook_events_type_check";--> statement-breakpoint
ALTER TABLE "helpdesk_connections" ADD COLUMN "writes_invitation_replies" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "session_invitations" ADD COLUMN "helpdesk_join_url_sealed" text;--> statement-breakpoint
ALTER TABLE "helpdesk_templates" ADD CONSTRAINT "helpdesk_templates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_templates" ADD CONSTRAINT "helpdesk_templates_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "helpdesk_templates_organisation_event_locale_unique" ON "helpdesk_templates" USING btree ("organisation_id","event","locale");--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_type_check" CHECK ("webhook_events"."type" in ('session.created', 'session.customer_online', 'session.customer_left', 'session.closed', 'session.expired', 'connection.reported', 'connection.updated', 'teamviewer.connection_lost', 'invitation.sent'));