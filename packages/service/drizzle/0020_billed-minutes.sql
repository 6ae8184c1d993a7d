-- The billable minutes a `Billed` record was billed with, so that changing the billing rules never
-- changes it (issue 25, "Billing that stays billed"; src/reports/billable-minutes.ts).
ALTER TABLE "connection_reports" ADD COLUMN "billed_minutes" integer;--> statement-breakpoint
-- Hand-written: records already `Billed` keep what they show today, under the rules in force now
-- (the organisation's saved rules, else whole minutes without a minimum). Same rounding as
-- computeBillableMinutes: any started increment counts whole, never below the minimum.
UPDATE "connection_reports" AS "report"
  SET "billed_minutes" = greatest(
    ceil(greatest("report"."duration_seconds", 0)::numeric / (coalesce("rules"."rounding_increment_minutes", 1) * 60))::integer
      * coalesce("rules"."rounding_increment_minutes", 1),
    coalesce("rules"."minimum_billable_minutes", 0))
  FROM "organisations" AS "organisation"
  LEFT JOIN "billing_rules" AS "rules" ON "rules"."organisation_id" = "organisation"."id"
  WHERE "report"."organisation_id" = "organisation"."id"
    AND "report"."billing_state" = 'Billed'
    AND "report"."duration_seconds" IS NOT NULL;
