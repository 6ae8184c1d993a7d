/**
 * The admin's helpdesk connection page against the run's real Request Tracker: saving runs the
 * check, and the page says in the reader's language whether write-back can work and what to fix.
 */
import { describe, expect, it } from "vitest";
import { sessionFieldName } from "../../../../scripts/support/request-tracker.js";
import { createHarness, pageText } from "../integration/teamviewer/harness.js";
import { usePgliteEngine } from "../support/engines.js";
import { requestTrackerOfRun } from "../support/request-tracker-api.js";

const rt = requestTrackerOfRun();

describe.skipIf(rt === undefined)("helpdesk connection page, against a real RT 5", () => {
  const engine = usePgliteEngine();
  const api = rt as NonNullable<typeof rt>;

  it("connects Request Tracker and shows that the connection works, then names the rights a read-only token lacks", async () => {
    await api.createTicket({ subject: "So the rights can be read off a ticket" });
    const h = await createHarness(engine);
    const admin = await h.signIn("admin");
    const form = {
      kind: "request-tracker",
      baseUrl: api.server.url,
      sessionField: sessionFieldName,
      noteLocale: "en",
    };
    const saved = await h.post("/settings/helpdesk", admin, { ...form, token: api.server.token });
    expect(saved.status).toBe(303);
    const page = await pageText(await h.get("/settings/helpdesk?notice=saved", admin));
    expect(page).toContain("The connection works");

    await h.post("/settings/helpdesk", admin, { ...form, token: api.server.readOnlyToken });
    const german = await pageText(await h.get("/settings/helpdesk", admin, { "accept-language": "de" }));
    expect(german).toContain(
      "Dem API-Benutzer fehlen diese Rechte in queue General: CommentOnTicket, ReplyToTicket. Vergeben Sie sie im Helpdesk.",
    );
  });
});
