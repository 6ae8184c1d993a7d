import { expect } from "vitest";
import { createSimulator, DEMO, type Simulator, type SimulatorOptions } from "../src/index.js";

/** Shapes from docs/teamviewer-api.md, asserted on raw wire answers. */
export const WIRE_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
export const SESSION_CODE = /^s\d{2,3}-\d{3}-\d{3}$/;
export const TOKEN = /^\d{8}-[A-Za-z0-9]{20}$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const ORIGIN = "http://localhost:4010";
export const START = "2026-03-02T09:00:00Z";
export const SCRIPT_TOKEN = DEMO.scriptToken;

export function startSimulator(options: SimulatorOptions = {}): Simulator {
  return createSimulator({ clock: START, ...options });
}

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary wire JSON
  body: any;
  text: string;
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

/** One request through `sim.fetch`, answered with status, headers and parsed body. */
export async function call(
  sim: Simulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.json);
  } else if (options.form !== undefined) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(options.form).toString();
  }
  const url = path.startsWith("http") ? path : `${ORIGIN}${path}`;
  const response = await sim.fetch(url, {
    method,
    headers,
    redirect: "manual",
    ...(body !== undefined && { body }),
  });
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json") ?? false;
  return {
    status: response.status,
    headers: response.headers,
    body: isJson && text ? JSON.parse(text) : text,
    text,
  };
}

/** Asserts a TeamViewer-style error body whose `error_code` is the status (docs/teamviewer-api.md §6). */
export function expectApiError(answer: Answer, status: number, error: string): void {
  expect(answer.status).toBe(status);
  expect(Object.keys(answer.body).sort()).toEqual(["error", "error_code", "error_description"]);
  expect(answer.body.error).toBe(error);
  expect(answer.body.error_code).toBe(status);
  expect(typeof answer.body.error_description).toBe("string");
}

/** A user access token of the demo app for a demo account, via the admin shortcut. */
export function userToken(sim: Simulator, userid = "u7005"): string {
  return sim.admin.issueUserToken({ clientId: DEMO.app.clientId, userid }).accessToken;
}

export async function createSession(sim: Simulator, token: string, fields: Record<string, unknown> = {}) {
  const answer = await call(sim, "POST", "/api/v1/sessions", {
    token,
    json: { groupid: "g40211", ...fields },
  });
  expect(answer.status).toBe(200);
  return answer.body as Record<string, unknown> & {
    code: string;
    end_customer_link: string;
    supporter_link: string;
  };
}
