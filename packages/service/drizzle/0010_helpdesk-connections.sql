CREATE TABLE "helpdesk_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"base_url" text NOT NULL,
	"token_encrypted" text NOT NULL,
	"session_field" text NOT NULL,
	"last_checked_at" timestamp with time zone,
	"last_check_problems" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "helpdesk_connections_organisation_id_unique" UNIQUE("organisation_id"),
	CONSTRAINT "helpdesk_connections_kind_check" CHECK ("helpdesk_connections"."kind" in ('request-tracker'))
);
--> statement-breakpoint
ALTER TABLE "helpdesk_connections" ADD CONSTRAINT "helpdesk_connections_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;