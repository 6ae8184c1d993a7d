/**
 * What every end-to-end test needs: the real service (`startService`) in demo mode on a free
 * loopback port with a temporary data folder (so the simulator runs too), the demo admin's
 * one-time sign-in link it prints, Debian's Chromium, and PNGs of pages under artifacts/e2e/.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, vi } from "vitest";
import type { Config } from "../../../src/config/config-schema.js";
import { loadConfig } from "../../../src/config/load-config.js";
import type { Logger } from "../../../src/logging/logger.js";
import { type RunningService, startService } from "../../../src/server.js";
import { captureLogs } from "../../support/capture-logs.js";
import { findFreePort } from "../../support/free-port.js";

const artifacts = fileURLToPath(new URL("../../../../../artifacts/e2e/", import.meta.url));

export interface DemoService {
  service: RunningService;
  /** The demo admin's one-time sign-in link, as printed at start-up. */
  signInUrl: string;
  close(): Promise<void>;
}

/**
 * `env` adds settings (e.g. ATTENDANT_SMTP_URL, or ATTENDANT_PORT with ATTENDANT_PUBLIC_URL for a
 * fixed address); `beforeFirstStart` may store data in the new data folder before the service
 * first opens it (e.g. what a helpdesk was already set up with). The data folder is removed on close.
 */
export async function startDemoService(options: {
  logger: Logger;
  env?: Record<string, string>;
  beforeFirstStart?: (config: Config) => Promise<void>;
}): Promise<DemoService> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "attendant-e2e-"));
  // The public URL must name the real port: the demo app's redirect URI is built from it.
  const port = await findFreePort();
  const config = loadConfig({
    env: {
      ATTENDANT_DATA_DIR: dataDir,
      ATTENDANT_PORT: String(port),
      ATTENDANT_PUBLIC_URL: `http://localhost:${port}`,
      ATTENDANT_SIMULATOR_PORT: "0",
      ...options.env,
    },
  });
  try {
    await options.beforeFirstStart?.(config);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const printed: string[] = [];
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    printed.push(String(chunk));
    return true;
  });
  let service: RunningService;
  try {
    service = await startService(config, { logger: options.logger, handleSignals: false });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  } finally {
    write.mockRestore();
  }
  return {
    service,
    signInUrl: /(http:\/\/\S+\/login\/link\?token=\S+)/.exec(printed.join(""))?.[1] ?? "",
    async close() {
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The demo service and a Chromium for one test file: started before its tests, closed after
 * them. Read `demo` and `browser` inside the tests, once they are started.
 */
export function useDemoServiceInChromium(): { readonly demo: DemoService; readonly browser: Browser } {
  const logs = captureLogs();
  const started = {} as { demo: DemoService; browser: Browser };
  beforeAll(async () => {
    started.demo = await startDemoService({ logger: logs.logger });
    started.browser = await launchChromium();
  });
  afterAll(async () => {
    await started.browser?.close();
    await started.demo?.close();
  });
  return started;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** Saves the whole page as artifacts/e2e/<name>.png for a person to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

/** Connects the signed-in user to the simulator's Kenji Sato through its consent page. */
export async function connectAsKenji(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/connection`);
  await page.getByRole("link", { name: "Connect TeamViewer" }).click();
  await page.getByLabel(/Kenji Sato/).check();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect.poll(() => page.textContent("#teamviewer-connection")).toContain("Connected");
}
