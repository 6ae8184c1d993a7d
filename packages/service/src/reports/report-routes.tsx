/**
 * The connection report pages (issue 6):
 *
 *   GET  /reports                     the organisation's reports: filters, downloads, keyset pages
 *   GET  /reports/unmatched           reports without a ticket, each attachable by hand
 *   GET  /reports/export?format=csv|jsonl&<filters>   streamed download (same filters as the list)
 *   GET  /reports/dashboard           charts over a range of days
 *   GET  /reports/sync-status         the sync's status as JSON (admins)
 *   POST /reports/sync                a sync pass now (admins)
 *   POST /reports/columns             the columns the report tables show (a cookie), then back
 *   GET  /reports/:id                 one report; POST /reports/:id/edit | attach
 *   GET  /reports/:id/screenshots/:s  one screenshot's image, fetched from TeamViewer on demand
 *   GET  /settings/billing, POST      the billing rules (admins)
 *
 * Who sees and changes what is decided by the use cases (report-access.ts): admins and auditors
 * see everything, supporters their own connections; auditors change nothing.
 */
import { randomUUID } from "node:crypto";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { listConnectedColleagues } from "../db/repositories/colleagues.js";
import type { AppEnv } from "../http/app-deps.js";
import { safeReturnPath } from "../identity/browser-session.js";
import type { SignedInEnv } from "../identity/current-session.js";
import { requireRole, requireUser } from "../identity/require-user.js";
import { cookiePolicyFor, readCookie, writeCookie } from "../identity/session-cookie.js";
import { isUuid } from "../sessions/pages/session-form-schemas.js";
import { webActorOf } from "../sessions/pages/web-actor.js";
import { renderNotFound } from "../web/error-pages.js";
import { type FieldErrors, FormError, type FormValues, readForm } from "../web/forms.js";
import type { WebExtensions } from "../web/web-extensions.js";
import { ConnectionReportError, connectionReportErrorStatus } from "./connection-report-error.js";
import { loadConnectionScreenshot } from "./connection-screenshot.js";
import { exportConnectionReports, toDownloadResponse } from "./export-connection-reports.js";
import {
  getConnectionReport,
  type ReportPage as ListedReportPage,
  listConnectionReports,
} from "./list-connection-reports.js";
import { getBillingRules, updateBillingRules } from "./organisation-billing-rules.js";
import { BillingRulesPage, billingRulesPath, billingRulesSchema } from "./pages/billing-rules-page.js";
import { DashboardPage } from "./pages/dashboard-page.js";
import { filterQueryString, parseReportFilters } from "./pages/report-filters.js";
import { ReportListPage } from "./pages/report-list-page.js";
import { ReportPage } from "./pages/report-page.js";
import { reportColumnsPath, reportPath } from "./pages/report-table.js";
import {
  chooseColumns,
  hiddenColumnsCookieValue,
  hiddenColumnsFrom,
  reportColumnsCookie,
} from "./report-columns.js";
import {
  daysInRange,
  defaultDashboardRange,
  loadReportDashboard,
  maxDashboardDays,
} from "./report-dashboard.js";
import { exportFormats } from "./report-export-format.js";
import type { ReportSyncDeps } from "./report-sync-deps.js";
import { runReportSyncPass } from "./run-sync-pass.js";
import { getReportSyncStatus } from "./sync-status.js";
import { attachReportToTicket } from "./unmatched-reports.js";
import { billingStates, updateConnectionReport } from "./update-connection-report.js";

export interface ReportPageDeps extends ReportSyncDeps {
  web: WebExtensions;
}

type SignedInContext = Context<SignedInEnv>;

const editSchema = z.object({
  notes: z.string().max(4000, { error: "forms.tooLong" }).default(""),
  billing_state: z
    .enum(["", ...billingStates], { error: "forms.invalid" })
    .optional()
    .transform((value) => (value === "" ? undefined : value)),
});

const attachSchema = z.object({
  ticket: z.string().trim().min(1, { error: "common.required" }).max(200, { error: "forms.tooLong" }),
});

const pageSize = 50;
/** A column choice is kept for a year, like the language choice. */
const columnChoiceMaxAgeSeconds = 365 * 24 * 60 * 60;

/** A form field sent once, many times, or not at all, as its text values. */
function formStrings(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.filter((item): item is string => typeof item === "string");
}
/** "Sync now" waits out a short Retry-After, not a long one: the person is waiting. */
const syncNowMaxWaitMs = 15_000;

export function createReportRoutes(deps: ReportPageDeps): Hono<AppEnv> {
  deps.web.addNavEntry({ href: "/reports", label: "nav.reports" });
  deps.web.addNavEntry({ href: billingRulesPath, label: "nav.billing", roles: ["admin"] });
  const routes = new Hono<SignedInEnv>();

  routes.get("/reports/sync-status", requireRole("admin"), async (c) => {
    const status = await getReportSyncStatus(deps, { actor: webActorOf(c) });
    c.header("cache-control", "no-store");
    return c.json(status);
  });

  routes.post("/reports/sync", requireRole("admin"), async (c) => {
    const actor = webActorOf(c);
    const summary = await runReportSyncPass(deps, {
      organisationId: actor.organisationId,
      instanceId: `web-${randomUUID()}`,
      maxWaitMs: syncNowMaxWaitMs,
    });
    const incomplete = summary.accounts.filter((account) => account.outcome !== "completed").length;
    const outcome = new URLSearchParams({
      notice: "synced",
      received: String(summary.received),
      rematched: String(summary.rematched),
      incomplete: String(incomplete),
    });
    return c.redirect(`/reports?${outcome}`, 303);
  });

  routes.post(reportColumnsPath, requireUser, async (c) => {
    const { t } = c.get("t");
    const body = await c.req.parseBody({ all: true });
    const policy = cookiePolicyFor(deps.config.publicUrl);
    const before = hiddenColumnsFrom(readCookie(c, policy, reportColumnsCookie));
    const choice = chooseColumns(before, formStrings(body.offered), formStrings(body.column));
    const returnTo = safeReturnPath(
      typeof body.returnTo === "string" ? body.returnTo : undefined,
      new URL(deps.config.publicUrl).origin,
    );
    if (choice.kind === "unknown") {
      c.status(400);
      return c.render(
        <>
          <FormError message={t("reports.columns.unknown", { names: choice.names.join(", ") })} />
          <p>
            <a href={returnTo}>{t("common.back")}</a>
          </p>
        </>,
        { title: t("reports.columns.title") },
      );
    }
    writeCookie(c, policy, reportColumnsCookie, hiddenColumnsCookieValue(choice.hidden), {
      maxAgeSeconds: columnChoiceMaxAgeSeconds,
    });
    return c.redirect(returnTo, 303);
  });

  routes.get("/reports", requireUser, (c) => renderList(c, "all"));
  routes.get("/reports/unmatched", requireUser, (c) => renderList(c, "unmatched"));

  routes.get("/reports/export", requireUser, async (c) => {
    const format = c.req.query("format");
    const filters = parseReportFilters(c.req.query(), c.get("t").timeZone);
    const isKnownFormat = (exportFormats as readonly string[]).includes(format ?? "");
    if (!isKnownFormat || filters.query === undefined) {
      // A hand-made link with a bad value: the list shows what is wrong.
      return renderList(c, "all", isKnownFormat ? undefined : c.get("t").t("reports.error.format"));
    }
    const download = await exportConnectionReports(deps, {
      actor: webActorOf(c),
      query: filters.query,
      format: format as (typeof exportFormats)[number],
      timeZone: c.get("t").timeZone,
    });
    return toDownloadResponse(download);
  });

  routes.get("/reports/dashboard", requireUser, async (c) => {
    const t = c.get("t");
    const defaults = defaultDashboardRange(deps.clock.now(), t.timeZone);
    const query = c.req.query();
    const values: FormValues = { from: query.from || defaults.from, to: query.to || defaults.to };
    const parsed = parseReportFilters(values, t.timeZone);
    const errors: FieldErrors = { ...parsed.errors };
    const { from, to } = parsed.dates;
    if (from !== undefined && to !== undefined && daysInRange(from, to) > maxDashboardDays) {
      errors.to = "reports.error.rangeTooLong";
    }
    const isValid = Object.keys(errors).length === 0 && from !== undefined && to !== undefined;
    if (!isValid) c.status(400);
    const dashboard = isValid
      ? await loadReportDashboard(deps, { actor: webActorOf(c), from, to, timeZone: t.timeZone })
      : undefined;
    return c.render(<DashboardPage t={t} view={{ dashboard, values, errors }} />, {
      title: t.t("reports.dashboard.title"),
    });
  });

  routes.get(billingRulesPath, requireRole("admin"), async (c) => {
    const notice = c.req.query("notice") === "saved" ? c.get("t").t("billing.saved") : undefined;
    return renderBillingRules(c, { values: {}, errors: {}, notice });
  });

  routes.post(billingRulesPath, requireRole("admin"), async (c) => {
    const form = await readForm(c, billingRulesSchema);
    if (!form.isValid) {
      c.status(400);
      return renderBillingRules(c, { values: form.values, errors: form.errors, notice: undefined });
    }
    await updateBillingRules(deps, { actor: webActorOf(c), rules: form.data });
    return c.redirect(`${billingRulesPath}?notice=saved`, 303);
  });

  routes.get("/reports/:id", requireUser, async (c) => {
    const id = c.req.param("id");
    if (!isUuid(id)) return renderNotFound(c);
    const t = c.get("t");
    const notice = c.req.query("notice");
    const ticket = c.req.query("ticket") ?? "";
    const message =
      notice === "updated"
        ? t.t("reports.notice.updated")
        : notice === "attached"
          ? t.t("reports.notice.attached", { ticket })
          : undefined;
    return renderReport(c, id, { notice: message });
  });

  routes.get("/reports/:id/screenshots/:screenshotId", requireUser, async (c) => {
    const id = c.req.param("id");
    const screenshotId = c.req.param("screenshotId");
    if (!isUuid(id) || screenshotId.length > 200) return renderNotFound(c);
    try {
      const image = await loadConnectionScreenshot(deps, {
        actor: webActorOf(c),
        reportId: id,
        screenshotId,
      });
      return c.body(new Uint8Array(image.bytes), 200, {
        "content-type": image.contentType,
        "content-disposition": image.isInline ? "inline" : "attachment",
        // A screenshot of a customer's screen: kept by this browser only, briefly.
        "cache-control": "private, max-age=300",
      });
    } catch (error) {
      if (!(error instanceof ConnectionReportError)) throw error;
      if (error.reason === "report-not-found") return renderNotFound(c);
      return c.text(c.get("t").t(error.messageKey), connectionReportErrorStatus[error.reason]);
    }
  });

  routes.post("/reports/:id/edit", requireRole("admin", "supporter"), async (c) => {
    const id = c.req.param("id");
    if (!isUuid(id)) return renderNotFound(c);
    const form = await readForm(c, editSchema);
    if (!form.isValid) {
      return renderReport(c, id, { status: 400, edit: { values: form.values, errors: form.errors } });
    }
    const actor = webActorOf(c);
    try {
      // Only what changed goes to TeamViewer: an unchanged field is not the person's edit.
      const current = await getConnectionReport(deps, { actor, reportId: id });
      const notes = form.data.notes.replaceAll("\r\n", "\n");
      const changes = {
        ...(notes === (current.notes ?? "") ? {} : { notes }),
        ...(form.data.billing_state === undefined || form.data.billing_state === current.billingState
          ? {}
          : { billingState: form.data.billing_state }),
      };
      if (Object.keys(changes).length === 0) return c.redirect(reportPath(id), 303);
      await updateConnectionReport(deps, { actor, reportId: id, ...changes });
      return c.redirect(`${reportPath(id)}?notice=updated`, 303);
    } catch (error) {
      if (!(error instanceof ConnectionReportError)) throw error;
      return renderReport(c, id, {
        status: connectionReportErrorStatus[error.reason],
        problem: c.get("t").t(error.messageKey),
        edit: { values: form.values, errors: {} },
      });
    }
  });

  routes.post("/reports/:id/attach", requireRole("admin", "supporter"), async (c) => {
    const id = c.req.param("id");
    if (!isUuid(id)) return renderNotFound(c);
    const form = await readForm(c, attachSchema);
    if (!form.isValid) {
      return renderReport(c, id, { status: 400, attach: { values: form.values, errors: form.errors } });
    }
    try {
      await attachReportToTicket(deps, {
        actor: webActorOf(c),
        reportId: id,
        ticketExternalId: form.data.ticket,
      });
      const next = new URLSearchParams({ notice: "attached", ticket: form.data.ticket });
      return c.redirect(`${reportPath(id)}?${next}`, 303);
    } catch (error) {
      if (!(error instanceof ConnectionReportError)) throw error;
      const isTicketUnknown = error.reason === "ticket-not-found";
      return renderReport(c, id, {
        status: connectionReportErrorStatus[error.reason],
        ...(isTicketUnknown
          ? { attach: { values: form.values, errors: { ticket: "reports.error.ticket-not-found" } } }
          : { problem: c.get("t").t(error.messageKey) }),
      });
    }
  });

  async function renderList(c: SignedInContext, mode: "all" | "unmatched", formProblem?: string) {
    const t = c.get("t");
    const actor = webActorOf(c);
    const input = c.req.query();
    const filters = parseReportFilters(
      mode === "unmatched" ? { ...input, matched: "false" } : input,
      t.timeZone,
    );
    const seesAll = actor.role === "admin" || actor.role === "auditor";
    const [supporters, page] = await Promise.all([
      seesAll ? listConnectedColleagues(deps.database.db, actor.organisationId) : [],
      filters.query === undefined
        ? ({ reports: [] } satisfies ListedReportPage)
        : listConnectionReports(deps, {
            actor,
            query: filters.query,
            paging: { limit: pageSize, cursor: filters.cursor },
          }).catch((error: unknown) => {
            // A stale or hand-edited cursor: show the first page's filters with the reason.
            if (error instanceof ConnectionReportError && error.reason === "invalid-cursor") return error;
            throw error;
          }),
    ]);
    const problem = page instanceof ConnectionReportError ? t.t(page.messageKey) : formProblem;
    if (filters.query === undefined || problem !== undefined) c.status(400);
    const listed: ListedReportPage = page instanceof ConnectionReportError ? { reports: [] } : page;
    const { reports, nextCursor } = listed;
    const path = mode === "all" ? "/reports" : "/reports/unmatched";
    return c.render(
      <ReportListPage
        t={t}
        view={{
          mode,
          reports,
          values: filters.values,
          errors: filters.errors,
          supporters: supporters.map((user) => ({ id: user.id, name: user.displayName || user.email })),
          nextPageUrl:
            nextCursor === undefined
              ? undefined
              : `${path}?${filterQueryString(filters.values, { cursor: nextCursor })}`,
          isAdmin: actor.role === "admin",
          canChange: actor.role !== "auditor",
          isOwnOnly: !seesAll,
          notice: syncNotice(c),
          problem,
        }}
      />,
      { title: t.t(mode === "all" ? "reports.list.title" : "reports.unmatched.title") },
    );
  }

  function syncNotice(c: SignedInContext): string | undefined {
    if (c.req.query("notice") !== "synced") return undefined;
    const { t, tCount } = c.get("t");
    const count = (name: string) => Number.parseInt(c.req.query(name) ?? "0", 10) || 0;
    const done = t("reports.sync.done", {
      received: tCount("reports.sync.records", count("received")),
      rematched: count("rematched"),
    });
    const incomplete = count("incomplete");
    return incomplete === 0 ? done : `${done} ${tCount("reports.sync.incomplete", incomplete)}`;
  }

  async function renderReport(
    c: SignedInContext,
    reportId: string,
    extras: {
      status?: (typeof connectionReportErrorStatus)[keyof typeof connectionReportErrorStatus];
      notice?: string | undefined;
      problem?: string;
      edit?: { values: FormValues; errors: FieldErrors };
      attach?: { values: FormValues; errors: FieldErrors };
    },
  ) {
    const t = c.get("t");
    const actor = webActorOf(c);
    let report: Awaited<ReturnType<typeof getConnectionReport>>;
    try {
      report = await getConnectionReport(deps, { actor, reportId });
    } catch (error) {
      if (error instanceof ConnectionReportError && error.reason === "report-not-found")
        return renderNotFound(c);
      throw error;
    }
    if (extras.status !== undefined) c.status(extras.status);
    return c.render(
      <ReportPage
        t={t}
        view={{
          report,
          canChange: actor.role !== "auditor",
          notice: extras.notice,
          problem: extras.problem,
          edit: extras.edit ?? { values: {}, errors: {} },
          attach: extras.attach ?? { values: {}, errors: {} },
        }}
      />,
      { title: t.t("reports.detail.title") },
    );
  }

  async function renderBillingRules(
    c: SignedInContext,
    form: { values: FormValues; errors: FieldErrors; notice: string | undefined },
  ) {
    const t = c.get("t");
    const rules = await getBillingRules(deps.database.db, c.get("user").organisationId);
    return c.render(<BillingRulesPage t={t} view={{ rules, ...form }} />, { title: t.t("billing.title") });
  }

  const app = new Hono<AppEnv>();
  app.route("/", routes);
  return app;
}
