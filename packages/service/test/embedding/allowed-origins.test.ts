import { describe, expect, it } from "vitest";
import { checkAllowedOrigins, maxAllowedOrigins } from "../../src/embedding/allowed-origins.js";

describe("the origins allowed to frame the widget", () => {
  it("keeps https origins and loopback http, normalised, in order, without repeats", () => {
    expect(
      checkAllowedOrigins([
        " https://RT.example.com ",
        "http://localhost:8080",
        "https://rt.example.com",
        "http://127.0.0.1:9000",
      ]),
    ).toEqual({
      origins: ["https://rt.example.com", "http://localhost:8080", "http://127.0.0.1:9000"],
      problems: [],
    });
  });

  it.each([
    ["plain http to a public host", "http://rt.example.com", "origin-not-https"],
    ["a path", "https://rt.example.com/rt", "origin-has-path"],
    ["a trailing slash", "https://rt.example.com/", "origin-has-path"],
    ["a query", "https://rt.example.com?x=1", "origin-has-path"],
    ["credentials", "https://user:pw@rt.example.com", "origin-has-credentials"],
    ["a wildcard", "https://*.example.com", "origin-not-a-url"],
    ["a CSP keyword", "'self'", "origin-not-a-url"],
    ["a second directive smuggled in", "https://rt.example.com;script-src", "origin-not-a-url"],
    ["two origins in one entry", "https://a.example.com https://b.example.com", "origin-not-a-url"],
    ["a bare host name", "rt.example.com", "origin-not-a-url"],
    ["another scheme", "ftp://rt.example.com", "origin-not-https"],
  ])("refuses %s, naming the entry", (_name, entry, problem) => {
    expect(checkAllowedOrigins([entry]).problems).toEqual([{ origin: entry, problem }]);
  });

  it("refuses an empty list and an overlong one", () => {
    expect(checkAllowedOrigins(["", "  "]).problems).toEqual([{ origin: "", problem: "origins-missing" }]);
    const many = Array.from({ length: maxAllowedOrigins + 1 }, (_, index) => `https://h${index}.example.com`);
    expect(checkAllowedOrigins(many).problems).toEqual([{ origin: "", problem: "too-many-origins" }]);
  });
});
