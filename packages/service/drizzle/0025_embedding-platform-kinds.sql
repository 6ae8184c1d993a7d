ALTER TABLE "embedding_integrations" DROP CONSTRAINT "embedding_integrations_kind_check";--> statement-breakpoint
ALTER TABLE "embedding_integrations" ALTER COLUMN "secret_encrypted" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "embedding_integrations" ADD COLUMN "platform_config" jsonb;--> statement-breakpoint
ALTER TABLE "embedding_integrations" ADD CONSTRAINT "embedding_integrations_trust_check" CHECK (("embedding_integrations"."kind" = 'hmac') = ("embedding_integrations"."secret_encrypted" is not null and "embedding_integrations"."platform_config" is null));--> statement-breakpoint
ALTER TABLE "embedding_integrations" ADD CONSTRAINT "embedding_integrations_kind_check" CHECK ("embedding_integrations"."kind" in ('hmac', 'zendesk', 'forge'));