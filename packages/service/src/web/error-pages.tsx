/**
 * Error pages in the reader's language, inside the normal shell. The CSRF page answers 403 and
 * explains the usual cause (a form left open past its session), so a reload is the obvious fix.
 */
import type { Context } from "hono";
import type { Translator } from "../i18n/index.js";

/** What these pages need of a request, whichever route environment (visitor or signed-in) it has. */
interface PageContext {
  get(key: "t"): Translator;
  status(status: 403 | 404): void;
  render: Context["render"];
}

export function renderForbidden(c: PageContext) {
  const { t } = c.get("t");
  c.status(403);
  return c.render(
    <p>
      {t("error.forbidden")} <a href="/">{t("errors.backHome")}</a>
    </p>,
    { title: t("errors.forbiddenTitle") },
  );
}

export function renderNotFound(c: PageContext) {
  const { t } = c.get("t");
  c.status(404);
  return c.render(
    <p>
      {t("error.notFound")} <a href="/">{t("errors.backHome")}</a>
    </p>,
    { title: t("errors.notFoundTitle") },
  );
}

export function renderCsrfRefused(c: PageContext) {
  const { t } = c.get("t");
  c.status(403);
  return c.render(<p>{t("errors.csrfExplanation")}</p>, { title: t("errors.csrfTitle") });
}
