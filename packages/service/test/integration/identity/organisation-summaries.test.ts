import { expect, it } from "vitest";
import { createOrganisation, listOrganisationSummaries } from "../../../src/db/repositories/organisations.js";
import { usePgliteEngine } from "../../support/engines.js";
import { storeSessionForCode } from "../reports/live-reports.js";
import { createReportHarness } from "../reports/report-harness.js";

const engine = usePgliteEngine();

it("lists every organisation oldest first with its own numbers of users and support sessions, zero for an empty one", {
  timeout: 120_000,
}, async () => {
  const h = await createReportHarness(engine);
  const kenji = await h.addUser("supporter", { teamViewerUserid: "u7005" });
  await h.addUser("admin");
  await storeSessionForCode(h, "s11-111-111", "T-1", kenji);
  await storeSessionForCode(h, "s22-222-222", "T-2", kenji);
  await storeSessionForCode(h, "s33-333-333", "T-2", kenji);
  const empty = await createOrganisation(h.database.db, { name: "Fabrikam" });

  const summaries = await listOrganisationSummaries(h.database.db);
  expect(summaries.map(({ id, userCount, sessionCount }) => ({ id, userCount, sessionCount }))).toEqual([
    { id: h.organisationId, userCount: 2, sessionCount: 3 },
    { id: empty.id, userCount: 0, sessionCount: 0 },
  ]);
});
