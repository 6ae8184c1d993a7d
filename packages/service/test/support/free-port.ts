// Shared with the benchmarks (scripts/bench), which start servers on loopback too.
export { findFreePort } from "../../../../scripts/support/free-port.js";
