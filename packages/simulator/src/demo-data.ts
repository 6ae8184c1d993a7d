import type { SimulatorState } from "./state/simulator-state.js";

/**
 * The demo tenant every fresh simulator starts with (unless `demoData: false`): fixed
 * credentials, so the README, the service's example configuration and tests can name them.
 */
export const DEMO = {
  company: "Contoso Helpdesk",
  accounts: [
    { userid: "u7005", name: "Kenji Sato", email: "kenji@example.com" },
    { userid: "u7006", name: "Ana Lima", email: "ana@example.com" },
  ],
  /** A second company, to show that tokens never see across companies. */
  otherCompanyAccount: {
    userid: "u8001",
    name: "Lena Fischer",
    email: "lena@fabrikam.example",
    company: "Fabrikam",
  },
  groups: [
    { id: "g40211", name: "Helpdesk", ownerUserid: "u7005" },
    { id: "g40212", name: "Field Service", ownerUserid: "u7006" },
  ],
  app: {
    name: "Attendant (demo)",
    clientId: "100001-AttendantDemoApp0001",
    clientSecret: "AttendantDemoSecret0000000000001",
  },
  scriptToken: "10000001-AttendantDemoScript1",
} as const;

export function seedDemoData(state: SimulatorState, redirectUri: string): void {
  for (const account of DEMO.accounts) state.world.createAccount({ ...account, company: DEMO.company });
  state.world.createAccount(DEMO.otherCompanyAccount);
  state.world.createGroup({ ...DEMO.groups[0], sharedWith: [{ userid: "u7006", permissions: "readwrite" }] });
  state.world.createGroup(DEMO.groups[1]);
  state.oauth.createApp({ ...DEMO.app, redirectUri });
  state.oauth.createScriptToken({
    token: DEMO.scriptToken,
    name: "Demo company script token",
    ownerUserid: "u7005",
    scope: "company",
  });
}
