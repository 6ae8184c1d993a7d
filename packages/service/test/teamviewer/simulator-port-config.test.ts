import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/load-config.js";

describe("ATTENDANT_SIMULATOR_PORT", () => {
  it("defaults to 4010 and accepts 0 for any free port", () => {
    expect(loadConfig({ env: {} }).simulatorPort).toBe(4010);
    expect(loadConfig({ env: { ATTENDANT_SIMULATOR_PORT: "0" } }).simulatorPort).toBe(0);
  });

  it("refuses anything but a port number with a sentence naming the variable", () => {
    expect(() => loadConfig({ env: { ATTENDANT_SIMULATOR_PORT: "4o10" } })).toThrow(ConfigError);
    expect(() => loadConfig({ env: { ATTENDANT_SIMULATOR_PORT: "70000" } })).toThrow(
      'ATTENDANT_SIMULATOR_PORT must be a port number between 0 and 65535 for the demo\'s TeamViewer simulator (0 picks a free one), got "70000"',
    );
  });
});
