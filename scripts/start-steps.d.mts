/** Types of start-steps.mjs, which runs before anything is compiled. */
export function buildThenServe(steps: {
  build: () => number;
  serve: () => Promise<void>;
  say: (line: string) => void;
  now: () => number;
}): Promise<number>;
