/**
 * In-process single flight: while a task for a key runs, later callers with the same key get
 * the same promise instead of starting their own. The token store keys it by connection id so
 * twenty concurrent requests with an expired token cause one refresh, not twenty: each refresh
 * rotates the refresh token, so a second one would use a token already replaced. Across
 * processes the database row lock does the same job.
 */
export class SingleFlight<T> {
  readonly #running = new Map<string, Promise<T>>();

  run(key: string, task: () => Promise<T>): Promise<T> {
    const running = this.#running.get(key);
    if (running !== undefined) return running;
    const started = task().finally(() => this.#running.delete(key));
    this.#running.set(key, started);
    return started;
  }
}
