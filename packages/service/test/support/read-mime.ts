/**
 * Just enough MIME (RFC 2045/2046) to read what nodemailer sends: headers (RFC 2047 encoded
 * words in the subject), a multipart/alternative body, and quoted-printable or base64 parts.
 */
export interface ParsedMail {
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string;
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const normalised = raw.replace(/\r\n/g, "\n");
  const end = normalised.indexOf("\n\n");
  const head = end === -1 ? normalised : normalised.slice(0, end);
  const headers = new Map<string, string>();
  // Folded header lines continue with whitespace.
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: end === -1 ? "" : normalised.slice(end + 2) };
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding?.toLowerCase() === "base64")
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding?.toLowerCase() === "quoted-printable") {
    const bytes = body.replace(/=\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, "%25"));
  }
  return body;
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeBody(text.replace(/_/g, " "), "quoted-printable"),
    );
}

export function parseMail(raw: string): ParsedMail {
  const { headers, body } = splitHeaders(raw);
  const parsed = { headers, subject: decodeWords(headers.get("subject") ?? ""), text: "", html: "" };
  const contentType = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const parts =
    boundary === undefined ? [raw.replace(/\r\n/g, "\n")] : body.split(`--${boundary}`).slice(1, -1);
  for (const part of parts) {
    const section = splitHeaders(boundary === undefined ? raw : part.replace(/^\n/, ""));
    const type = section.headers.get("content-type") ?? "text/plain";
    const decoded = decodeBody(
      section.body.replace(/\n$/, ""),
      section.headers.get("content-transfer-encoding"),
    );
    if (type.startsWith("text/plain")) parsed.text = decoded;
    if (type.startsWith("text/html")) parsed.html = decoded;
  }
  return parsed;
}
