CREATE TABLE "organisation_brands" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"display_name" text,
	"accent_colour" text,
	"support_phone" text,
	"support_email" text,
	"support_url" text,
	"legal_url" text,
	"supporter_name_mode" text DEFAULT 'full' NOT NULL,
	"default_locale" text DEFAULT 'en' NOT NULL,
	"logo_base64" text,
	"logo_content_type" text,
	"logo_hash" text,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_brands_supporter_name_mode_check" CHECK ("organisation_brands"."supporter_name_mode" in ('full', 'first', 'none')),
	CONSTRAINT "organisation_brands_default_locale_check" CHECK ("organisation_brands"."default_locale" in ('en', 'de', 'ja')),
	CONSTRAINT "organisation_brands_logo_content_type_check" CHECK ("organisation_brands"."logo_content_type" is null or "organisation_brands"."logo_content_type" in ('image/png', 'image/jpeg', 'image/webp'))
);
--> statement-breakpoint
ALTER TABLE "join_links" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "organisation_brands" ADD CONSTRAINT "organisation_brands_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_brands" ADD CONSTRAINT "organisation_brands_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;