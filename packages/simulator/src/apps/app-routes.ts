import type { Context, Hono } from "hono";
import { htmlResponse, renderMessagePage } from "../html/page-layout.js";
import { isSameSecret } from "../oauth/client-credentials.js";
import { compactSessionCode, expandSessionCode, type SupportSession } from "../state/session-store.js";
import type { SimulatorState } from "../state/simulator-state.js";
import {
  QUICKSUPPORT,
  renderQuickSupportPage,
  renderSupporterConsole,
  SUPPORTER_CONSOLE,
} from "./app-pages.js";
import {
  connectSupporter,
  endConnection,
  joinAsCustomer,
  leaveAsCustomer,
  sendChatMessage,
  submitFeedback,
  TransitionError,
  takeScreenshot,
} from "./session-runtime.js";

/**
 * The links of docs/teamviewer-api.md §3, served on the simulator's origin (section 7):
 * `/v15/<code>` (end customer, QuickSupport), `/v15/<code>-<token>` (supporter app) and
 * `/Connect/IndexByol?sessioncode=…&servicequeuetoken=…` (supporter WebClient).
 */

const LINK = /^(s\d{8,9})(?:-([A-Za-z0-9]{12}))?$/;

type LinkTarget = { session: SupportSession; isSupporter: boolean };

export function registerAppRoutes(app: Hono, state: SimulatorState): void {
  app.get("/v15/:link", (c) => {
    const target = resolveLink(state, c.req.param("link"));
    if (!target) return notFoundPage();
    const base = `/v15/${c.req.param("link")}`;
    if (target.isSupporter)
      return htmlResponse(
        renderSupporterConsole(state, target.session, { actionBase: base, returnTo: "app" }),
      );
    return htmlResponse(renderQuickSupportPage(state, target.session, base));
  });

  app.get("/connect/indexbyol", (c) => {
    const code = c.req.query("sessioncode") ?? "";
    const token = c.req.query("servicequeuetoken") ?? "";
    const target = resolveLink(state, `${code}-${token}`);
    if (!target?.isSupporter) return notFoundPage();
    const base = `/v15/${compactSessionCode(target.session.code)}-${target.session.serviceQueueToken}`;
    return htmlResponse(
      renderSupporterConsole(state, target.session, { actionBase: base, returnTo: "webclient" }),
    );
  });

  app.post("/v15/:link/:action", async (c) => {
    const target = resolveLink(state, c.req.param("link"));
    if (!target) return notFoundPage();
    const form = new URLSearchParams(await c.req.text());
    const code = target.session.code;
    try {
      runAction(state, c.req.param("action"), code, target.isSupporter, form);
    } catch (error) {
      if (!(error instanceof TransitionError)) throw error;
      const product = target.isSupporter ? SUPPORTER_CONSOLE : QUICKSUPPORT;
      return htmlResponse(renderMessagePage("Not possible", product, error.message), 409);
    }
    return redirectBack(c, target, form.get("return_to"));
  });
}

/**
 * Customer links may join, leave and rate; supporter links (with their token) connect, take
 * screenshots and end; both sides chat while connected.
 */
function runAction(
  state: SimulatorState,
  action: string,
  code: string,
  isSupporter: boolean,
  form: URLSearchParams,
) {
  if (isSupporter && action === "connect") connectSupporter(state, code);
  else if (isSupporter && action === "end")
    endConnection(state, code, { sessionNote: form.get("session_note") ?? "" });
  else if (action === "chat")
    sendChatMessage(state, code, { isFromSupporter: isSupporter, content: form.get("message") ?? "" });
  else if (isSupporter && action === "screenshot") takeScreenshot(state, code);
  else if (!isSupporter && action === "join")
    joinAsCustomer(state, code, { deviceName: form.get("device_name") ?? "" });
  else if (!isSupporter && action === "leave") leaveAsCustomer(state, code);
  else if (!isSupporter && action === "feedback") {
    const comment = form.get("user_comment")?.trim();
    submitFeedback(state, code, {
      session_rating: Number(form.get("session_rating")),
      ...(comment && { user_comment: comment }),
    });
  } else throw new TransitionError(`This page cannot ${action}.`);
}

/** The session a link names; a supporter link must carry the session's queue token. */
function resolveLink(state: SimulatorState, link: string): LinkTarget | undefined {
  const match = LINK.exec(link);
  const code = match?.[1] ? expandSessionCode(match[1]) : undefined;
  const session = code ? state.sessions.get(code) : undefined;
  if (!match || !session) return undefined;
  const token = match[2];
  if (token === undefined) return { session, isSupporter: false };
  return isSameSecret(token, session.serviceQueueToken) ? { session, isSupporter: true } : undefined;
}

/** Post/redirect/get back to the page the form came from. */
function redirectBack(c: Context, target: LinkTarget, returnTo: string | null): Response {
  const compact = compactSessionCode(target.session.code);
  if (!target.isSupporter) return c.redirect(`/v15/${compact}`, 303);
  const token = target.session.serviceQueueToken;
  if (returnTo === "webclient") {
    return c.redirect(
      `/Connect/IndexByol?${new URLSearchParams({ sessioncode: compact, servicequeuetoken: token })}`,
      303,
    );
  }
  return c.redirect(`/v15/${compact}-${token}`, 303);
}

function notFoundPage(): Promise<Response> {
  return htmlResponse(
    renderMessagePage(
      "Unknown session",
      QUICKSUPPORT,
      "This link does not name a session, or its token is wrong.",
    ),
    404,
  );
}
