import { describe, expect, it } from "vitest";
import { SingleFlight } from "../../src/teamviewer/single-flight.js";

describe("SingleFlight", () => {
  it("gives concurrent callers of one key the same run", async () => {
    const flights = new SingleFlight<number>();
    let runs = 0;
    let finish: (value: number) => void = () => {};
    const task = () => {
      runs += 1;
      return new Promise<number>((resolve) => {
        finish = resolve;
      });
    };
    const results = Promise.all([
      flights.run("grant", task),
      flights.run("grant", task),
      flights.run("grant", task),
    ]);
    finish(7);
    expect(await results).toEqual([7, 7, 7]);
    expect(runs).toBe(1);
  });

  it("runs again once the previous run settled, also after a failure", async () => {
    const flights = new SingleFlight<string>();
    await expect(flights.run("grant", () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    expect(await flights.run("grant", async () => "second")).toBe("second");
  });

  it("keeps different keys apart", async () => {
    const flights = new SingleFlight<string>();
    const [a, b] = await Promise.all([flights.run("a", async () => "a"), flights.run("b", async () => "b")]);
    expect([a, b]).toEqual(["a", "b"]);
  });
});
