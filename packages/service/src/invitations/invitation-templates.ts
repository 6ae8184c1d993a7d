/**
 * Which wording an invitation uses: the organisation's own template for the language when an
 * admin saved one, else the built-in text from the message catalog (src/i18n/messages/invitations.ts).
 * Saving and resetting are admin actions and audited.
 */
import {
  deleteInvitationTemplate,
  findInvitationTemplate,
  saveInvitationTemplate,
} from "../db/repositories/invitation-templates.js";
import type { AppDeps } from "../http/app-deps.js";
import { createTranslator, type Locale } from "../i18n/index.js";
import type { SessionActor } from "../sessions/session-actor.js";
import { auditSessionAction } from "../sessions/session-audit.js";
import {
  findTemplateProblems,
  type InvitationTemplate,
  type TemplateProblems,
} from "./invitation-template.js";

type TemplateDeps = Pick<AppDeps, "database" | "clock">;

export function builtInTemplate(locale: Locale): InvitationTemplate {
  const { t } = createTranslator(locale);
  return { subject: t("invitations.mail.subject"), body: t("invitations.mail.body") };
}

export interface ResolvedTemplate extends InvitationTemplate {
  isCustom: boolean;
}

export async function resolveInvitationTemplate(
  deps: TemplateDeps,
  organisationId: string,
  locale: Locale,
): Promise<ResolvedTemplate> {
  const stored = await findInvitationTemplate(deps.database.db, organisationId, locale);
  return stored === undefined
    ? { ...builtInTemplate(locale), isCustom: false }
    : { subject: stored.subject, body: stored.body, isCustom: true };
}

export type SaveTemplateResult = { kind: "saved" } | { kind: "invalid"; problems: TemplateProblems };

/** Admins only (the route checks the role); nothing is stored when the template has a problem. */
export async function saveOrganisationTemplate(
  deps: TemplateDeps,
  options: { actor: SessionActor; locale: Locale; template: InvitationTemplate },
): Promise<SaveTemplateResult> {
  const problems = findTemplateProblems(options.template);
  if (Object.keys(problems).length > 0) return { kind: "invalid", problems };
  const { actor, locale, template } = options;
  await saveInvitationTemplate(deps.database.db, {
    organisationId: actor.organisationId,
    locale,
    subject: template.subject,
    body: template.body,
    userId: actor.userId,
    now: deps.clock.now(),
  });
  await auditSessionAction(deps, actor, {
    action: "invitation_template.updated",
    target: { type: "invitation_template", id: locale },
  });
  return { kind: "saved" };
}

export async function resetOrganisationTemplate(
  deps: TemplateDeps,
  options: { actor: SessionActor; locale: Locale },
): Promise<void> {
  await deleteInvitationTemplate(deps.database.db, options.actor.organisationId, options.locale);
  await auditSessionAction(deps, options.actor, {
    action: "invitation_template.reset",
    target: { type: "invitation_template", id: options.locale },
  });
}
