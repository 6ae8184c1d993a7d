import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { buildIntegrations, IntegrationCheckFailed } from "../../scripts/build-integrations.js";

const shipped = fileURLToPath(new URL("../", import.meta.url));
const attendantUrl = "https://attendant.example.com";
const forgeAppId = "3f1c2b7a-0d4e-4a8b-9c6d-5e4f3a2b1c0d";
const temporary: string[] = [];

afterEach(() => {
  for (const folder of temporary.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A copy of the shipped apps to break one thing in. */
function copyOfApps(): string {
  const folder = mkdtempSync(join(tmpdir(), "attendant-integrations-"));
  temporary.push(folder);
  for (const app of ["zendesk", "jira"]) cpSync(join(shipped, app), join(folder, app), { recursive: true });
  return folder;
}

function build(integrations: string, overrides: { attendantUrl?: string; forgeAppId?: string } = {}) {
  return buildIntegrations({
    integrations,
    out: join(integrations, "dist"),
    attendantUrl,
    forgeAppId,
    ...overrides,
  });
}

function problemsOf(
  integrations: string,
  overrides: { attendantUrl?: string; forgeAppId?: string } = {},
): string[] {
  try {
    build(integrations, overrides);
  } catch (error) {
    if (error instanceof IntegrationCheckFailed) return [...error.problems];
    throw error;
  }
  return [];
}

// biome-ignore lint/suspicious/noExplicitAny: each case edits a different corner of a manifest's JSON
function editJson(path: string, edit: (json: Record<string, any>) => void): void {
  const json = JSON.parse(readFileSync(path, "utf8"));
  edit(json);
  writeFileSync(path, JSON.stringify(json));
}

function editText(path: string, from: string, to: string): void {
  const text = readFileSync(path, "utf8");
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe("npm run build:integrations", () => {
  it("builds the shipped Zendesk app into a zip of its manifest, translations and logos", () => {
    const integrations = copyOfApps();
    const { zendeskZip } = build(integrations);
    const entries = execFileSync("unzip", ["-Z1", zendeskZip], { encoding: "utf8" })
      .trim()
      .split("\n")
      .sort();
    expect(entries).toEqual([
      "assets/",
      "assets/logo-small.png",
      "assets/logo.png",
      "manifest.json",
      "translations/",
      "translations/de.json",
      "translations/en.json",
      "translations/ja.json",
    ]);
  });

  it("builds the shipped Jira app into a Forge app folder with Attendant's address and the app id filled in", () => {
    const integrations = copyOfApps();
    const { jiraFolder } = build(integrations, { attendantUrl: "https://support.example.org/" });
    const manifest = readFileSync(join(jiraFolder, "manifest.yml"), "utf8");
    expect(manifest).toContain(`id: ari:cloud:ecosystem::app/${forgeAppId}`);
    expect(manifest).toContain("baseUrl: https://support.example.org\n");
    expect(manifest).toContain("      - https://support.example.org\n");
    expect(manifest).not.toMatch(/ATTENDANT_URL|FORGE_APP_ID/);
  });

  it("refuses an Attendant address that is not an https origin and a Forge app id that is not a UUID", () => {
    expect(problemsOf(copyOfApps(), { attendantUrl: "http://attendant.example.com" })).toEqual([
      expect.stringContaining("--attendant-url must be Attendant's https:// origin"),
    ]);
    expect(problemsOf(copyOfApps(), { forgeAppId: "my-app" })).toEqual([
      expect.stringContaining("--forge-app-id must be the UUID"),
    ]);
  });
});

const zendeskBreaks: [string, (app: string) => void, string][] = [
  [
    "a manifest without frameworkVersion",
    (app) => editJson(join(app, "manifest.json"), (m) => delete m.frameworkVersion),
    'zendesk/manifest.json: "frameworkVersion" is required',
  ],
  [
    "a framework version other than ZAF v2",
    (app) => editJson(join(app, "manifest.json"), (m) => (m.frameworkVersion = "1.0")),
    'zendesk/manifest.json: "frameworkVersion" must be "2.0"',
  ],
  [
    "an author without e-mail",
    (app) => editJson(join(app, "manifest.json"), (m) => delete m.author.email),
    'zendesk/manifest.json: "author" needs a "name" and an "email"',
  ],
  [
    "an unknown location",
    (app) =>
      editJson(join(app, "manifest.json"), (m) => {
        m.location.support.ticket_sidebarr = m.location.support.ticket_sidebar;
        delete m.location.support.ticket_sidebar;
      }),
    'zendesk/manifest.json: unknown location "ticket_sidebarr" for support',
  ],
  [
    "an unknown product",
    (app) => editJson(join(app, "manifest.json"), (m) => (m.location = { guide: m.location.support })),
    'zendesk/manifest.json: unknown product "guide"',
  ],
  [
    "a parameter type ZAF does not know",
    (app) => editJson(join(app, "manifest.json"), (m) => (m.parameters[0].type = "string")),
    'zendesk/manifest.json: parameter "attendant_url" has type "string"',
  ],
  [
    "a setting placeholder without its parameter",
    (app) =>
      editJson(join(app, "manifest.json"), (m) => {
        m.location.support.ticket_sidebar.url =
          "{{setting.attendant_address}}/embed/zendesk/{{setting.integration_id}}";
      }),
    'zendesk/manifest.json: "location.support.ticket_sidebar" uses {{setting.attendant_address}} but no parameter',
  ],
  [
    "signed URLs on the app's own page",
    (app) => {
      writeFileSync(join(app, "assets", "iframe.html"), "<!doctype html>");
      editJson(
        join(app, "manifest.json"),
        (m) => (m.location.support.ticket_sidebar.url = "assets/iframe.html"),
      );
    },
    'zendesk/manifest.json: "signedUrls" signs only remote pages',
  ],
  [
    "a plain http page",
    (app) =>
      editJson(
        join(app, "manifest.json"),
        (m) => (m.location.support.ticket_sidebar.url = "http://attendant.example.com"),
      ),
    "must be an https:// address, a setting placeholder or a file under assets/",
  ],
  [
    "a translation that lacks a key of the default language",
    (app) =>
      editJson(join(app, "translations", "de.json"), (t) => delete t.app.parameters.integration_id.helpText),
    'zendesk/translations/de.json: "app.parameters.integration_id.helpText" is missing (it is in en)',
  ],
  [
    "a missing language",
    (app) => rmSync(join(app, "translations", "ja.json")),
    "zendesk/translations/ja.json: missing",
  ],
  [
    "a parameter without a label",
    (app) =>
      editJson(join(app, "translations", "en.json"), (t) => delete t.app.parameters.attendant_url.label),
    'zendesk/translations/en.json: parameter "attendant_url" has no "app.parameters.attendant_url.label"',
  ],
  [
    "a logo of the wrong size",
    (app) => cpSync(join(app, "assets", "logo-small.png"), join(app, "assets", "logo.png")),
    "zendesk/assets/logo.png: is 128×128, must be 320×320",
  ],
];

const forgeBreaks: [string, (app: string) => void, string][] = [
  [
    "an unknown module type",
    (app) => editText(join(app, "manifest.yml"), "  jira:issuePanel:", "  jira:issuePanels:"),
    'jira/manifest.yml: unknown module type "jira:issuePanels"',
  ],
  [
    "a panel whose resource is not declared",
    (app) => editText(join(app, "manifest.yml"), "      resource: panel", "      resource: panels"),
    'jira/manifest.yml: jira:issuePanel "attendant-issue-panel" names resource "panels"',
  ],
  [
    "a resource folder that is not in the app",
    (app) => editText(join(app, "manifest.yml"), "path: static/panel", "path: static/missing"),
    'jira/manifest.yml: resource "panel" names the folder static/missing, which is not in the app',
  ],
  [
    "an endpoint whose remote is not declared",
    (app) => editText(join(app, "manifest.yml"), "      remote: attendant", "      remote: attendent"),
    'jira/manifest.yml: endpoint "attendant-launch" names remote "attendent"',
  ],
  [
    "a panel whose resolver endpoint is not declared",
    (app) => editText(join(app, "manifest.yml"), "endpoint: attendant-launch", "endpoint: nope"),
    'names endpoint "nope", which is not declared as an endpoint module',
  ],
  [
    "a module key used twice",
    (app) =>
      editText(join(app, "manifest.yml"), "    - key: attendant-launch", "    - key: attendant-issue-panel"),
    'jira/manifest.yml: module key "attendant-issue-panel" is used twice',
  ],
  [
    "a panel without a title",
    (app) => editText(join(app, "manifest.yml"), "      title: Attendant remote support\n", ""),
    'jira/manifest.yml: jira:issuePanel "attendant-issue-panel" needs a "title"',
  ],
  [
    "an icon that is not in the app",
    (app) => editText(join(app, "manifest.yml"), "resource:panel;icon.svg", "resource:panel;missing.svg"),
    "has icon resource:panel;missing.svg, which is not in the app",
  ],
  [
    "a remote on plain http",
    (app) =>
      editText(join(app, "manifest.yml"), "baseUrl: ATTENDANT_URL", "baseUrl: http://attendant.example.com"),
    'jira/manifest.yml: remote "attendant" needs an https:// "baseUrl"',
  ],
  [
    "a remote the panel may not frame",
    (app) => editText(join(app, "manifest.yml"), "    frames:\n      - ATTENDANT_URL\n", "    frames: []\n"),
    'jira/manifest.yml: "permissions.external.frames" must list https://attendant.example.com',
  ],
  [
    "no scopes",
    (app) => editText(join(app, "manifest.yml"), "  scopes:\n    - read:jira-work\n", "  scopes: []\n"),
    'jira/manifest.yml: "permissions.scopes" must list the scopes the app uses',
  ],
  [
    "a runtime Forge does not offer",
    (app) => editText(join(app, "manifest.yml"), "name: nodejs22.x", "name: nodejs12.x"),
    'jira/manifest.yml: "app.runtime.name" must be one of',
  ],
  [
    "a manifest that is not YAML",
    (app) => writeFileSync(join(app, "manifest.yml"), "modules: [unclosed"),
    "jira/manifest.yml: not valid YAML",
  ],
];

describe.each([
  ["zendesk", zendeskBreaks],
  ["jira", forgeBreaks],
] as const)("the %s rules", (app, breaks) => {
  it.each(breaks)("refuse %s, naming the rule", (_name, breakApp, expected) => {
    const integrations = copyOfApps();
    breakApp(join(integrations, app));
    expect(problemsOf(integrations)).toContainEqual(expect.stringContaining(expected));
  });
});
