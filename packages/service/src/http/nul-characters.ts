/**
 * Refuses requests that carry the NUL character (U+0000) anywhere a value could come from: the
 * path, the query string, a JSON body or a form. PostgreSQL text cannot hold U+0000, so such a
 * value would fail deep inside a statement as a 500, possibly after TeamViewer was already
 * called. Refusing it first, with the field named, answers 400 and touches nothing. Stripping it
 * instead would change what the caller sent without telling them.
 */
import type { Context, MiddlewareHandler } from "hono";
import { isApiPath } from "./api-path.js";
import type { AppEnv } from "./app-deps.js";
import { problemResponse } from "./problem.js";

/** Where a NUL was found, in the words the API uses for invalid fields (`field` is dotted). */
export interface NulLocation {
  in: "path" | "query" | "body";
  /** Empty for the path: its parameters are not named before routing. */
  field: string;
}

export interface NulRefusalOptions {
  /** The web page (400, in the reader's language) for everything outside /api/. */
  renderPage: (c: Context<AppEnv>, location: NulLocation) => Response | Promise<Response>;
}

export function refuseNulCharacters(options: NulRefusalOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const location = await findNulCharacter(c);
    if (location === undefined) return next();
    c.get("logger").warn({ at: location }, "refused a request containing a NUL character");
    if (!isApiPath(c.req.path)) return options.renderPage(c, location);
    const where = location.field === "" ? location.in : `${location.in} field "${location.field}"`;
    return problemResponse(c, 400, {
      detail: `The ${where} contains a NUL character (U+0000, %00), which cannot be stored. Remove it and send the request again.`,
      extensions: {
        code: "invalid-request",
        errors: [{ ...location, message: "contains a NUL character (U+0000); remove it" }],
      },
    });
  };
}

/** What Hono's validators read as JSON (`application/json`, `application/…+json`) and as a form. */
const jsonMediaType = /^application\/([a-z-.]+\+)?json\b/;
const formMediaType = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/;

async function findNulCharacter(c: Context<AppEnv>): Promise<NulLocation | undefined> {
  // A raw NUL cannot pass Node's HTTP parser, so in the URL it is always written `%00`.
  if (c.req.url.includes("%00")) {
    const url = new URL(c.req.url);
    if (url.pathname.includes("%00")) return { in: "path", field: "" };
    for (const [name, value] of url.searchParams) {
      if (name.includes("\0") || value.includes("\0"))
        return { in: "query", field: name.replaceAll("\0", "") };
    }
  }
  const contentType = (c.req.header("content-type") ?? "").toLowerCase();
  if (jsonMediaType.test(contentType)) return findInJsonBody(c);
  if (formMediaType.test(contentType)) return findInForm(c);
  return undefined;
}

async function findInJsonBody(c: Context<AppEnv>): Promise<NulLocation | undefined> {
  const text = await c.req.text();
  // Inside a JSON string U+0000 can only be written as the escape \u0000 (a raw one is invalid
  // JSON), so most bodies are cleared without parsing them a second time.
  if (!/\\u0000/i.test(text)) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined; // Malformed JSON: the route's validator explains that better.
  }
  const path = pathToNul(body, []);
  return path === undefined ? undefined : { in: "body", field: path.join(".") };
}

function pathToNul(value: unknown, path: string[]): string[] | undefined {
  if (typeof value === "string") return value.includes("\0") ? path : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = [...path, key.replaceAll("\0", "")];
    if (key.includes("\0")) return childPath;
    const found = pathToNul(child, childPath);
    if (found !== undefined) return found;
  }
  return undefined;
}

async function findInForm(c: Context<AppEnv>): Promise<NulLocation | undefined> {
  // Hono caches the parsed form, so the route reads it again without a second parse.
  const form = await c.req.parseBody({ all: true });
  for (const [name, values] of Object.entries(form)) {
    for (const value of Array.isArray(values) ? values : [values]) {
      if (name.includes("\0") || (typeof value === "string" && value.includes("\0")))
        return { in: "body", field: name.replaceAll("\0", "") };
    }
  }
  return undefined;
}
