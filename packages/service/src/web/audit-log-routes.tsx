/**
 * /audit: the audit log for admins and auditors, filtered by action, actor and date (days of the
 * reader's time zone),
 * newest first, 50 per page, each entry as a sentence with the stored entry (action code,
 * target, details) in a details element; /audit/export downloads the same selection as JSON lines.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { auditActions, exportAuditEventsAsJsonLines, listAuditEvents } from "../audit/audit-events.js";
import { describeAuditEvent } from "../audit/audit-sentence.js";
import type { AuditLogFilter } from "../db/repositories/audit-log.js";
import { listUsers } from "../db/repositories/users.js";
import { endOfZonedDay, startOfZonedDay } from "../i18n/index.js";
import type { SignedInEnv } from "../identity/current-session.js";
import type { IdentityDeps } from "../identity/identity-deps.js";
import { requireRole } from "../identity/require-user.js";
import type { FieldErrors } from "./forms.js";
import { SelectField, TextField } from "./forms.js";

const pageSize = 50;
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "audit.dateInvalid" })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { error: "audit.dateInvalid" });
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const filterSchema = z.object({
  action: optional(z.enum(auditActions, { error: "forms.invalid" })),
  actor: optional(z.uuid({ error: "forms.invalid" })),
  from: optional(isoDay),
  to: optional(isoDay),
  before: optional(z.coerce.number().int().positive({ error: "forms.invalid" })),
});
type Filters = z.output<typeof filterSchema>;

export function createAuditLogRoutes(deps: IdentityDeps): Hono<SignedInEnv> {
  const routes = new Hono<SignedInEnv>();
  const readers = requireRole("admin", "auditor");

  routes.get("/audit", readers, async (c) => {
    const parsed = filterSchema.safeParse(c.req.query());
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        errors[key] ??= issue.message === "audit.dateInvalid" ? "audit.dateInvalid" : "forms.invalid";
      }
      c.status(422);
      return renderAuditPage(c, deps, { query: c.req.query(), errors });
    }
    const page = await listAuditEvents(deps.database.db, toRepositoryFilter(c.get("user"), parsed.data), {
      limit: pageSize,
      ...(parsed.data.before === undefined ? {} : { beforeId: parsed.data.before }),
    });
    return renderAuditPage(c, deps, { query: c.req.query(), page });
  });

  routes.get("/audit/export", readers, (c) => {
    const parsed = filterSchema.safeParse(c.req.query());
    if (!parsed.success) return c.text(c.get("t").t("forms.invalid"), 422);
    const stream = exportAuditEventsAsJsonLines(
      deps.database.db,
      toRepositoryFilter(c.get("user"), parsed.data),
    );
    return c.body(stream, 200, {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Content-Disposition": 'attachment; filename="attendant-audit-log.jsonl"',
      "Cache-Control": "no-store",
    });
  });

  return routes;
}

function toRepositoryFilter(
  reader: { organisationId: string; timeZone: string },
  filters: Filters,
): AuditLogFilter {
  const { organisationId, timeZone } = reader;
  return {
    organisationId,
    ...(filters.action === undefined ? {} : { action: filters.action }),
    ...(filters.actor === undefined ? {} : { actorUserId: filters.actor }),
    ...(filters.from === undefined ? {} : { from: startOfZonedDay(filters.from, timeZone) }),
    // "to" names the last day shown, so the bound is the start of the next one.
    ...(filters.to === undefined ? {} : { to: new Date(endOfZonedDay(filters.to, timeZone).getTime() + 1) }),
  };
}

async function renderAuditPage(
  c: Context<SignedInEnv>,
  deps: IdentityDeps,
  state: {
    query: Record<string, string>;
    errors?: FieldErrors;
    page?: Awaited<ReturnType<typeof listAuditEvents>>;
  },
) {
  const t = c.get("t");
  const users = await listUsers(deps.database.db, c.get("user").organisationId);
  const userNames = new Map(users.map((user) => [user.id, user.displayName]));
  const { before: _before, ...filterQuery } = state.query;
  const exportQuery = new URLSearchParams(filterQuery).toString();
  const nextQuery =
    state.page?.nextBeforeId === undefined
      ? undefined
      : new URLSearchParams({ ...filterQuery, before: String(state.page.nextBeforeId) }).toString();
  return c.render(
    <>
      <form method="get" action="/audit" class="panel filters">
        <SelectField
          t={t}
          name="action"
          label={t.t("audit.action")}
          options={[
            { value: "", label: t.t("audit.any") },
            ...auditActions.map((a) => ({ value: a, label: a })),
          ]}
          value={state.query.action}
          error={state.errors?.action}
        />
        <SelectField
          t={t}
          name="actor"
          label={t.t("audit.actor")}
          options={[
            { value: "", label: t.t("audit.any") },
            ...users.map((user) => ({ value: user.id, label: user.email })),
          ]}
          value={state.query.actor}
          error={state.errors?.actor}
        />
        <TextField
          t={t}
          name="from"
          type="date"
          label={t.t("audit.from")}
          value={state.query.from}
          error={state.errors?.from}
        />
        <TextField
          t={t}
          name="to"
          type="date"
          label={t.t("audit.to")}
          value={state.query.to}
          error={state.errors?.to}
        />
        <button type="submit">{t.t("audit.filter")}</button>
        <a class="button secondary" href={`/audit/export${exportQuery ? `?${exportQuery}` : ""}`}>
          {t.t("audit.download")}
        </a>
      </form>
      {state.page && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.t("audit.when")}</th>
                <th scope="col">{t.t("audit.what")}</th>
                <th scope="col">{t.t("audit.address")}</th>
              </tr>
            </thead>
            <tbody>
              {state.page.events.length === 0 && (
                <tr>
                  <td colspan={3}>{t.t("audit.empty")}</td>
                </tr>
              )}
              {state.page.events.map((event) => (
                <tr>
                  <td>
                    <time datetime={event.occurredAt.toISOString()}>
                      {t.formatDateTime(event.occurredAt)}
                    </time>
                  </td>
                  <td>
                    {describeAuditEvent(t, event, userNames)}
                    {/* The entry as stored, for auditors: no JavaScript needed to open it. */}
                    <details class="audit-raw">
                      <summary>{t.t("audit.raw")}</summary>
                      <dl>
                        <dt>{t.t("audit.actor")}</dt>
                        <dd>{event.actor.label}</dd>
                        <dt>{t.t("audit.action")}</dt>
                        <dd>
                          <code>{event.action}</code>
                        </dd>
                        <dt>{t.t("audit.target")}</dt>
                        <dd>{event.target ? `${event.target.type} ${event.target.id ?? ""}` : "—"}</dd>
                        <dt>{t.t("audit.details")}</dt>
                        <dd>
                          <code class="long">{JSON.stringify(event.details)}</code>
                        </dd>
                      </dl>
                    </details>
                  </td>
                  <td>{event.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextQuery && (
        <p>
          <a href={`/audit?${nextQuery}`}>{t.t("audit.older")}</a>
        </p>
      )}
    </>,
    { title: t.t("audit.title") },
  );
}
