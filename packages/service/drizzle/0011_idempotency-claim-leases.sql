-- An in-flight Idempotency-Key claim carries a short lease its owner renews while it works; a
-- lapsed lease means the owner died, and the next repeat reconciles the key (src/api/idempotency.ts,
-- docs/adr/0020-idempotency-reconciliation.md). Claims made before this migration have none and
-- count as lapsed.
ALTER TABLE "idempotency_keys" ADD COLUMN "lease_expires_at" timestamp with time zone;
