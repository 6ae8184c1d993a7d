/**
 * Vitest global setup of the `helpdesk` project: starts one real Request Tracker for the whole
 * run (scripts/support/request-tracker.ts, with Attendant's ticket panel installed; each of its
 * API calls takes about a second, so never one per test) and stops it by its pid afterwards.
 * Tests read it with `inject("requestTracker")`.
 *
 * In CI (`CI` set) a missing RT is an error, never a skip: `.ci/run` installs it
 * (scripts/ensure-system-packages.sh).
 */
import type { TestProject } from "vitest/node";
import { findFreePort } from "../../../../scripts/support/free-port.js";
import {
  type AttendantPanelSettings,
  isRequestTrackerInstalled,
  type RequestTrackerServer,
  startRequestTracker,
  testPanelSettings,
} from "../../../../scripts/support/request-tracker.js";

export interface ProvidedRequestTracker {
  url: string;
  token: string;
  readOnlyToken: string;
  rootPassword: string;
  mailboxPath: string;
  /** The settings Attendant's panel (integrations/request-tracker/) was installed with, if any. */
  panel: AttendantPanelSettings | null;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Null when RT is not installed here (never in CI). */
    requestTracker: ProvidedRequestTracker | null;
  }
}

let server: RequestTrackerServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!isRequestTrackerInstalled()) {
    if (process.env.CI) {
      throw new Error(
        "Request Tracker 5 is not installed, and CI must run the helpdesk tests. Run scripts/ensure-system-packages.sh as root.",
      );
    }
    project.provide("requestTracker", null);
    return;
  }
  // A loopback port for the Attendant that test/helpdesk/rt-ticket-widget.test.ts starts: RT's
  // panel must know Attendant's address before RT starts. localhost, not 127.0.0.1 like RT, so
  // Chromium sees the widget as a frame of another site, as in a real helpdesk.
  const attendantPort = await findFreePort();
  server = await startRequestTracker({ panel: testPanelSettings(`http://localhost:${attendantPort}`) });
  const { url, token, readOnlyToken, rootPassword, mailboxPath, panel } = server;
  project.provide("requestTracker", { url, token, readOnlyToken, rootPassword, mailboxPath, panel });
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
