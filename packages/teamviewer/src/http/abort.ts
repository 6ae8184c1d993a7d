/**
 * Small helpers that make every wait abortable, because an injected `fetch` (or a body stream) may
 * ignore the signal it was given: the caller's abort and our deadline must win anyway.
 */

/**
 * Settles like `promise`, or rejects with `signal.reason` as soon as `signal` aborts.
 *
 * @example
 * ```ts
 * const response = await raceWithSignal(fetch(request), signal);
 * ```
 */
export function raceWithSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    // The abandoned promise may still reject later; handle it so it is not reported as unhandled.
    promise.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * Waits `ms` milliseconds; rejects with `signal.reason` if `signal` aborts first. The default `sleep`
 * of the client; tests inject their own so they never wait for real.
 *
 * @example
 * ```ts
 * await sleepFor(500, signal);
 * ```
 */
export function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** A signal that aborts on the caller's abort or when the deadline passes, whichever is first. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** Stops the timer and detaches from the caller's signal; call when the attempt is over. */
  dispose(): void;
}

/**
 * Starts a deadline of `timeoutMs` that aborts with `createTimeoutError()`, chained to the caller's
 * signal so that either one ends the attempt.
 *
 * @example
 * ```ts
 * const deadline = startDeadline(options.signal, 30_000, () => new TimeoutError("…"));
 * try { await raceWithSignal(work(deadline.signal), deadline.signal); } finally { deadline.dispose(); }
 * ```
 */
export function startDeadline(
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
  createTimeoutError: () => Error,
): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(createTimeoutError()), timeoutMs);
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}
