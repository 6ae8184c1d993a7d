/**
 * A real SMTP server on loopback (the `smtp-server` package) that keeps every message it
 * receives, for tests that prove invitations really leave through SMTP. No TLS and no auth: it
 * only ever listens on 127.0.0.1.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { type ParsedMail, parseMail } from "./read-mime.js";

export interface CapturedMail extends ParsedMail {
  envelopeTo: string[];
}

export interface SmtpCapture {
  /** `smtp://127.0.0.1:<port>`, for ATTENDANT_SMTP_URL. */
  url: string;
  messages: CapturedMail[];
  /** Resolves with the next message (or one already waiting). */
  nextMessage(): Promise<CapturedMail>;
  close(): Promise<void>;
}

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const waiting: ((mail: CapturedMail) => void)[] = [];
  let delivered = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mail: CapturedMail = {
          ...parseMail(Buffer.concat(chunks).toString("utf8")),
          envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
        };
        messages.push(mail);
        waiting.shift()?.(mail);
        callback();
      });
    },
  });
  // A sender killed mid-conversation (test/integration/faults/) resets its connection; that is
  // the sender's crash, not the capture's, and must not end the test run.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET") throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    nextMessage() {
      const index = delivered++;
      const ready = messages[index];
      return ready === undefined ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve(ready);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
