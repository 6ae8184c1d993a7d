CREATE TABLE "embed_assertion_nonces" (
	"integration_id" uuid NOT NULL,
	"nonce" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "embed_assertion_nonces_integration_id_nonce_pk" PRIMARY KEY("integration_id","nonce")
);
--> statement-breakpoint
CREATE TABLE "embed_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"integration_id" uuid NOT NULL,
	"ticket" jsonb NOT NULL,
	"theme" text,
	"locale" text,
	"csrf_secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "embed_sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "embedding_integrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"secret_encrypted" text NOT NULL,
	"allowed_origins" jsonb NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "embedding_integrations_kind_check" CHECK ("embedding_integrations"."kind" in ('hmac'))
);
--> statement-breakpoint
ALTER TABLE "embed_assertion_nonces" ADD CONSTRAINT "embed_assertion_nonces_integration_id_embedding_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."embedding_integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "embed_sessions" ADD CONSTRAINT "embed_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "embed_sessions" ADD CONSTRAINT "embed_sessions_integration_id_embedding_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."embedding_integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "embedding_integrations" ADD CONSTRAINT "embedding_integrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "embedding_integrations" ADD CONSTRAINT "embedding_integrations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "embed_assertion_nonces_expires_idx" ON "embed_assertion_nonces" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "embed_sessions_user_idx" ON "embed_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "embed_sessions_integration_idx" ON "embed_sessions" USING btree ("integration_id");--> statement-breakpoint
CREATE INDEX "embed_sessions_expires_idx" ON "embed_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "embedding_integrations_organisation_idx" ON "embedding_integrations" USING btree ("organisation_id","created_at");