import { openDatabase, setDatabase, type Database } from "~/db/client.server";
import { env } from "~/utils/env.server";

/** Opens the configured database for a command-line task (PGlite refuses if the server holds it). */
export async function withDatabase<T>(task: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  setDatabase(database);
  try {
    return await task(database);
  } finally {
    await database.close();
  }
}

export async function main(task: () => Promise<void>) {
  try {
    await task();
    process.exit(0);
  } catch (error) {
    console.error(`Fehler: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
