/**
 * A fixed-window limit per token on the simulator clock. TeamViewer publishes no numbers or
 * headers (docs/teamviewer-api.md §6 [guess]); the simulator's limit is configured, and answers carry
 * `Retry-After`.
 */

export interface RateLimitRule {
  /** Limit only this token; omitted = every token (each counted separately). */
  token?: string;
  limit: number;
  windowSeconds: number;
}

export type RateLimitVerdict = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

export class RateLimiter {
  #rules: RateLimitRule[] = [];
  readonly #windows = new Map<string, { startedAt: number; count: number }>();

  set(rule: RateLimitRule): void {
    if (!(Number.isInteger(rule.limit) && rule.limit >= 0))
      throw new Error("limit must be a whole number ≥ 0.");
    if (!(rule.windowSeconds > 0)) throw new Error("windowSeconds must be positive.");
    this.#rules = [...this.#rules.filter((existing) => existing.token !== rule.token), rule];
    this.#windows.clear();
  }

  rules(): RateLimitRule[] {
    return [...this.#rules];
  }

  clear(): void {
    this.#rules = [];
    this.#windows.clear();
  }

  check(token: string, now: number): RateLimitVerdict {
    const rule =
      this.#rules.find((candidate) => candidate.token === token) ?? this.#rules.find((c) => !c.token);
    if (!rule) return { isAllowed: true };
    const windowMs = rule.windowSeconds * 1000;
    let window = this.#windows.get(token);
    if (!window || now - window.startedAt >= windowMs) {
      window = { startedAt: now, count: 0 };
      this.#windows.set(token, window);
    }
    window.count += 1;
    if (window.count <= rule.limit) return { isAllowed: true };
    return {
      isAllowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000)),
    };
  }
}
