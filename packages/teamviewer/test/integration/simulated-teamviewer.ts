import { createSimulator, DEMO, type Simulator, type SimulatorOptions } from "@attendant/simulator";
import { TeamViewerClient, type TeamViewerClientOptions, TeamViewerOAuth } from "../../src/index.js";

/**
 * The client wired to an in-process simulator (issue 2: "the same behaviours run against
 * packages/simulator"). Nothing waits for real: the client's backoff `sleep` records each delay and
 * moves the simulator's fake clock by it instead, so rate-limit windows pass as they would in time.
 */

export const START = "2026-03-02T09:00:00Z";
export const SCRIPT_TOKEN = DEMO.scriptToken;

export interface SimulatedTeamViewer {
  readonly sim: Simulator;
  readonly client: TeamViewerClient;
  /** Every backoff delay the client asked for, in order. */
  readonly sleeps: number[];
  /** A further client on the same simulator and the same recorded sleeps. */
  clientWith(overrides: Partial<TeamViewerClientOptions>): TeamViewerClient;
  /** The OAuth helper for the demo app, pointed at the simulator's consent page and token endpoint. */
  oauth(): TeamViewerOAuth;
  /** Simulator clock in epoch ms. */
  now(): number;
}

export function startSimulatedTeamViewer(
  options: SimulatorOptions = {},
  clientOptions: Partial<TeamViewerClientOptions> = {},
): SimulatedTeamViewer {
  const sim = createSimulator({ clock: START, ...options });
  const sleeps: number[] = [];
  const now = () => Date.parse(sim.admin.now());
  const clientWith = (overrides: Partial<TeamViewerClientOptions>) =>
    new TeamViewerClient({
      accessToken: SCRIPT_TOKEN,
      baseUrl: sim.demo().apiBaseUrl,
      fetch: sim.fetch,
      allowInsecureRequests: true,
      random: () => 0.5,
      now,
      sleep: async (ms) => {
        sleeps.push(ms);
        sim.admin.advanceClock(ms);
      },
      ...clientOptions,
      ...overrides,
    });
  return {
    sim,
    client: clientWith({}),
    sleeps,
    clientWith,
    now,
    oauth: () => {
      const demo = sim.demo();
      return new TeamViewerOAuth({
        clientId: demo.clientId,
        clientSecret: demo.clientSecret,
        redirectUri: demo.redirectUri,
        authorizeUrl: demo.authorizeUrl,
        baseUrl: demo.apiBaseUrl,
        fetch: sim.fetch,
        allowInsecureRequests: true,
        now,
      });
    },
  };
}

/** The browser's part of the OAuth dance: open the consent page, which auto-approves, and follow nowhere. */
export async function visitConsentPage(sim: Simulator, authorizeUrl: string): Promise<string> {
  const answer = await sim.fetch(authorizeUrl, { redirect: "manual" });
  const location = answer.headers.get("location");
  if (answer.status !== 302 || location === null) {
    throw new Error(`The consent page answered ${answer.status} without a redirect: ${await answer.text()}`);
  }
  return location;
}

/** The methods the client sent for a path, from the simulator's request journal. */
export function journalMethods(sim: Simulator, path: string): string[] {
  return sim.admin
    .journal()
    .filter((entry) => entry.path === path)
    .map((entry) => entry.method);
}
