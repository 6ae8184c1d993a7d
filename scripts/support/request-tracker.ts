/**
 * A throwaway Request Tracker 5 for the tests: Debian's `request-tracker5`, a copy of the SQLite
 * database its installer made, a loopback port, its own configuration files in a temp folder (RT
 * reads `RT_SITE_CONFIG` / `RT_SITE_CONFIG_DIR`, so the installed configuration is never
 * touched and two runs never share a database). Mail RT sends goes to an mbox file in that
 * folder through a `sendmailpipe` script, never to the network.
 *
 * An API user with the rights write-back needs, one with read rights only, a "TeamViewer
 * session" ticket field and an auth token for each are made with RT's own Perl API
 * (`request-tracker-bootstrap.pl`), because RT has no command that makes tokens.
 *
 * Attendant's ticket panel (integrations/request-tracker/) is installed into every such RT by the
 * installer an admin runs, pointed at this RT's own folders, with the settings the caller gives (or
 * none: the panel then stays hidden from agents).
 *
 * RT runs as `www-data` (`runuser`, so the tests must run as root, as CI does) in its own
 * process group; `stop()` ends that group by its pid. `halt()` and `resume()` stop it and start it
 * again on the same port and database, for a test of a helpdesk outage.
 */
import { execFile as execFileCallback, spawn } from "node:child_process";
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { findFreePort } from "./free-port.js";

const execFile = promisify(execFileCallback);

/** Where Debian's package puts RT and the database its installer creates. */
export const requestTrackerPaths = {
  server: "/usr/share/request-tracker5/libexec/rt-server",
  lib: "/usr/share/request-tracker5/lib",
  installedDatabase: "/var/lib/dbconfig-common/sqlite3/request-tracker5/rtdb",
} as const;

/** The ticket field the bootstrap creates and applies to the `General` queue. */
export const sessionFieldName = "TeamViewer session";

/**
 * Agents the bootstrap makes for the panel's tests: they sign in to RT's web UI with `rootPassword`,
 * may see the `General` queue's tickets and are not superusers.
 */
export const panelAgents = {
  /** `panel-agent@rt.invalid`, with RT's defaults. */
  agent: "panel-agent",
  /** `panel-agent-dark@rt.invalid`, on RT's dark theme. */
  darkTheme: "panel-agent-dark",
  /** Has no e-mail address. */
  withoutEmail: "panel-agent-without-mail",
  /** `demo-admin@attendant.invalid`: Attendant's demo admin (packages/service/src/identity/first-start.ts). */
  attendantDemoAdmin: "attendant-demo-admin",
} as const;

/** The three settings of Attendant's panel in RT (integrations/request-tracker/install.sh). */
export interface AttendantPanelSettings {
  url: string;
  integrationId: string;
  secret: string;
}

/**
 * Fixed settings for the run's RT: RT reads them only when it starts, so the test that runs
 * Attendant against this RT starts Attendant at `attendantUrl` and stores this integration id and
 * secret in it before its first start. The secret has the shape Attendant shows (32 bytes as
 * base64url).
 */
export function testPanelSettings(attendantUrl: string): AttendantPanelSettings {
  return {
    url: attendantUrl,
    integrationId: "2f1c7a52-8d0e-4b6a-9c3f-5e7d1a2b3c4d",
    secret: "dGVzdC1vbmx5LXNlY3JldC1mb3ItdGhlLXJ0LXBhbmU",
  };
}

export interface RequestTrackerServer {
  /** `http://127.0.0.1:<port>`: RT's web UI, REST2 under `/REST/2.0`. */
  url: string;
  /** Token of `attendant`, a privileged user with every right write-back needs on `General`. */
  token: string;
  /** Token of `attendant-reader`, who may see tickets on `General` but not change them. */
  readOnlyToken: string;
  /** Password of RT's `root` user (and of `panelAgents`), for signing in to the web UI. */
  rootPassword: string;
  /** Every mail RT has sent so far, as one mbox text ("" before the first). */
  readMailbox(): string;
  /** The settings Attendant's panel was installed with; null when it was installed without any. */
  panel: AttendantPanelSettings | null;
  /** The mbox file RT's outgoing mail is appended to (it exists once RT sent a mail). */
  mailboxPath: string;
  /**
   * Stops RT's processes (TERM to the group, as an operator or a crash would end them) but keeps
   * its database, port and tokens, so `resume()` brings the same RT back: an outage.
   */
  halt(): Promise<void>;
  /** Starts RT again after `halt()`, on the same port and database; resolves once it answers. */
  resume(): Promise<void>;
  /** Ends RT and removes its folder. */
  stop(): Promise<void>;
}

/** Whether Debian's request-tracker5 with its SQLite database is installed here. */
export function isRequestTrackerInstalled(): boolean {
  return existsSync(requestTrackerPaths.server) && existsSync(requestTrackerPaths.installedDatabase);
}

export async function startRequestTracker(
  options: { panel?: AttendantPanelSettings } = {},
): Promise<RequestTrackerServer> {
  if (!isRequestTrackerInstalled()) {
    throw new Error(
      `Request Tracker 5 is not installed (${requestTrackerPaths.server}, ${requestTrackerPaths.installedDatabase}): ` +
        "run scripts/ensure-system-packages.sh as root.",
    );
  }
  const root = mkdtempSync(path.join(tmpdir(), "attendant-rt-"));
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const rootPassword = "attendant-rt-root";
  const mailbox = path.join(root, "outgoing.mbox");
  const database = path.join(root, "rtdb");
  copyFileSync(requestTrackerPaths.installedDatabase, database);
  mkdirSync(path.join(root, "site-config.d"));
  mkdirSync(path.join(root, "mason"));
  mkdirSync(path.join(root, "sessions"));
  const captureMail = path.join(root, "capture-mail");
  writeFileSync(
    captureMail,
    `#!/bin/sh\n{ printf 'From rt@localhost %s\\n' "$(date -u)"; cat; printf '\\n'; } >> '${mailbox}'\n`,
  );
  chmodSync(captureMail, 0o755);
  const siteConfig = path.join(root, "RT_SiteConfig.pm");
  writeFileSync(siteConfig, siteConfigText({ port, url, database, captureMail, root }));
  const { uid, gid } = await webUser();
  await chownTree(root, uid, gid);
  try {
    await installPanel(root, options.panel);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`Installing Attendant's panel into RT failed: ${(error as Error).message}`);
  }

  const environment = [
    `RT_SITE_CONFIG=${siteConfig}`,
    `RT_SITE_CONFIG_DIR=${path.join(root, "site-config.d")}`,
  ];
  let output: string;
  try {
    ({ stdout: output } = await execFile("runuser", [
      "-u",
      "www-data",
      "--",
      "env",
      ...environment,
      "perl",
      bootstrapScript(),
      sessionFieldName,
      rootPassword,
    ]));
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`Request Tracker's bootstrap failed: ${(error as Error).message}`);
  }
  const tokens = JSON.parse(output) as { token: string; readOnlyToken: string };

  const runServer = async (): Promise<number> => {
    const server = spawn(
      "runuser",
      [
        "-u",
        "www-data",
        "--",
        "env",
        ...environment,
        requestTrackerPaths.server,
        "--host",
        "127.0.0.1",
        "--port",
        String(port),
        "--max-workers",
        "2",
      ],
      { detached: true, stdio: ["ignore", "ignore", "pipe"] },
    );
    let log = "";
    server.stderr.on("data", (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-8_000);
    });
    const pid = server.pid;
    if (pid === undefined) throw new Error("rt-server did not start");
    try {
      await waitUntilReady(`${url}/REST/2.0/rt`, tokens.token, () => server.exitCode !== null);
    } catch (error) {
      await stopProcessGroup(pid);
      throw new Error(`${(error as Error).message}\nrt-server said:\n${log}`);
    }
    return pid;
  };
  let pid: number | undefined;
  const halt = async () => {
    if (pid !== undefined) await stopProcessGroup(pid);
    pid = undefined;
  };
  const stop = async () => {
    await halt();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    pid = await runServer();
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    token: tokens.token,
    readOnlyToken: tokens.readOnlyToken,
    rootPassword,
    readMailbox: () => (existsSync(mailbox) ? readFileSync(mailbox, "utf8") : ""),
    mailboxPath: mailbox,
    panel: options.panel ?? null,
    halt,
    async resume() {
      if (pid === undefined) pid = await runServer();
    },
    stop,
  };
}

function siteConfigText(values: {
  port: number;
  url: string;
  database: string;
  captureMail: string;
  root: string;
}) {
  // Perl single-quoted strings: the temp paths and the URL contain no quote or backslash.
  return `Set($rtname, 'attendant-test');
Set($Organization, 'attendant.invalid');
Set($CorrespondAddress, 'rt@localhost');
Set($CommentAddress, 'rt-comment@localhost');
Set($WebDomain, '127.0.0.1');
Set($WebPort, ${values.port});
Set($WebPath, '');
Set($WebBaseURL, '${values.url}');
Set($DatabaseType, 'SQLite');
Set($DatabaseName, '${values.database}');
Set($MailCommand, 'sendmailpipe');
Set($SendmailPath, '${values.captureMail}');
Set($SendmailArguments, '');
Set($LogToSTDERR, 'error');
Set($LogToSyslog, undef);
Set($Timezone, 'UTC');
$RT::MasonDataDir = '${path.join(values.root, "mason")}';
$RT::MasonSessionDir = '${path.join(values.root, "sessions")}';
# Attendant's panel goes into this RT's own folder, never into the machine's local components.
$RT::MasonLocalComponentRoot = '${path.join(values.root, "html")}';
1;
`;
}

/** Runs the admin's installer against this RT's folders; the settings go in its environment. */
async function installPanel(root: string, panel: AttendantPanelSettings | undefined): Promise<void> {
  const installer = fileURLToPath(new URL("../../integrations/request-tracker/install.sh", import.meta.url));
  await execFile(
    installer,
    [
      "--local-html",
      path.join(root, "html"),
      "--config-dir",
      path.join(root, "site-config.d"),
      "--mason-cache",
      path.join(root, "mason"),
    ],
    {
      env: {
        ...process.env,
        ATTENDANT_URL: panel?.url ?? "",
        ATTENDANT_INTEGRATION_ID: panel?.integrationId ?? "",
        ATTENDANT_INTEGRATION_SECRET: panel?.secret ?? "",
      },
    },
  );
}

function bootstrapScript(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), "request-tracker-bootstrap.pl");
}

async function webUser(): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
    execFile("id", ["-u", "www-data"]),
    execFile("id", ["-g", "www-data"]),
  ]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

async function chownTree(root: string, uid: number, gid: number): Promise<void> {
  chownSync(root, uid, gid);
  await execFile("chown", ["-R", `${uid}:${gid}`, root]);
}

async function waitUntilReady(versionUrl: string, token: string, hasExited: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error("rt-server exited before it answered");
    try {
      const response = await fetch(versionUrl, { headers: { authorization: `token ${token}` } });
      await response.body?.cancel();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`rt-server did not answer ${versionUrl} within 60 s`);
}

/** TERM to RT's process group (runuser, the Starlet master and its workers), KILL if it lingers. */
async function stopProcessGroup(pid: number): Promise<void> {
  signalGroup(pid, "SIGTERM");
  for (let waited = 0; waited < 10_000; waited += 100) {
    if (!signalGroup(pid, 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signalGroup(pid, "SIGKILL");
}

function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}
