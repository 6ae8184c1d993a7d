CREATE TABLE "helpdesk_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"base_url" text NOT NULL,
	"token_encrypted" text NOT NULL,
	"session_field" text NOT NULL,
	"note_locale" text DEFAULT 'en' NOT NULL,
	"writes_session_field" boolean DEFAULT true NOT NULL,
	"writes_session_notes" boolean DEFAULT false NOT NULL,
	"writes_connection_notes" boolean DEFAULT true NOT NULL,
	"last_checked_at" timestamp with time zone,
	"last_check_problems" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "helpdesk_connections_organisation_id_unique" UNIQUE("organisation_id"),
	CONSTRAINT "helpdesk_connections_kind_check" CHECK ("helpdesk_connections"."kind" in ('request-tracker')),
	CONSTRAINT "helpdesk_connections_note_locale_check" CHECK ("helpdesk_connections"."note_locale" in ('en', 'de', 'ja'))
);
--> statement-breakpoint
CREATE TABLE "helpdesk_report_writes" (
	"organisation_id" uuid NOT NULL,
	"connection_report_id" uuid NOT NULL,
	"ticket_external_id" text NOT NULL,
	"billable_minutes" integer NOT NULL,
	"billing_state" text NOT NULL,
	"notes" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "helpdesk_report_writes_organisation_id_connection_report_id_pk" PRIMARY KEY("organisation_id","connection_report_id")
);
--> statement-breakpoint
CREATE TABLE "helpdesk_writes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"ticket_external_id" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"locked_by" text,
	"outcome" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "helpdesk_writes_event_id_unique" UNIQUE("event_id"),
	CONSTRAINT "helpdesk_writes_state_check" CHECK ("helpdesk_writes"."state" in ('pending', 'done', 'failed', 'stopped'))
);
--> statement-breakpoint
ALTER TABLE "helpdesk_connections" ADD CONSTRAINT "helpdesk_connections_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_report_writes" ADD CONSTRAINT "helpdesk_report_writes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helpdesk_writes" ADD CONSTRAINT "helpdesk_writes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "helpdesk_writes_due_idx" ON "helpdesk_writes" USING btree ("next_attempt_at") WHERE "helpdesk_writes"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "helpdesk_writes_ticket_idx" ON "helpdesk_writes" USING btree ("organisation_id","ticket_external_id","created_at");--> statement-breakpoint
CREATE INDEX "helpdesk_writes_organisation_created_idx" ON "helpdesk_writes" USING btree ("organisation_id","created_at");