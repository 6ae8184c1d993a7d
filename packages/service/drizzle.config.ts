// drizzle-kit reads this to turn src/db/schema.ts into SQL migrations under drizzle/.
// Generating needs no database; both engines apply the same files at start-up.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./drizzle",
});
