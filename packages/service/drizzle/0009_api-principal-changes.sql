-- An API request's principal is read from these four tables: the key, the user it acts for, and
-- that user's TeamViewer app and connection (findApiKey in src/db/repositories/api-keys.ts). On
-- the embedded database, Attendant keeps what it read in memory and forgets it when this
-- notification arrives, which is before the statement that changed the rows is answered
-- (src/api-keys/api-key-memory.ts, ADR 0014). A statement trigger: one notification per
-- statement, folded to one per table and transaction. ENABLE ALWAYS: it fires under
-- session_replication_role = replica too. PostgreSQL servers send it to nobody.
CREATE FUNCTION "notify_api_principal_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('api_principal_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "api_keys_principal_changed"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "api_keys"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_api_principal_changed"();
--> statement-breakpoint
ALTER TABLE "api_keys" ENABLE ALWAYS TRIGGER "api_keys_principal_changed";
--> statement-breakpoint
CREATE TRIGGER "users_principal_changed"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_api_principal_changed"();
--> statement-breakpoint
ALTER TABLE "users" ENABLE ALWAYS TRIGGER "users_principal_changed";
--> statement-breakpoint
CREATE TRIGGER "teamviewer_apps_principal_changed"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "teamviewer_apps"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_api_principal_changed"();
--> statement-breakpoint
ALTER TABLE "teamviewer_apps" ENABLE ALWAYS TRIGGER "teamviewer_apps_principal_changed";
--> statement-breakpoint
CREATE TRIGGER "teamviewer_connections_principal_changed"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "teamviewer_connections"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_api_principal_changed"();
--> statement-breakpoint
ALTER TABLE "teamviewer_connections" ENABLE ALWAYS TRIGGER "teamviewer_connections_principal_changed";
