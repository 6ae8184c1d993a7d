/**
 * The installer an RT admin runs for Attendant's ticket panel (integrations/request-tracker/install.sh),
 * pointed at throwaway folders instead of RT's. What RT then does with the panel is proven against
 * the real RT in service/test/helpdesk/request-tracker-panel.test.ts.
 */
import { execFile as execFileCallback } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const execFile = promisify(execFileCallback);
const integrationFolder = fileURLToPath(
  new URL("../../../../../integrations/request-tracker/", import.meta.url),
);
const installer = path.join(integrationFolder, "install.sh");
const callback = "Callbacks/Attendant/Ticket/Elements/ShowSummary/RightColumnTop";

const settings = {
  ATTENDANT_URL: "https://attendant.example.com",
  ATTENDANT_INTEGRATION_ID: "0b7c1f6e-2a4d-4c8b-9e1f-3a5b7c9d1e2f",
  ATTENDANT_INTEGRATION_SECRET: "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE",
};

describe("the Request Tracker panel's installer", () => {
  let root: string;
  const folders = () => ({
    html: path.join(root, "html"),
    config: path.join(root, "RT_SiteConfig.d"),
    cache: path.join(root, "mason_data"),
  });
  const run = async (environment: Record<string, string>, extra: string[] = []) => {
    const { html, config, cache } = folders();
    try {
      const { stdout } = await execFile(
        installer,
        [
          "--local-html",
          html,
          "--config-dir",
          config,
          "--mason-cache",
          cache,
          "--web-group",
          "root",
          ...extra,
        ],
        { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...environment } },
      );
      return { code: 0, stdout, stderr: "" };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
  const configFile = () => path.join(folders().config, "70-attendant.pm");

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "attendant-rt-installer-"));
    mkdirSync(folders().config);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("writes the three settings readable by RT's web group only, with the secret hidden from RT's configuration page", async () => {
    const result = await run(settings);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("restart RT");
    const written = readFileSync(configFile(), "utf8");
    expect(written).toContain("Set($AttendantURL, 'https://attendant.example.com');");
    expect(written).toContain("Set($AttendantIntegrationId, '0b7c1f6e-2a4d-4c8b-9e1f-3a5b7c9d1e2f');");
    expect(written).toContain(
      "Set($AttendantIntegrationSecret, 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE');",
    );
    expect(written).toMatch(/Name\s+=> 'AttendantIntegrationSecret',[\s\S]*Obfuscate\s+=> sub/);
    const mode = statSync(configFile());
    expect(mode.mode & 0o777).toBe(0o640);
    expect([mode.uid, mode.gid]).toEqual([0, 0]);
  });

  it("copies the panel's callback where RT's local components live", async () => {
    await run(settings);
    const installed = path.join(folders().html, callback);
    expect(readFileSync(installed, "utf8")).toBe(
      readFileSync(path.join(integrationFolder, "html", callback), "utf8"),
    );
    expect(statSync(installed).mode & 0o777).toBe(0o644);
  });

  it("changes nothing when run again with the same settings, and leaves no temporary file", async () => {
    await run(settings);
    const first = readFileSync(configFile(), "utf8");
    const again = await run(settings);
    expect(again.code).toBe(0);
    expect(readFileSync(configFile(), "utf8")).toBe(first);
    expect(readdirSync(folders().config)).toEqual(["70-attendant.pm"]);
  });

  it("clears Mason's compiled cache so RT picks up a new or changed panel", async () => {
    const compiled = path.join(folders().cache, "obj", "2741", "standard");
    mkdirSync(compiled, { recursive: true });
    writeFileSync(path.join(compiled, "Display.html"), "compiled");
    await run(settings);
    expect(readdirSync(path.join(folders().cache, "obj"))).toEqual([]);
  });

  it("installs only the panel without settings, and keeps settings written before", async () => {
    const bare = await run({});
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain("the panel stays hidden from agents");
    expect(existsSync(path.join(folders().html, callback))).toBe(true);
    expect(existsSync(configFile())).toBe(false);
    await run(settings);
    const kept = await run({});
    expect(kept.stdout).toContain("Kept the settings");
    expect(readFileSync(configFile(), "utf8")).toContain(settings.ATTENDANT_INTEGRATION_SECRET);
  });

  it.each([
    [
      "two of the three settings",
      { ATTENDANT_URL: settings.ATTENDANT_URL, ATTENDANT_INTEGRATION_ID: settings.ATTENDANT_INTEGRATION_ID },
      "give all three settings (--url, --integration-id, --secret) or none; 2 of 3 given",
    ],
    [
      "a secret with a quote that would end RT's Perl string",
      { ...settings, ATTENDANT_INTEGRATION_SECRET: "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCd'" },
      "--secret must be the integration's secret exactly as Attendant showed it",
    ],
    [
      "a secret cut short in copying",
      { ...settings, ATTENDANT_INTEGRATION_SECRET: "AbCdEfGhIjKlMnOpQrStUvWxYz" },
      "--secret must be the integration's secret exactly as Attendant showed it",
    ],
    [
      "an integration id that is not a UUID",
      { ...settings, ATTENDANT_INTEGRATION_ID: "my-integration" },
      "--integration-id must be the integration's id as Attendant shows it, a UUID",
    ],
    [
      "an address that is not http or https",
      { ...settings, ATTENDANT_URL: "javascript:alert(1)" },
      "--url must be Attendant's address like https://attendant.example.com",
    ],
    [
      "an address with a quote",
      { ...settings, ATTENDANT_URL: "https://attendant.example.com/'.`id`.'" },
      "--url must be Attendant's address like https://attendant.example.com",
    ],
    [
      "an address with a query",
      { ...settings, ATTENDANT_URL: "https://attendant.example.com/?x=1" },
      "--url must be Attendant's address like https://attendant.example.com",
    ],
  ])("refuses %s, says what to give, and writes nothing", async (_case, environment, message) => {
    const result = await run(environment);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(existsSync(folders().html)).toBe(false);
    expect(readdirSync(folders().config)).toEqual([]);
  });

  it("refuses an option it does not know, and one without its value", async () => {
    const unknown = await run(settings, ["--secrets", "x"]);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option --secrets") });
    const missingValue = await run(settings, ["--url"]);
    expect(missingValue).toMatchObject({ code: 2, stderr: expect.stringContaining("--url needs a value") });
    expect(existsSync(folders().html)).toBe(false);
  });

  it("refuses a web group this machine does not have, and an RT configuration folder that does not exist", async () => {
    const group = await run(settings, ["--web-group", "no-such-group-here"]);
    expect(group).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("'no-such-group-here' is not a group"),
    });
    const config = await run(settings, ["--config-dir", path.join(root, "missing")]);
    expect(config).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("does not exist: is RT installed here?"),
    });
    expect(existsSync(folders().html)).toBe(false);
  });
});
