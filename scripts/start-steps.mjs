/**
 * What `npm start` does, in order (scripts/start.mjs gives it the real build and service): say
 * that it builds before the build, which takes 25–90 s the first time and would otherwise look
 * like a hang, say when it is done, then serve. A failed build starts nothing.
 *
 * @param {{ build: () => number, serve: () => Promise<void>, say: (line: string) => void, now: () => number }} steps
 * @returns {Promise<number>} the exit code: the build's when it failed, else 0 once serving
 */
export async function buildThenServe(steps) {
  const startedAt = steps.now();
  steps.say(
    "Attendant: building the packages (TypeScript → packages/*/dist) before starting; the first build takes a minute or two …",
  );
  const status = steps.build();
  if (status !== 0) {
    steps.say(`Attendant: the build failed (exit code ${status}), see above; nothing was started.`);
    return status;
  }
  const seconds = ((steps.now() - startedAt) / 1000).toFixed(1);
  steps.say(`Attendant: built in ${seconds} s; starting the service …`);
  await steps.serve();
  return 0;
}
