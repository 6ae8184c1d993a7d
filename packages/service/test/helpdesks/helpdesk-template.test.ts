import { describe, expect, it } from "vitest";
import { helpdeskEventTypes } from "../../src/db/repositories/helpdesk-writes.js";
import {
  builtInHelpdeskTemplate,
  fillHelpdeskTemplate,
  findHelpdeskTemplateProblems,
} from "../../src/helpdesks/templates/helpdesk-template.js";
import { supportedLocales } from "../../src/i18n/index.js";

describe("helpdesk templates", () => {
  it("accepts every built-in wording, in every language", () => {
    for (const event of helpdeskEventTypes) {
      for (const locale of supportedLocales) {
        expect(findHelpdeskTemplateProblems(event, builtInHelpdeskTemplate(event, locale))).toEqual({});
      }
    }
  });

  it("refuses a placeholder the event does not offer, naming it and the ones it does", () => {
    expect(
      findHelpdeskTemplateProblems("invitation.sent", {
        subject: "Session {code}",
        body: "Open {joinUrl} and type {code}",
      }),
    ).toEqual({
      subject: { kind: "unknown-placeholder", names: ["code"], allowed: ["joinUrl"] },
      body: { kind: "unknown-placeholder", names: ["code"], allowed: ["joinUrl"] },
    });
  });

  it("refuses a reply without {joinUrl} and a follow-up note without {changes}", () => {
    expect(findHelpdeskTemplateProblems("invitation.sent", { subject: "Hi", body: "See you soon" })).toEqual({
      body: { kind: "placeholder-missing", names: ["joinUrl"] },
    });
    expect(
      findHelpdeskTemplateProblems("connection.updated", { subject: "{code} changed", body: "Changed." }),
    ).toEqual({ body: { kind: "placeholder-missing", names: ["changes"] } });
  });

  it("refuses an empty text, a subject with a line break and a text that is too long", () => {
    expect(findHelpdeskTemplateProblems("session.closed", { subject: "  ", body: "" })).toEqual({
      subject: { kind: "required" },
      body: { kind: "required" },
    });
    expect(
      findHelpdeskTemplateProblems("session.closed", { subject: "a\nb", body: "x".repeat(5001) }),
    ).toEqual({ subject: { kind: "line-break" }, body: { kind: "too-long", max: 5000 } });
  });

  it("leaves out only lines made of empty placeholders, keeping blank lines and text", () => {
    expect(
      fillHelpdeskTemplate("A {code}\n\n{notes}\n{notes} {feedback}\nNotes: {notes}", {
        code: "s1",
        notes: "",
        feedback: "",
      }),
    ).toBe("A s1\n\nNotes: ");
  });
});
