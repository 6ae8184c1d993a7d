import type { ScryptParameters } from "../../src/identity/passwords.js";

/**
 * Cheap scrypt parameters for test apps and test users: tests are about behaviour, not the hash
 * cost, and a full-cost hash per sign-in would dominate the suite's run time. Pass it to
 * `createApp` as `passwordHashing` so sign-in neither pays full cost nor "upgrades" the hash.
 */
export const fastPasswordHashing: ScryptParameters = { logN: 10, r: 8, p: 1 };
