/**
 * Checks a Forge app folder offline against the rules of Atlassian's Forge manifest reference:
 * the app id's form and runtime, known module types, module keys that are well formed and
 * unique, an issue panel's title, icon and Custom UI resource, references between modules,
 * endpoints, remotes and resources that resolve, https remotes that the panel may frame, and the
 * scopes it lists. Returns one line per problem; an empty list means the app is fine.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/** The module types this checker knows; others are refused rather than passed unchecked. */
const MODULE_TYPES = ["jira:issuePanel", "jira:issueGlance", "jira:issueContext", "endpoint", "function"];
const RUNTIMES = ["nodejs20.x", "nodejs22.x"];

type Yaml = Record<string, unknown>;

function isObject(value: unknown): value is Yaml {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function entries(value: unknown): Yaml[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

export function forgeAppProblems(folder: string): string[] {
  const path = join(folder, "manifest.yml");
  if (!existsSync(path)) return ["manifest.yml: missing"];
  let manifest: unknown;
  try {
    manifest = parse(readFileSync(path, "utf8"));
  } catch (error) {
    return [`manifest.yml: not valid YAML (${(error as Error).message})`];
  }
  if (!isObject(manifest)) return ["manifest.yml: must be a mapping"];
  const problems: string[] = [];

  const app = isObject(manifest.app) ? manifest.app : {};
  if (
    typeof app.id !== "string" ||
    !/^ari:cloud:ecosystem::app\/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(app.id)
  ) {
    problems.push(`manifest.yml: "app.id" must be ari:cloud:ecosystem::app/<uuid> (from forge register)`);
  }
  const runtime = isObject(app.runtime) ? app.runtime.name : undefined;
  if (typeof runtime !== "string" || !RUNTIMES.includes(runtime)) {
    problems.push(`manifest.yml: "app.runtime.name" must be one of ${RUNTIMES.join(", ")}`);
  }

  const remotes = entries(manifest.remotes);
  const remoteKeys = new Set(remotes.map((remote) => String(remote.key)));
  const remoteOrigins = new Map<string, string>();
  for (const remote of remotes) {
    const key = String(remote.key);
    const origin = httpsOrigin(remote.baseUrl);
    if (origin === undefined) problems.push(`manifest.yml: remote "${key}" needs an https:// "baseUrl"`);
    else remoteOrigins.set(key, origin);
  }

  const resources = entries(manifest.resources);
  const resourceKeys = new Set<string>();
  for (const resource of resources) {
    const key = String(resource.key);
    resourceKeys.add(key);
    const dir = typeof resource.path === "string" ? join(folder, resource.path) : undefined;
    if (dir === undefined || !existsSync(dir) || !statSync(dir).isDirectory()) {
      problems.push(
        `manifest.yml: resource "${key}" names the folder ${String(resource.path)}, which is not in the app`,
      );
    } else if (!existsSync(join(dir, "index.html"))) {
      problems.push(
        `manifest.yml: resource "${key}" (${String(resource.path)}) has no index.html for Custom UI`,
      );
    }
  }

  const modules = isObject(manifest.modules) ? manifest.modules : {};
  if (Object.keys(modules).length === 0)
    problems.push(`manifest.yml: "modules" must declare at least one module`);
  const seenKeys = new Set<string>();
  for (const [type, list] of Object.entries(modules)) {
    if (!MODULE_TYPES.includes(type)) problems.push(`manifest.yml: unknown module type "${type}"`);
    for (const module of entries(list)) {
      const key = module.key;
      if (typeof key !== "string" || !/^[a-zA-Z0-9_-]+$/.test(key)) {
        problems.push(`manifest.yml: a ${type} module needs a "key" of letters, digits, - and _`);
        continue;
      }
      if (seenKeys.has(key)) problems.push(`manifest.yml: module key "${key}" is used twice`);
      seenKeys.add(key);
    }
  }
  const endpointKeys = new Set(entries(modules.endpoint).map((endpoint) => String(endpoint.key)));
  for (const endpoint of entries(modules.endpoint)) {
    if (typeof endpoint.remote !== "string" || !remoteKeys.has(endpoint.remote)) {
      problems.push(
        `manifest.yml: endpoint "${String(endpoint.key)}" names remote ${JSON.stringify(endpoint.remote)}, which is not declared under "remotes"`,
      );
    }
  }
  for (const panel of entries(modules["jira:issuePanel"])) {
    panelProblems(panel, folder, resources, resourceKeys, endpointKeys, problems);
  }

  permissionProblems(manifest.permissions, remoteOrigins, problems);
  return problems;
}

function panelProblems(
  panel: Yaml,
  folder: string,
  resources: Yaml[],
  resourceKeys: Set<string>,
  endpointKeys: Set<string>,
  problems: string[],
): void {
  const name = `jira:issuePanel "${String(panel.key)}"`;
  if (typeof panel.title !== "string" || panel.title === "")
    problems.push(`manifest.yml: ${name} needs a "title"`);
  if (typeof panel.resource !== "string" || !resourceKeys.has(panel.resource)) {
    problems.push(
      `manifest.yml: ${name} names resource ${JSON.stringify(panel.resource)}, which is not declared under "resources"`,
    );
  }
  const endpoint = isObject(panel.resolver) ? panel.resolver.endpoint : undefined;
  if (endpoint !== undefined && (typeof endpoint !== "string" || !endpointKeys.has(endpoint))) {
    problems.push(
      `manifest.yml: ${name} names endpoint ${JSON.stringify(endpoint)}, which is not declared as an endpoint module`,
    );
  }
  const icon = typeof panel.icon === "string" ? /^resource:([^;]+);(.+)$/.exec(panel.icon) : null;
  if (typeof panel.icon !== "string" || panel.icon === "") {
    problems.push(`manifest.yml: ${name} needs an "icon"`);
  } else if (icon !== null) {
    const resource = resources.find((candidate) => candidate.key === icon[1]);
    const file =
      resource && typeof resource.path === "string" ? join(folder, resource.path, icon[2] ?? "") : undefined;
    if (file === undefined || !existsSync(file))
      problems.push(`manifest.yml: ${name} has icon ${panel.icon}, which is not in the app`);
  } else if (httpsOrigin(panel.icon) === undefined) {
    problems.push(
      `manifest.yml: ${name} needs an icon of the form resource:<key>;<path> or an https:// address`,
    );
  }
}

function permissionProblems(
  permissions: unknown,
  remoteOrigins: Map<string, string>,
  problems: string[],
): void {
  const granted = isObject(permissions) ? permissions : {};
  const scopes = granted.scopes;
  if (!Array.isArray(scopes) || scopes.length === 0) {
    problems.push(`manifest.yml: "permissions.scopes" must list the scopes the app uses`);
  } else {
    for (const scope of scopes) {
      if (typeof scope !== "string" || !/^[a-z]+(:[a-z-]+)+$/.test(scope)) {
        problems.push(
          `manifest.yml: scope ${JSON.stringify(scope)} is not of the form action:product-resource`,
        );
      }
    }
  }
  const external = isObject(granted.external) ? granted.external : {};
  const frames = Array.isArray(external.frames) ? external.frames.map((frame) => httpsOrigin(frame)) : [];
  // The panel shows Attendant in a frame, so every remote must be allowed as a frame too.
  for (const [key, origin] of remoteOrigins) {
    if (!frames.includes(origin)) {
      problems.push(
        `manifest.yml: "permissions.external.frames" must list ${origin} so the panel may frame remote "${key}"`,
      );
    }
  }
}

function httpsOrigin(value: unknown): string | undefined {
  if (typeof value !== "string" || !value.startsWith("https://")) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}
