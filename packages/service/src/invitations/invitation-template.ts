/**
 * The invitation e-mail's template language: plain text with `{placeholder}`s. The HTML version
 * is derived from the same text, with every character escaped and only the join address turned
 * into a link, so neither an admin's wording nor a customer's name can inject markup, and both
 * versions always say the same.
 */
export const invitationPlaceholders = [
  "greeting",
  "customerName",
  "supporterName",
  "organisationName",
  "joinUrl",
  "validUntil",
] as const;
export type InvitationPlaceholder = (typeof invitationPlaceholders)[number];
export type InvitationValues = Record<InvitationPlaceholder, string>;

export interface InvitationTemplate {
  subject: string;
  body: string;
}

export const maxSubjectLength = 200;
export const maxBodyLength = 5000;

const placeholderPattern = /\{([^{}\s]*)\}/g;

/** A reason a template cannot be saved, as a message key plus its parameters. */
export type TemplateProblem =
  | { kind: "required" }
  | { kind: "too-long"; max: number }
  | { kind: "line-break" }
  | { kind: "unknown-placeholder"; names: string[] }
  | { kind: "join-url-missing" };

export interface TemplateProblems {
  subject?: TemplateProblem;
  body?: TemplateProblem;
}

function isPlaceholder(name: string): name is InvitationPlaceholder {
  return (invitationPlaceholders as readonly string[]).includes(name);
}

/** The names of a text's `{placeholder}`s, each once (the helpdesk's templates use them too). */
export function placeholderNamesIn(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((match) => match[1] ?? ""))];
}

function unknownPlaceholders(text: string): string[] {
  return placeholderNamesIn(text).filter((name) => !isPlaceholder(name));
}

function checkText(text: string, maxLength: number): TemplateProblem | undefined {
  if (text.trim() === "") return { kind: "required" };
  if (text.length > maxLength) return { kind: "too-long", max: maxLength };
  const unknown = unknownPlaceholders(text);
  return unknown.length > 0 ? { kind: "unknown-placeholder", names: unknown } : undefined;
}

/** Empty when the template can be saved. */
export function findTemplateProblems(template: InvitationTemplate): TemplateProblems {
  const problems: TemplateProblems = {};
  const subject = /[\r\n]/.test(template.subject)
    ? { kind: "line-break" as const }
    : checkText(template.subject, maxSubjectLength);
  // Without the address the e-mail would invite the customer to nothing.
  const body =
    checkText(template.body, maxBodyLength) ??
    (template.body.includes("{joinUrl}") ? undefined : { kind: "join-url-missing" as const });
  if (subject !== undefined) problems.subject = subject;
  if (body !== undefined) problems.body = body;
  return problems;
}

/** Fills the placeholders as plain text (subject and text body). */
export function fillTemplate(text: string, values: InvitationValues): string {
  return text.replace(placeholderPattern, (whole, name: string) =>
    isPlaceholder(name) ? values[name] : whole,
  );
}

const htmlEscapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}

/**
 * The body as HTML paragraphs: blank lines separate paragraphs, single line breaks become
 * `<br>`, `{joinUrl}` becomes a link to itself, everything else is escaped text.
 */
export function renderTemplateHtml(body: string, values: InvitationValues): string {
  const fillEscaped = (text: string) =>
    text.split(placeholderPattern).map((part, index) => {
      // split() with a capture group puts the placeholder names at the odd positions.
      if (index % 2 === 0) return escapeHtml(part);
      if (part === "joinUrl") {
        const url = escapeHtml(values.joinUrl);
        return `<a href="${url}">${url}</a>`;
      }
      return isPlaceholder(part) ? escapeHtml(values[part]) : escapeHtml(`{${part}}`);
    });
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim() !== "")
    .map(
      (paragraph) =>
        `<p>${paragraph
          .trim()
          .split("\n")
          .map((line) => fillEscaped(line).join(""))
          .join("<br>\n")}</p>`,
    )
    .join("\n");
}

/** A complete HTML e-mail document around `renderTemplateHtml`. */
export function renderInvitationDocument(options: {
  locale: string;
  subject: string;
  bodyHtml: string;
  /** Markup of ours (already escaped) before and after the body: the brand's logo, button and contact. */
  headerHtml?: string;
  footerHtml?: string;
}): string {
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(options.locale)}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(options.subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5">',
    options.headerHtml ?? "",
    options.bodyHtml,
    options.footerHtml ?? "",
    "</body>",
    "</html>",
  ].join("\n");
}
