/**
 * Reads the list page's filters from the query string and loads the page of sessions. Bad
 * filter values are shown at their field (400) with an empty list, rather than ignored.
 */
import { listUsers } from "../../db/repositories/users.js";
import { isMessageKey, type Translator } from "../../i18n/index.js";
import { listTicketConnections } from "../../reports/list-connection-reports.js";
import type { FieldErrors, FormValues } from "../../web/forms.js";
import { isSessionCursor, listSupportSessions, type SessionListScope } from "../list-support-sessions.js";
import type { SessionActor } from "../session-actor.js";
import type { SessionDeps } from "../session-deps.js";
import { SupportSessionError } from "../support-session-error.js";
import { type ListFilters, listFiltersSchema } from "./session-form-schemas.js";
import type { SessionListView } from "./session-list-page.js";

const pageSize = 50;

export async function loadSessionList(
  deps: SessionDeps,
  actor: SessionActor,
  query: Record<string, string>,
  translator: Translator,
): Promise<{ view: SessionListView; isValid: boolean }> {
  const { t } = translator;
  const canSeeOrganisation = actor.role === "admin" || actor.role === "auditor";
  const values: FormValues = Object.fromEntries(
    Object.entries(query).filter(([name]) => ["scope", "state", "from", "to", "ticket"].includes(name)),
  );
  const base = {
    sessions: [],
    userNames: new Map<string, string>(),
    canSeeOrganisation,
    canCreate: actor.role !== "auditor",
    values,
    nextPageUrl: undefined,
  };
  const parsed = listFiltersSchema.safeParse(query);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors[String(issue.path[0])] ??= isMessageKey(issue.message) ? issue.message : "forms.invalid";
    }
  }
  if (!parsed.success || (parsed.data.cursor !== undefined && !isSessionCursor(parsed.data.cursor))) {
    return { view: { ...base, title: t("sessionPages.list.title"), scope: "mine", errors }, isValid: false };
  }
  const filters = parsed.data;
  const scope = scopeOf(filters, actor, canSeeOrganisation);
  const title =
    scope.kind === "ticket"
      ? t("sessionPages.list.ticketTitle", { ticket: scope.externalId })
      : t(scope.kind === "mine" ? "sessionPages.list.mineTitle" : "sessionPages.list.organisationTitle");
  try {
    const page = await listSupportSessions(deps, {
      actor,
      scope,
      ...(filters.state === undefined ? {} : { state: filters.state }),
      ...(filters.from === undefined ? {} : { from: new Date(`${filters.from}T00:00:00Z`) }),
      // "To" includes the whole day.
      ...(filters.to === undefined ? {} : { to: new Date(`${filters.to}T23:59:59.999Z`) }),
      paging: { limit: pageSize, ...(filters.cursor === undefined ? {} : { cursor: filters.cursor }) },
    });
    const users = await listUsers(deps.database.db, actor.organisationId);
    const connections =
      scope.kind === "ticket"
        ? await listTicketConnections(deps, { actor, ticketExternalId: scope.externalId })
        : undefined;
    const next = new URLSearchParams(values);
    if (page.nextCursor !== undefined) next.set("cursor", page.nextCursor);
    return {
      view: {
        ...base,
        title,
        scope: scope.kind,
        errors,
        sessions: page.sessions,
        userNames: new Map(users.map((user) => [user.id, user.displayName || user.email])),
        nextPageUrl: page.nextCursor === undefined ? undefined : `/sessions?${next}`,
        connections,
      },
      isValid: true,
    };
  } catch (error) {
    // An unknown ticket is an empty list, not an error page: the ticket simply has no sessions yet.
    if (error instanceof SupportSessionError && error.reason === "ticket-not-found") {
      return { view: { ...base, title, scope: scope.kind, errors }, isValid: true };
    }
    throw error;
  }
}

function scopeOf(filters: ListFilters, actor: SessionActor, canSeeOrganisation: boolean): SessionListScope {
  if (filters.ticket !== undefined) return { kind: "ticket", externalId: filters.ticket };
  // Auditors own no sessions, so their natural list is the organisation's.
  const wanted = filters.scope ?? (actor.role === "auditor" ? "organisation" : "mine");
  return wanted === "organisation" && canSeeOrganisation ? { kind: "organisation" } : { kind: "mine" };
}
