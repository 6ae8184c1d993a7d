import { Hono } from "hono";
import { TransitionError } from "../apps/session-runtime.js";
import { jsonResponse } from "../wire/errors.js";
import { AdminError, type SimulatorAdmin } from "./simulator-admin.js";

/** The JSON face of the admin operations, under `/__sim/` (README "Admin API"). */
export function createAdminApp(admin: SimulatorAdmin, describeDemo: () => unknown): Hono {
  const app = new Hono().basePath("/__sim");
  const done = () => jsonResponse({ ok: true });

  app.get("/demo", () => jsonResponse(describeDemo()));
  app.post("/reset", () => {
    admin.reset();
    return done();
  });
  app.post("/seed", async (c) => jsonResponse(admin.seed(await readBody(c.req.raw))));
  app.post("/accounts", async (c) => jsonResponse(admin.createAccount(await readBody(c.req.raw))));
  app.post("/groups", async (c) => jsonResponse(admin.createGroup(await readBody(c.req.raw))));
  app.post("/apps", async (c) => jsonResponse(admin.createApp(await readBody(c.req.raw))));
  app.post("/script-tokens", async (c) => jsonResponse(admin.createScriptToken(await readBody(c.req.raw))));
  app.post("/custom-modules", async (c) => jsonResponse(admin.saveCustomModule(await readBody(c.req.raw))));
  app.post("/tokens", async (c) => jsonResponse(admin.issueUserToken(await readBody(c.req.raw))));
  app.post("/reports/seed", async (c) => jsonResponse(admin.seedReports(await readBody(c.req.raw))));
  app.get("/reports/counts", () => jsonResponse(admin.reportCounts()));

  app.get("/clock", () => jsonResponse({ now: admin.now() }));
  app.put("/clock", async (c) => {
    const body = await readBody<{ now: string | number }>(c.req.raw);
    return jsonResponse({ now: admin.setClock(body.now) });
  });
  app.post("/clock/advance", async (c) => {
    const body = await readBody<{ milliseconds?: number; seconds?: number }>(c.req.raw);
    return jsonResponse({
      now: admin.advanceClock(body.milliseconds ?? (body.seconds ?? Number.NaN) * 1000),
    });
  });

  app.get("/faults", () => jsonResponse({ faults: admin.listFaults() }));
  app.post("/faults", async (c) => jsonResponse(admin.planFault(await readBody(c.req.raw))));
  app.delete("/faults", () => {
    admin.clearFaults();
    return done();
  });

  app.get("/rate-limits", () => jsonResponse({ rules: admin.listRateLimits() }));
  app.put("/rate-limits", async (c) => {
    admin.setRateLimit(await readBody(c.req.raw));
    return done();
  });
  app.delete("/rate-limits", () => {
    admin.clearRateLimits();
    return done();
  });

  app.get("/journal", () => jsonResponse({ entries: admin.journal() }));
  app.delete("/journal", () => {
    admin.clearJournal();
    return done();
  });

  app.patch("/settings", async (c) => {
    admin.configure(await readBody(c.req.raw));
    return done();
  });

  app.get("/sessions/:code", (c) => jsonResponse(admin.session(c.req.param("code"))));
  app.post("/sessions/:code/customer-join", async (c) =>
    jsonResponse(admin.customerJoin(c.req.param("code"), await readBody(c.req.raw))),
  );
  app.post("/sessions/:code/customer-leave", (c) => jsonResponse(admin.customerLeave(c.req.param("code"))));
  app.post("/sessions/:code/supporter-connect", (c) =>
    jsonResponse(admin.supporterConnect(c.req.param("code"))),
  );
  app.post("/sessions/:code/chat", async (c) =>
    jsonResponse(admin.chat(c.req.param("code"), await readBody(c.req.raw))),
  );
  app.post("/sessions/:code/screenshot", (c) => jsonResponse(admin.takeScreenshot(c.req.param("code"))));
  app.post("/sessions/:code/end-connection", async (c) =>
    jsonResponse(admin.endConnection(c.req.param("code"), await readBody(c.req.raw))),
  );
  app.post("/sessions/:code/feedback", async (c) => {
    admin.submitFeedback(c.req.param("code"), await readBody(c.req.raw));
    return done();
  });

  app.notFound(() => adminError(404, "There is no such admin endpoint."));
  app.onError((error) => {
    if (error instanceof AdminError) return adminError(error.status, error.message);
    if (error instanceof TransitionError) return adminError(409, error.message);
    return adminError(400, error.message);
  });
  return app;
}

async function readBody<T>(request: Request): Promise<T> {
  const text = await request.text();
  if (text.trim() === "") return {} as T;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AdminError("The body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new AdminError("The body must be a JSON object.");
  }
  return parsed as T;
}

function adminError(status: number, description: string): Response {
  return jsonResponse(
    { error: status === 404 ? "not_found" : "invalid_request", error_description: description },
    status,
  );
}
