/**
 * Which wording a helpdesk write uses: the organisation's own template for the event and
 * language when an admin saved one, else the built-in text (helpdesk-template.ts). Saving and
 * resetting are admin actions (the routes check the role) and audited.
 */
import {
  deleteHelpdeskTemplate,
  findHelpdeskTemplate,
  listHelpdeskTemplateKeys,
  listHelpdeskTemplatesIn,
  saveHelpdeskTemplate,
} from "../../db/repositories/helpdesk-templates.js";
import { type HelpdeskEventType, helpdeskEventTypes } from "../../db/repositories/helpdesk-writes.js";
import type { Locale } from "../../i18n/index.js";
import type { SessionActor } from "../../sessions/session-actor.js";
import { auditSessionAction } from "../../sessions/session-audit.js";
import type { HelpdeskDeps } from "../helpdesk-connection-settings.js";
import {
  builtInHelpdeskTemplate,
  findHelpdeskTemplateProblems,
  type HelpdeskTemplate,
  type HelpdeskTemplateProblems,
} from "./helpdesk-template.js";

export interface ResolvedHelpdeskTemplate extends HelpdeskTemplate {
  isCustom: boolean;
}

export async function resolveHelpdeskTemplate(
  deps: Pick<HelpdeskDeps, "database">,
  organisationId: string,
  event: HelpdeskEventType,
  locale: Locale,
): Promise<ResolvedHelpdeskTemplate> {
  const stored = await findHelpdeskTemplate(deps.database.db, organisationId, event, locale);
  return stored === undefined
    ? { ...builtInHelpdeskTemplate(event, locale), isCustom: false }
    : { ...stored, isCustom: true };
}

/** Every event's wording in one language, for the writer: one query. */
export async function resolveHelpdeskTemplates(
  deps: Pick<HelpdeskDeps, "database">,
  organisationId: string,
  locale: Locale,
): Promise<Record<HelpdeskEventType, HelpdeskTemplate>> {
  const stored = new Map(
    (await listHelpdeskTemplatesIn(deps.database.db, organisationId, locale)).map((row) => [row.event, row]),
  );
  return Object.fromEntries(
    helpdeskEventTypes.map((event) => {
      const own = stored.get(event);
      const template =
        own === undefined ? builtInHelpdeskTemplate(event, locale) : { subject: own.subject, body: own.body };
      return [event, template];
    }),
  ) as Record<HelpdeskEventType, HelpdeskTemplate>;
}

/** `event/locale` of every template the organisation worded itself, for the overview. */
export async function listCustomHelpdeskTemplates(
  deps: Pick<HelpdeskDeps, "database">,
  organisationId: string,
): Promise<Set<string>> {
  const keys = await listHelpdeskTemplateKeys(deps.database.db, organisationId);
  return new Set(keys.map((key) => `${key.event}/${key.locale}`));
}

export type SaveHelpdeskTemplateResult =
  | { kind: "saved" }
  | { kind: "invalid"; problems: HelpdeskTemplateProblems };

/** Nothing is stored when the template has a problem. */
export async function saveOrganisationHelpdeskTemplate(
  deps: HelpdeskDeps,
  options: { actor: SessionActor; event: HelpdeskEventType; locale: Locale; template: HelpdeskTemplate },
): Promise<SaveHelpdeskTemplateResult> {
  const { actor, event, locale, template } = options;
  const problems = findHelpdeskTemplateProblems(event, template);
  if (Object.keys(problems).length > 0) return { kind: "invalid", problems };
  await saveHelpdeskTemplate(deps.database.db, {
    organisationId: actor.organisationId,
    event,
    locale,
    subject: template.subject,
    body: template.body,
    userId: actor.userId,
    now: deps.clock.now(),
  });
  await auditSessionAction(deps, actor, {
    action: "helpdesk_template.updated",
    target: { type: "helpdesk_template", id: `${event}/${locale}` },
    details: { event, locale },
  });
  return { kind: "saved" };
}

export async function resetOrganisationHelpdeskTemplate(
  deps: HelpdeskDeps,
  options: { actor: SessionActor; event: HelpdeskEventType; locale: Locale },
): Promise<void> {
  const { actor, event, locale } = options;
  await deleteHelpdeskTemplate(deps.database.db, actor.organisationId, event, locale);
  await auditSessionAction(deps, actor, {
    action: "helpdesk_template.reset",
    target: { type: "helpdesk_template", id: `${event}/${locale}` },
    details: { event, locale },
  });
}
