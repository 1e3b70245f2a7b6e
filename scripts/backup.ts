// npm run backup [-- --out FILE] — one archive: database, uploads, manifest with checksums.
// The embedded database must not be in use (stop the server); PostgreSQL is dumped online.
import path from "node:path";
import { parseArgs } from "node:util";
import { createBackup } from "~/modules/backup/backup.server";
import { env } from "~/utils/env.server";
import { main, withDatabase } from "./cli";

await main(async () => {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const outFile = path.resolve(values.out ?? path.join(env.DATA_DIR, "..", `ikon-backup-${stamp}.tar.gz`));
  const manifest = await withDatabase((database) => createBackup({ database, databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, outFile }));
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.log(`Sicherung geschrieben: ${outFile} (${manifest.database}, ${rows} Zeilen, ${manifest.files.length} Dateien)`);
});
