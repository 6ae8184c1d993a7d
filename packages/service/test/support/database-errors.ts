/**
 * drizzle wraps driver errors in "Failed query: …"; the database's own message is the cause.
 * Resolves to that message, or fails the test when the promise does not reject.
 */
export async function databaseErrorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return cause instanceof Error ? cause.message : String(cause);
  }
  throw new Error("expected the database to refuse the statement");
}
