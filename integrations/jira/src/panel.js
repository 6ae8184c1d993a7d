// The issue panel: asks Attendant, through the Forge remote, for a widget address for this issue
// and shows it in a frame. Forge signs who the agent is and which issue this is (the Forge
// Invocation Token); the issue's summary and reporter only add a readable title (ADR 0041).
import { invokeRemote, requestJira, view } from "@forge/bridge";

const status = document.getElementById("status");
const frame = document.getElementById("attendant");

async function issueFields(issueKey) {
  const response = await requestJira(
    `/rest/api/3/issue/${encodeURIComponent(issueKey)}?fields=summary,reporter`,
  );
  if (!response.ok) throw new Error(`Jira answered ${response.status} for ${issueKey}.`);
  const { fields } = await response.json();
  return {
    title: fields.summary,
    requester_name: fields.reporter?.displayName,
    requester_email: fields.reporter?.emailAddress,
  };
}

async function open() {
  const context = await view.getContext();
  const issueKey = context.extension.issue.key;
  const answer = await invokeRemote({ path: "/launch", method: "POST", body: await issueFields(issueKey) });
  if (answer.status !== 200 || typeof answer.body?.url !== "string") {
    throw new Error(answer.body?.error ?? `Attendant answered ${answer.status}.`);
  }
  frame.src = answer.body.url;
  frame.hidden = false;
  status.hidden = true;
}

open().catch((error) => {
  status.textContent = `Attendant could not be opened: ${error.message}`;
  status.setAttribute("role", "alert");
});
