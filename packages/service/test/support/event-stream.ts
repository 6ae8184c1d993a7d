/** Reads a server-sent event stream (text/event-stream) one event at a time, as EventSource would. */

export interface ServerSentEvent {
  event: string;
  data: string;
}

export interface EventStreamReader {
  /** The next event; comment lines (keep-alives) are skipped. Throws when the stream ends first. */
  next(): Promise<ServerSentEvent>;
  /** Resolves once the server closed the stream, failing on any further event. */
  ended(): Promise<void>;
  /** Hangs up, as a browser closing the tab. */
  close(): Promise<void>;
}

export function readEventStream(response: Response): EventStreamReader {
  if (response.body === null) throw new Error("the response has no body");
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let isDone = false;

  async function nextBlock(): Promise<string | undefined> {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.split("\n").every((line) => line.startsWith(":"))) continue;
        return block;
      }
      if (isDone) return undefined;
      const { done, value } = await reader.read();
      if (done) isDone = true;
      else buffer += value;
    }
  }

  const parse = (block: string): ServerSentEvent => {
    const lines = block.split("\n");
    const event = lines.find((line) => line.startsWith("event: "))?.slice("event: ".length) ?? "message";
    const data = lines
      .filter((line) => line.startsWith("data: "))
      .map((line) => line.slice("data: ".length))
      .join("\n");
    return { event, data };
  };

  return {
    async next() {
      const block = await nextBlock();
      if (block === undefined) throw new Error("the event stream ended");
      return parse(block);
    },
    async ended() {
      const block = await nextBlock();
      if (block !== undefined) throw new Error(`expected the stream to end, got: ${block}`);
    },
    close: () => reader.cancel(),
  };
}
