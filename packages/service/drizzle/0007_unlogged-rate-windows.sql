-- Rate-limit counters live one minute and are rewritten on every API request. Unlogged, they
-- write no WAL, so a request's count commits without waiting for a WAL flush. After a crash
-- PostgreSQL empties an unlogged table: every key then starts a fresh window, which is harmless.
-- Standbys do not receive unlogged tables either; after a failover the same applies.
ALTER TABLE "api_key_rate_windows" SET UNLOGGED;
