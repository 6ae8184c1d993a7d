/**
 * The "stalled body" fault: the real status and headers go out with part of the body, and the
 * rest never comes — what a client's body deadline exists for: a deadline that stops at the
 * headers would wait forever.
 */
export class StalledBodies {
  readonly #open = new Set<ReadableStreamDefaultController<Uint8Array>>();

  async stall(response: Response, signal: AbortSignal): Promise<Response> {
    const bytes = new Uint8Array(await response.arrayBuffer());
    // Some bytes must go out, or an HTTP server would hold the headers back too.
    const prefix =
      bytes.length > 1 ? bytes.slice(0, Math.floor(bytes.length / 2)) : new TextEncoder().encode(" ");
    const open = this.#open;
    let own: ReadableStreamDefaultController<Uint8Array> | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        own = controller;
        controller.enqueue(prefix);
        open.add(controller);
        signal.addEventListener("abort", () => {
          open.delete(controller);
          controller.error(signal.reason);
        });
      },
      cancel() {
        if (own) open.delete(own);
      },
    });
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    return new Response(body, { status: response.status, headers });
  }

  /** Ends every stalled body (truncated): on reset and when the server closes. */
  releaseAll(): void {
    for (const controller of this.#open) controller.close();
    this.#open.clear();
  }
}
