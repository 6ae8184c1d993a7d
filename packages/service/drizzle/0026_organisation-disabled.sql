ALTER TABLE "organisations" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
-- Hand-written: an API request's principal now also reads the key's organisation, to refuse a
-- disabled one (findApiKey in src/db/repositories/api-keys.ts). The same notification as the
-- other principal tables (migration 0009, ADR 0014), so the embedded database's memory of keys
-- forgets on disabling and enabling.
CREATE TRIGGER "organisations_principal_changed"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organisations"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_api_principal_changed"();
--> statement-breakpoint
ALTER TABLE "organisations" ENABLE ALWAYS TRIGGER "organisations_principal_changed";
