/**
 * Repeating timers as a dependency: the service uses the real ones, tests pass their own and
 * call the callback themselves, so background jobs run exactly when a test says.
 */
export interface IntervalTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemIntervalTimers: IntervalTimers = {
  setInterval: (callback, ms) => {
    const handle = setInterval(callback, ms);
    // A background job must not keep the process alive after the server closed.
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};
