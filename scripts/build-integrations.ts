/**
 * `npm run build:integrations`: checks the Zendesk and Jira apps under integrations/ against
 * each platform's manifest rules (scripts/integrations/) and builds the installable packages:
 *
 *   integrations/dist/attendant-zendesk.zip   upload in Zendesk Admin Center (private app)
 *   integrations/dist/attendant-jira/         a Forge app folder: npm install, npm run build, forge deploy
 *
 *   npm run build:integrations -- --attendant-url https://attendant.example.com \
 *     --forge-app-id 3f1c2b7a-0d4e-4a8b-9c6d-5e4f3a2b1c0d
 *
 * Zendesk takes Attendant's address as an app setting; Forge needs it in the manifest (the remote
 * and the frames it may show), so it is written into the Jira app here.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { forgeAppProblems } from "./integrations/forge-app-rules.js";
import { zendeskAppProblems } from "./integrations/zendesk-app-rules.js";

export interface BuildOptions {
  /** The folder holding zendesk/ and jira/. */
  integrations: string;
  /** Where the packages go. */
  out: string;
  attendantUrl: string;
  /** The UUID part of the Forge app's id, as `forge register` printed it. */
  forgeAppId: string;
}

export class IntegrationCheckFailed extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `The helpdesk apps break ${problems.length} platform rule(s):\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
    this.name = "IntegrationCheckFailed";
  }
}

/** The Zendesk package holds only what Zendesk reads: the manifest, its translations and assets. */
const ZENDESK_PACKAGE = ["manifest.json", "translations", "assets"];

export function buildIntegrations(options: BuildOptions): { zendeskZip: string; jiraFolder: string } {
  const attendantUrl = options.attendantUrl.replace(/\/+$/, "");
  if (!/^https:\/\/[^\s/?#]+$/.test(attendantUrl)) {
    throw new IntegrationCheckFailed([
      `--attendant-url must be Attendant's https:// origin without a path, e.g. https://attendant.example.com; got ${JSON.stringify(options.attendantUrl)}`,
    ]);
  }
  if (!/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(options.forgeAppId)) {
    throw new IntegrationCheckFailed([
      `--forge-app-id must be the UUID from the app id forge register printed; got ${JSON.stringify(options.forgeAppId)}`,
    ]);
  }
  const zendesk = join(options.integrations, "zendesk");
  const jira = join(options.integrations, "jira");
  const jiraFolder = join(options.out, "attendant-jira");
  rmSync(jiraFolder, { recursive: true, force: true });
  cpSync(jira, jiraFolder, {
    recursive: true,
    // Packages installed for a local Forge build stay out of the package.
    filter: (source) => !relative(jira, source).split(sep).includes("node_modules"),
  });
  const manifestPath = join(jiraFolder, "manifest.yml");
  writeFileSync(
    manifestPath,
    readFileSync(manifestPath, "utf8")
      .replaceAll("ATTENDANT_URL", attendantUrl)
      .replaceAll("FORGE_APP_ID", options.forgeAppId),
  );

  const problems = [
    ...zendeskAppProblems(zendesk).map((problem) => `zendesk/${problem}`),
    ...forgeAppProblems(jiraFolder).map((problem) => `jira/${problem}`),
  ];
  if (problems.length > 0) {
    rmSync(jiraFolder, { recursive: true, force: true });
    throw new IntegrationCheckFailed(problems);
  }

  mkdirSync(options.out, { recursive: true });
  const zendeskZip = join(options.out, "attendant-zendesk.zip");
  rmSync(zendeskZip, { force: true });
  // -X leaves out file owners and extra times, so the same sources give the same package.
  execFileSync("zip", ["-q", "-r", "-X", zendeskZip, ...ZENDESK_PACKAGE], { cwd: zendesk });
  return { zendeskZip, jiraFolder };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      "attendant-url": {
        type: "string",
        default: process.env.ATTENDANT_PUBLIC_URL ?? "https://attendant.example.com",
      },
      "forge-app-id": { type: "string", default: "00000000-0000-4000-8000-000000000000" },
    },
  });
  const integrations = fileURLToPath(new URL("../integrations/", import.meta.url));
  const built = buildIntegrations({
    integrations,
    out: join(integrations, "dist"),
    attendantUrl: values["attendant-url"],
    forgeAppId: values["forge-app-id"],
  });
  console.log(`Zendesk app: ${built.zendeskZip}\nJira (Forge) app: ${built.jiraFolder}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
