/**
 * The embedding settings form (issue 23) as the admin typed it, and back: the values to re-fill,
 * the input for the use cases (src/embedding/manage-embedding-integrations.ts, which checks it
 * exactly as the API's input, by platform-trust-input.ts), and each problem the use case named,
 * next to the field it is about. Zendesk's and Forge's fields are named `zendesk<Field>` and
 * `forge<Field>`, so one form can carry both sections and only the chosen kind's is read.
 */
import { embeddingIntegrationKinds } from "../../db/schema.js";
import type { MessageKey, MessageParams, Translator } from "../../i18n/index.js";
import type { FieldErrors, FormValues } from "../../web/forms.js";
import type { OriginProblem } from "../allowed-origins.js";
import type { EmbeddingError } from "../embedding-error.js";
import type {
  EmbeddingIntegrationInput,
  EmbeddingIntegrationRecord,
  PlatformKind,
} from "../manage-embedding-integrations.js";
import {
  agentsAsText,
  type ForgeConfigInput,
  type PlatformConfigProblem,
  type ZendeskConfigInput,
} from "../platform/platform-trust-input.js";
import { forgeConfigOf, zendeskConfigOf } from "../platform/stored-platform-config.js";

export type IntegrationKind = EmbeddingIntegrationRecord["kind"];

export interface IntegrationFormState {
  values: FormValues;
  /** The first problem of each field, with its `params` (the origin, agents line or key named). */
  errors: FieldErrors;
  params?: Partial<Record<string, MessageParams>>;
  /** Every problem of a field, translated, for the fields that can have several (lines, keys). */
  texts?: Partial<Record<string, string>>;
}

/** The form's field for each configuration field, per kind, in the order the form shows them. */
export const platformFields = {
  zendesk: ["accountUrl", "installationId", "publicKeyPem", "agents"],
  forge: ["appId", "installationId", "siteUrl", "jwks", "agents"],
} as const satisfies { zendesk: (keyof ZendeskConfigInput)[]; forge: (keyof ForgeConfigInput)[] };

export const formFieldOf = (kind: PlatformKind, field: string): string =>
  `${kind}${field.charAt(0).toUpperCase()}${field.slice(1)}`;

const originProblemKeys: Record<OriginProblem, MessageKey> = {
  "origins-missing": "embed.admin.error.originsMissing",
  "too-many-origins": "embed.admin.error.tooManyOrigins",
  "origin-not-a-url": "embed.admin.error.originNotUrl",
  "origin-not-https": "embed.admin.error.originNotHttps",
  "origin-has-path": "embed.admin.error.originHasPath",
  "origin-has-credentials": "embed.admin.error.originHasCredentials",
};

export interface ReadIntegrationForm {
  values: FormValues;
  input: EmbeddingIntegrationInput;
}

/**
 * The register form: the kind is the admin's choice (HMAC when the post names none, as in the API),
 * and one not offered is a problem of its own.
 */
export function readRegisterForm(
  body: Record<string, unknown>,
): (ReadIntegrationForm & { kind: IntegrationKind }) | { kind: undefined; values: FormValues } {
  const typed = typeof body.kind === "string" ? body.kind : "hmac";
  const kind = embeddingIntegrationKinds.find((candidate) => candidate === typed);
  if (kind === undefined)
    return { kind, values: { ...readIntegrationForm(body, "hmac").values, kind: typed } };
  return { kind, ...readIntegrationForm(body, kind, { isRegistering: true }) };
}

/**
 * The values as typed, and the input of the kind's fields only. A browser sends every field of the
 * form, empty ones too. When editing, a post without any of the kind's fields (a script that only
 * renames) keeps the stored configuration, as the API does when `zendesk` or `forge` is left out;
 * when registering, every field is required.
 */
export function readIntegrationForm(
  body: Record<string, unknown>,
  kind: IntegrationKind,
  options: { isRegistering: boolean } = { isRegistering: false },
): ReadIntegrationForm {
  const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
  const values: FormValues = { kind, name: text("name"), allowedOrigins: text("allowedOrigins") };
  for (const platform of ["zendesk", "forge"] as const) {
    for (const field of platformFields[platform]) {
      const name = formFieldOf(platform, field);
      values[name] = text(name);
    }
  }
  const common = { name: text("name"), allowedOrigins: text("allowedOrigins").split(/\r?\n/) };
  const configOf = (platform: PlatformKind) =>
    Object.fromEntries(platformFields[platform].map((field) => [field, text(formFieldOf(platform, field))]));
  const hasSection =
    options.isRegistering ||
    (kind !== "hmac" &&
      platformFields[kind].some((field) => typeof body[formFieldOf(kind, field)] === "string"));
  const input: EmbeddingIntegrationInput = !hasSection
    ? common
    : kind === "zendesk"
      ? { ...common, zendesk: configOf("zendesk") as unknown as ZendeskConfigInput }
      : kind === "forge"
        ? { ...common, forge: configOf("forge") as unknown as ForgeConfigInput }
        : common;
  return { values, input };
}

export function kindProblemForm(values: FormValues): IntegrationFormState {
  return { values, errors: { kind: "embed.admin.error.kind" } };
}

/** Every problem the use case named, next to its field, keeping every value as typed. */
export function formWithErrors(
  t: Translator,
  values: FormValues,
  error: EmbeddingError,
): IntegrationFormState {
  const found: Record<string, { key: MessageKey; params: MessageParams }[]> = {};
  const add = (field: string, key: MessageKey, params: MessageParams = {}) => {
    const list = found[field] ?? [];
    list.push({ key, params });
    found[field] = list;
  };
  for (const entry of error.problems) {
    const [kind, configField] = entry.field.split(".") as [string, string | undefined];
    if (entry.field === "name") {
      add("name", entry.problem === "name-too-long" ? "forms.invalid" : "common.required");
    } else if (entry.field === "allowedOrigins") {
      add("allowedOrigins", originProblemKeys[entry.problem as OriginProblem], { origin: entry.value ?? "" });
    } else if (configField === undefined) {
      // A configuration missing or of another kind: the form always sends the chosen kind's own.
      add("kind", "embed.admin.error.kind");
    } else {
      const field = formFieldOf(kind as PlatformKind, configField);
      const typed = values[field]?.trim() ?? "";
      if (typed === "") add(field, "common.required");
      else
        add(field, `embed.admin.error.config.${entry.problem as PlatformConfigProblem}`, {
          value: entry.value ?? typed,
        });
    }
  }
  const errors: FieldErrors = {};
  const params: Partial<Record<string, MessageParams>> = {};
  const texts: Partial<Record<string, string>> = {};
  for (const [field, problems] of Object.entries(found)) {
    const [first] = problems;
    if (first === undefined) continue;
    errors[field] = first.key;
    params[field] = first.params;
    texts[field] = [...new Set(problems.map((problem) => t.t(problem.key, problem.params)))].join(" ");
  }
  return { values, errors, params, texts };
}

/** The stored integration as the form shows it: the agents as lines, the key set as indented JSON. */
export function formOf(integration: EmbeddingIntegrationRecord): IntegrationFormState {
  const values: FormValues = {
    kind: integration.kind,
    name: integration.name,
    allowedOrigins: integration.allowedOrigins.join("\n"),
  };
  const zendesk = zendeskConfigOf(integration);
  if (zendesk !== undefined) {
    values.zendeskAccountUrl = zendesk.accountUrl;
    values.zendeskInstallationId = zendesk.installationId;
    values.zendeskPublicKeyPem = zendesk.publicKeyPem;
    values.zendeskAgents = agentsAsText(zendesk.agents);
  }
  const forge = forgeConfigOf(integration);
  if (forge !== undefined) {
    values.forgeAppId = forge.appId;
    values.forgeInstallationId = forge.installationId;
    values.forgeSiteUrl = forge.siteUrl;
    values.forgeJwks = JSON.stringify(forge.jwks, null, 2);
    values.forgeAgents = agentsAsText(forge.agents);
  }
  return { values, errors: {} };
}
