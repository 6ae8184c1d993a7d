/**
 * Error pages in the reader's language, inside the normal shell. The CSRF page answers 403 and
 * explains the usual cause (a form left open past its session), so a reload is the obvious fix.
 */
import type { Context } from "hono";
import type { NulLocation } from "../http/nul-characters.js";
import type { Translator } from "../i18n/index.js";

/** What these pages need of a request, whichever route environment (visitor or signed-in) it has. */
interface PageContext {
  get(key: "t"): Translator;
  status(status: 400 | 403 | 404 | 413 | 421): void;
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

/**
 * A form field or the query held U+0000 (src/http/nul-characters.ts); nothing was done. No page
 * or id has U+0000 in its address, so there the answer is the usual "not found".
 */
export function renderNulRefused(c: PageContext, location: NulLocation) {
  if (location.in === "path") return renderNotFound(c);
  const { t } = c.get("t");
  c.status(400);
  return c.render(<p>{t("errors.nulInField", { field: location.field })}</p>, {
    title: t("errors.nulTitle"),
  });
}

/** A body over the request size limit (src/http/create-app.ts); nothing was done with it. */
export function renderTooLarge(c: PageContext, limit: string) {
  const { t } = c.get("t");
  c.status(413);
  return c.render(<p>{t("errors.tooLarge", { limit })}</p>, { title: t("errors.tooLargeTitle") });
}

/** A request for a host name this service does not answer to (src/http/host-check.ts). */
export function renderWrongHost(c: PageContext, publicUrl: string) {
  const { t } = c.get("t");
  c.status(421);
  return c.render(
    <p>
      {t("errors.wrongHost")} <a href={publicUrl}>{publicUrl}</a>
    </p>,
    { title: t("errors.wrongHostTitle") },
  );
}
