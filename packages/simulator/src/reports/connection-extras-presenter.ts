import { formatWireDate } from "../wire/dates.js";
import type { ChatParty, ConnectionExtras } from "./connection-extras.js";

/**
 * The extras' answers in the schema's shapes (docs/teamviewer-api.md §4). The casing differs per endpoint,
 * as in the vendor's schema: PascalCase for the chat transcript and the AI summary, camelCase for
 * the augmented session summary and the screenshots.
 */

const party = (side: ChatParty) => ({ TeamViewerId: side.teamViewerId, Name: side.name });

/** `IsOutgoing` is seen from the supporter's side, whose report it is. */
export function presentChatTranscript(extras: ConnectionExtras) {
  return extras.chat.map((line) => {
    const [sender, recipient] = line.isFromSupporter
      ? [extras.supporter, extras.customer]
      : [extras.customer, extras.supporter];
    return {
      Sender: party(sender),
      Recipients: [party(recipient)],
      WrittenAtTimestamp: formatWireDate(line.writtenAt),
      IsOutgoing: line.isFromSupporter,
      Content: line.content,
    };
  });
}

/** A summary a language model might write, made deterministically from the chat and the note. */
export function presentAiSummary(extras: ConnectionExtras) {
  const customerLines = extras.chat.filter((line) => !line.isFromSupporter);
  const supporterLines = extras.chat.filter((line) => line.isFromSupporter);
  const asked = customerLines[0]?.content;
  const sentences = [
    `${extras.customer.name} and ${extras.supporter.name} exchanged ${extras.chat.length} chat messages.`,
    ...(asked === undefined ? [] : [`The customer wrote: "${asked}".`]),
    ...(extras.sessionNote === undefined ? [] : [`The supporter noted: "${extras.sessionNote}".`]),
  ];
  return {
    Summary: sentences.join(" "),
    Name: summaryTitle(extras),
    IssueTypeLabels: ["Remote support"],
    ApplicationLabels: ["TeamViewer"],
    Steps: supporterLines.map((line) => ({
      Application: "TeamViewer chat",
      Action: "Wrote to the customer",
      Commands: [line.content],
    })),
  };
}

export function presentAugmentedSessionSummary(extras: ConnectionExtras) {
  return { summary: presentAiSummary(extras).Summary, title: summaryTitle(extras) };
}

export function presentScreenshots(extras: ConnectionExtras) {
  return extras.screenshots.map((screenshot) => ({
    screenshotId: screenshot.screenshotId,
    fileName: screenshot.fileName,
    mimeType: screenshot.mimeType,
    takenAt: formatWireDate(screenshot.takenAt),
  }));
}

function summaryTitle(extras: ConnectionExtras): string {
  return extras.title ?? `Remote support for ${extras.customer.name}`;
}
