/**
 * One open browser event stream that follows the desk watch (desk-watch.ts): sends the first
 * snapshot, then a fresh one each time the watch says something changed and it differs from the
 * last one sent, a keep-alive comment in between, and `signed-out` when the browser sign-in the
 * stream belongs to ended. Shared by the live desk (live-routes.tsx) and the ticket widget
 * (src/embedding/web/widget-routes.tsx), which differ only in what a snapshot holds.
 */
import type { SSEStreamingApi } from "hono/streaming";
import type { DeskWatch } from "./desk-watch.js";

const keepAliveMs = 25_000;

export interface DeskFollowing {
  deskWatch: DeskWatch;
  organisationId: string;
  /** The browser sign-in the stream belongs to; the stream ends with it. */
  webSessionId: string;
  /** The SSE event name each snapshot is sent as. */
  event: string;
  /** The snapshot already taken when the stream was authorised, serialised. */
  first: string;
  /**
   * The current snapshot, serialised. Throwing (the user may no longer see what the stream is
   * about) ends the stream, as the page would answer 404.
   */
  snapshot: () => Promise<string>;
  /** Gives back the stream slot (stream-slots.ts). */
  release: () => void;
}

export async function followDesk(stream: SSEStreamingApi, following: DeskFollowing): Promise<void> {
  let sent = following.first;
  // Sends never overlap: each change waits for the one before.
  let sending = stream.writeSSE({ event: following.event, data: sent });
  await new Promise<void>((resolve) => {
    // Proxies close connections that stay silent for a minute or so; a comment line keeps it open.
    const keepAlive = setInterval(() => void stream.write(": keep-alive\n\n"), keepAliveMs);
    keepAlive.unref();
    const finish = () => {
      clearInterval(keepAlive);
      unwatch();
      following.release();
      resolve();
    };
    const unwatch = following.deskWatch.watch({
      organisationId: following.organisationId,
      webSessionId: following.webSessionId,
      onChange: () => {
        sending = sending.then(async () => {
          const next = await following.snapshot();
          if (next === sent) return;
          sent = next;
          await stream.writeSSE({ event: following.event, data: next });
        });
        sending = sending.catch(finish);
      },
      onSignedOut: () => {
        sending = sending.then(() => stream.writeSSE({ event: "signed-out", data: "{}" })).finally(finish);
      },
    });
    stream.onAbort(finish);
    if (stream.aborted) finish();
  });
  await sending.catch(() => undefined);
}
