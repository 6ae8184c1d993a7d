import { describe, expect, it } from "vitest";
import { isAllowedEndpoint, needsInsecureRequests } from "../../src/teamviewer/app-endpoints.js";
import {
  type AppSettingsInput,
  readAppSettingsForm,
  validateAppSettings,
} from "../../src/teamviewer/app-settings.js";

const valid: AppSettingsInput = {
  clientId: "424242-AbCdEfGhIjKlMnOpQrSt",
  clientSecret: "secret",
  redirectUri: "https://support.example.com/teamviewer/callback",
  authorizeUrl: "https://login.teamviewer.com/oauth2/authorize",
  apiBaseUrl: "https://webapi.teamviewer.com/api/v1",
};

describe("TeamViewer app settings", () => {
  it("accepts a complete https registration", () => {
    expect(validateAppSettings(valid, false)).toEqual({});
  });

  it("needs a secret only while none is stored", () => {
    expect(validateAppSettings({ ...valid, clientSecret: "" }, false)).toEqual({
      clientSecret: "tv.settings.error.clientSecretRequired",
    });
    expect(validateAppSettings({ ...valid, clientSecret: "" }, true)).toEqual({});
  });

  it("allows plain http only to this machine", () => {
    expect(isAllowedEndpoint(new URL("http://127.0.0.1:4010/api/v1"))).toBe(true);
    expect(isAllowedEndpoint(new URL("http://localhost:4010/api/v1"))).toBe(true);
    expect(isAllowedEndpoint(new URL("http://[::1]:4010/api/v1"))).toBe(true);
    expect(isAllowedEndpoint(new URL("http://10.0.0.5/api/v1"))).toBe(false);
    expect(isAllowedEndpoint(new URL("http://127.evil.example/api/v1"))).toBe(false);
  });

  it("tells the client to allow http exactly when an endpoint uses it", () => {
    expect(needsInsecureRequests(valid)).toBe(false);
    expect(needsInsecureRequests({ ...valid, apiBaseUrl: "http://localhost:4010/api/v1" })).toBe(true);
  });

  it("never lets the client use plain http when one plain-http address is another machine", () => {
    const local = {
      authorizeUrl: "http://127.0.0.1:4010/oauth2/authorize",
      apiBaseUrl: "http://[::1]:4010/api/v1",
    };
    expect(needsInsecureRequests(local)).toBe(true);
    expect(needsInsecureRequests({ ...local, apiBaseUrl: "http://webapi.teamviewer.example/api/v1" })).toBe(
      false,
    );
    expect(needsInsecureRequests({ ...valid, apiBaseUrl: "http://10.0.0.5/api/v1" })).toBe(false);
  });

  it("reports every wrong field at once", () => {
    const errors = validateAppSettings(
      {
        clientId: "",
        clientSecret: "a b",
        redirectUri: "https://x.example/cb",
        authorizeUrl: "nope",
        apiBaseUrl: "",
      },
      false,
    );
    expect(errors).toEqual({
      clientId: "tv.settings.error.clientIdRequired",
      clientSecret: "tv.settings.error.credentialFormat",
      redirectUri: "tv.settings.error.redirectPath",
      authorizeUrl: "tv.settings.error.url",
      apiBaseUrl: "common.required",
    });
  });

  it("reads a form body, trimming text and ignoring anything else", () => {
    const file = new File(["x"], "x.txt");
    expect(readAppSettingsForm({ clientId: "  id  ", clientSecret: file, extra: "ignored" })).toEqual({
      clientId: "id",
      clientSecret: "",
      redirectUri: "",
      authorizeUrl: "",
      apiBaseUrl: "",
    });
  });
});
