import { describe, expect, it } from "vitest";
import { buildThenServe } from "../../../scripts/start-steps.mjs";

/** Records what `npm start` says and does, in order. */
function recordingSteps(buildStatus: number) {
  const events: string[] = [];
  let clock = 0;
  return {
    events,
    steps: {
      build: () => {
        events.push("build");
        clock += 42_300;
        return buildStatus;
      },
      serve: async () => {
        events.push("serve");
      },
      say: (line: string) => events.push(line),
      now: () => clock,
    },
  };
}

describe("npm start", () => {
  it("says it is building before the build and how long it took before serving", async () => {
    const { events, steps } = recordingSteps(0);
    expect(await buildThenServe(steps)).toBe(0);
    expect(events).toEqual([
      expect.stringMatching(/^Attendant: building the packages .* before starting; the first build takes/),
      "build",
      "Attendant: built in 42.3 s; starting the service …",
      "serve",
    ]);
  });

  it("says the build failed and starts nothing, ending with the build's exit code", async () => {
    const { events, steps } = recordingSteps(2);
    expect(await buildThenServe(steps)).toBe(2);
    expect(events.at(-1)).toBe("Attendant: the build failed (exit code 2), see above; nothing was started.");
    expect(events).not.toContain("serve");
  });
});
