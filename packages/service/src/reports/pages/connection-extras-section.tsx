/**
 * What a connection left behind (chat transcript, summary, screenshots), on a report's page and
 * under each connection of a ticket's history. Screenshots are links to our own route, which
 * fetches the image from TeamViewer: the browser never gets a TeamViewer address.
 */
import type { Translator } from "../../i18n/index.js";
import type { ConnectionExtrasView, ExtraView } from "../connection-extras-view.js";
import type { ListedConnectionReport } from "../list-connection-reports.js";

/** True when TeamViewer has been asked for at least one kind (so there is something to say). */
export function hasFetchedExtras(extras: ConnectionExtrasView): boolean {
  return Object.values(extras).some((extra: ExtraView<unknown>) => extra.state !== "pending");
}

export function ConnectionExtrasSection(props: {
  t: Translator;
  report: ListedConnectionReport;
  title: string;
  /** The report page's path; screenshots are served below it. */
  reportPath: string;
}) {
  const tr = props.t;
  const { t } = tr;
  const { report } = props;
  const { chatTranscript, aiSummary, augmentedSessionSummary, screenshots } = report.extras;
  const summary =
    aiSummary.state === "available" && aiSummary.content.summary !== null
      ? { title: aiSummary.content.title, text: aiSummary.content.summary }
      : augmentedSessionSummary.state === "available"
        ? { title: augmentedSessionSummary.content.title, text: augmentedSessionSummary.content.summary }
        : undefined;
  return (
    <section class="connection-extras" data-report-id={report.id}>
      <h3>{props.title}</h3>
      <h4>{t("reports.extras.chat")}</h4>
      {chatTranscript.state === "available" ? (
        <ol class="chat-transcript">
          {chatTranscript.content.map((message) => (
            <li>
              {message.writtenAt && (
                <span class="muted">{tr.formatDateTime(new Date(message.writtenAt))} </span>
              )}
              <strong>{message.sender ?? "?"}</strong>: <span class="notes">{message.content}</span>
            </li>
          ))}
        </ol>
      ) : (
        <StateNote t={tr} state={chatTranscript.state} />
      )}
      <h4>{t("reports.extras.summary")}</h4>
      {summary === undefined ? (
        <StateNote t={tr} state={notShown(aiSummary, augmentedSessionSummary)} />
      ) : (
        <div class="connection-summary">
          {summary.title && (
            <p>
              <strong>{summary.title}</strong>
            </p>
          )}
          <p class="notes">{summary.text ?? ""}</p>
        </div>
      )}
      <h4>{t("reports.extras.screenshots")}</h4>
      {screenshots.state === "available" ? (
        <ul class="screenshots">
          {screenshots.content.map((shot) => (
            <li>
              <a href={`${props.reportPath}/screenshots/${encodeURIComponent(shot.screenshotId)}`}>
                {shot.fileName ?? shot.screenshotId}
              </a>
              {shot.takenAt && <span class="muted"> {tr.formatDateTime(new Date(shot.takenAt))}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <StateNote t={tr} state={screenshots.state} />
      )}
    </section>
  );
}

/** The summary is pending while either kind is, else not available. */
function notShown(...extras: ExtraView<unknown>[]): "pending" | "not_available" {
  return extras.some((extra) => extra.state === "pending") ? "pending" : "not_available";
}

function StateNote(props: { t: Translator; state: "pending" | "not_available" }) {
  return (
    <p class="muted extra-state">
      {props.t.t(props.state === "pending" ? "reports.extras.pending" : "reports.extras.notAvailable")}
    </p>
  );
}
