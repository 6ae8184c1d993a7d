#!/usr/bin/env node
import { limitHeapGrowth } from "@attendant/service";
import { runCli } from "./program.js";

limitHeapGrowth();

const exitCode = await runCli(process.argv.slice(2));
// Long-running commands keep the process alive through their servers; only failures end it here.
if (exitCode !== 0) process.exit(exitCode);
