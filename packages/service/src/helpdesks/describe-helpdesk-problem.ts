import type { Translator } from "../i18n/index.js";
import type { HelpdeskProblem } from "./helpdesk-connector.js";

/** One problem in the reader's language, with what to do about it. */
export function describeHelpdeskProblem(translator: Translator, problem: HelpdeskProblem): string {
  const { t } = translator;
  switch (problem.kind) {
    case "unreachable":
      return t("helpdesk.problem.unreachable", { detail: problem.detail });
    case "bad-credentials":
      return t("helpdesk.problem.badCredentials");
    case "no-queue-visible":
      return t("helpdesk.problem.noQueueVisible");
    case "missing-rights":
      return t("helpdesk.problem.missingRights", { where: problem.where, rights: problem.rights.join(", ") });
    case "missing-field":
      return t("helpdesk.problem.missingField", { field: problem.field, where: problem.where.join(", ") });
    case "unexpected-answer":
      return t("helpdesk.problem.unexpected", { status: problem.status, detail: problem.detail });
  }
}
