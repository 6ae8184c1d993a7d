/**
 * Bounds the browser event streams one user holds open on this instance: each is a connection
 * and a timer's worth of work, and a script (or a user with forty tabs) must not hold thousands.
 * Per instance, in memory, like the join page's guess limiter: behind a load balancer each
 * instance enforces its own share.
 */

/** Home, the session list and a few session pages at once, with room for reconnects. */
export const defaultStreamsPerUser = 8;

export interface StreamSlots {
  /** A release function, or undefined when the user already holds the maximum. */
  claim(userId: string): (() => void) | undefined;
}

export function createStreamSlots(maxPerUser = defaultStreamsPerUser): StreamSlots {
  const held = new Map<string, number>();
  return {
    claim(userId) {
      const count = held.get(userId) ?? 0;
      if (count >= maxPerUser) return undefined;
      held.set(userId, count + 1);
      let isReleased = false;
      return () => {
        if (isReleased) return;
        isReleased = true;
        const remaining = (held.get(userId) ?? 1) - 1;
        if (remaining === 0) held.delete(userId);
        else held.set(userId, remaining);
      };
    },
  };
}
