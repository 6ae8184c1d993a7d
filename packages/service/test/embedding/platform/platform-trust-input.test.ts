import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import {
  agentsAsText,
  checkForgeConfig,
  checkZendeskConfig,
  type ForgeConfigInput,
  type ZendeskConfigInput,
} from "../../../src/embedding/platform/platform-trust-input.js";

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
let rsaKeys: Keys;
let zendesk: ZendeskConfigInput;
let forge: ForgeConfigInput;

beforeAll(async () => {
  rsaKeys = await generateKeyPair("RS256", { extractable: true });
  zendesk = {
    accountUrl: " https://acme.zendesk.com ",
    installationId: "360001",
    publicKeyPem: await exportSPKI(rsaKeys.publicKey),
    agents: "98765 = agent@acme.example\n\n  12 =other@acme.example  \n",
  };
  forge = {
    appId: "ari:cloud:ecosystem::app/3f1c2b7a-0d4e-4a8b-9c6d-5e4f3a2b1c0d",
    installationId: "ari:cloud:ecosystem::installation/2d9c8b7a-6e5f-4d3c-8b2a-1f0e9d8c7b6a",
    siteUrl: "https://acme.atlassian.net",
    jwks: JSON.stringify({ keys: [{ ...(await exportJWK(rsaKeys.publicKey)), kid: "forge/1" }] }),
    agents: "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077 = agent@acme.example",
  };
});

describe("checkZendeskConfig", () => {
  it("accepts the account, installation, app key and agents map a Zendesk admin copies", async () => {
    const checked = await checkZendeskConfig(zendesk);
    expect(checked.problems).toEqual([]);
    expect(checked.config).toEqual({
      accountUrl: "https://acme.zendesk.com",
      installationId: "360001",
      publicKeyPem: zendesk.publicKeyPem.trim(),
      agents: { "98765": "agent@acme.example", "12": "other@acme.example" },
    });
  });

  it("refuses a public key PEM that does not parse, naming the field", async () => {
    const checked = await checkZendeskConfig({
      ...zendesk,
      publicKeyPem: "-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----",
    });
    expect(checked.config).toBeUndefined();
    expect(checked.problems).toEqual([{ field: "publicKeyPem", problem: "public-key-invalid" }]);
  });

  it("refuses a private key pasted where the app's public key belongs", async () => {
    const checked = await checkZendeskConfig({
      ...zendesk,
      publicKeyPem: await exportPKCS8(rsaKeys.privateKey),
    });
    expect(checked.problems).toEqual([{ field: "publicKeyPem", problem: "public-key-invalid" }]);
  });

  it("refuses an account that is not an https origin and an installation id that is not a number", async () => {
    const checked = await checkZendeskConfig({
      ...zendesk,
      accountUrl: "http://acme.zendesk.com/agent",
      installationId: "abc",
    });
    expect(checked.problems).toEqual([
      { field: "accountUrl", problem: "url-invalid", value: "http://acme.zendesk.com/agent" },
      { field: "installationId", problem: "installation-id-invalid" },
    ]);
  });

  it("refuses each agents line that is not `id = e-mail`, quoting the line", async () => {
    const checked = await checkZendeskConfig({
      ...zendesk,
      agents: "98765 = agent@acme.example\nagent@acme.example\n42 = not-an-email\nabc = x@acme.example",
    });
    expect(checked.problems).toEqual([
      { field: "agents", problem: "agents-line-invalid", value: "agent@acme.example" },
      { field: "agents", problem: "agents-line-invalid", value: "42 = not-an-email" },
      { field: "agents", problem: "agents-line-invalid", value: "abc = x@acme.example" },
    ]);
  });

  it("refuses the same platform user mapped twice, so no line silently wins", async () => {
    const checked = await checkZendeskConfig({
      ...zendesk,
      agents: "98765 = agent@acme.example\n98765 = boss@acme.example",
    });
    expect(checked.problems).toEqual([{ field: "agents", problem: "agents-duplicate-id", value: "98765" }]);
  });
});

describe("checkForgeConfig", () => {
  it("accepts the app, installation, site, Atlassian's key set and agents map", async () => {
    const checked = await checkForgeConfig(forge);
    expect(checked.problems).toEqual([]);
    expect(checked.config?.jwks.keys).toHaveLength(1);
    expect(checked.config?.agents).toEqual({
      "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077": "agent@acme.example",
    });
  });

  it("refuses a key set without keys", async () => {
    for (const jwks of ['{"keys":[]}', "{}", "null"]) {
      const checked = await checkForgeConfig({ ...forge, jwks });
      expect(checked.problems).toEqual([{ field: "jwks", problem: "jwks-without-keys" }]);
    }
  });

  it("refuses key set text that is not JSON", async () => {
    const checked = await checkForgeConfig({ ...forge, jwks: "-----BEGIN PUBLIC KEY-----" });
    expect(checked.problems).toEqual([{ field: "jwks", problem: "jwks-not-json" }]);
  });

  it("refuses a key that is not an RSA public key, naming its position in the set", async () => {
    const good = JSON.parse(forge.jwks).keys[0];
    const checked = await checkForgeConfig({
      ...forge,
      jwks: JSON.stringify({ keys: [good, { kty: "oct", k: "c2VjcmV0" }, { kty: "RSA", n: "x" }] }),
    });
    expect(checked.problems).toEqual([
      { field: "jwks", problem: "jwks-key-invalid", value: "2" },
      { field: "jwks", problem: "jwks-key-invalid", value: "3" },
    ]);
  });

  it("refuses a private key in the set, which would then be stored as if it were public", async () => {
    const privateJwk = await exportJWK(rsaKeys.privateKey);
    const checked = await checkForgeConfig({ ...forge, jwks: JSON.stringify({ keys: [privateJwk] }) });
    expect(checked.problems).toEqual([{ field: "jwks", problem: "jwks-private-key", value: "1" }]);
  });

  it("refuses an app id and installation id that are not Forge ARIs", async () => {
    const checked = await checkForgeConfig({
      ...forge,
      appId: "3f1c2b7a-0d4e-4a8b-9c6d-5e4f3a2b1c0d",
      installationId: "360001",
    });
    expect(checked.problems).toEqual([
      { field: "appId", problem: "app-id-invalid" },
      { field: "installationId", problem: "installation-id-invalid" },
    ]);
  });

  it("keeps an account id such as __proto__ as an ordinary entry of the agents map", async () => {
    const checked = await checkForgeConfig({ ...forge, agents: "__proto__ = agent@acme.example" });
    expect(checked.config?.agents).toEqual(Object.fromEntries([["__proto__", "agent@acme.example"]]));
    expect(Object.hasOwn(checked.config?.agents ?? {}, "__proto__")).toBe(true);
  });
});

describe("agentsAsText", () => {
  it("gives back the agents map as the lines the admin typed", async () => {
    const checked = await checkZendeskConfig(zendesk);
    expect(agentsAsText(checked.config?.agents ?? {})).toBe(
      "12 = other@acme.example\n98765 = agent@acme.example",
    );
  });
});
