// npm run db:migrate — applies the committed migrations (the server also does this at start).
import { main, withDatabase } from "./cli";

await main(() => withDatabase(async (db) => console.log(`Migrationen angewendet (${db.kind}).`)));
