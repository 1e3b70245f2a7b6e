// npm run restore -- FILE — into an empty DATA_DIR (embedded) or an empty DATABASE_URL database.
import path from "node:path";
import { openDatabase } from "~/db/client.server";
import { restoreBackup } from "~/modules/backup/backup.server";
import { env } from "~/utils/env.server";
import { main } from "./cli";

await main(async () => {
  const archive = process.argv[2];
  if (!archive) throw new Error("Aufruf: npm run restore -- SICHERUNG.tar.gz");
  const manifest = await restoreBackup({
    archive: path.resolve(archive),
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    open: () => openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, migrate: false }),
  });
  console.log(`Wiederhergestellt: Sicherung vom ${manifest.createdAt}, ${Object.keys(manifest.tables).length} Tabellen geprüft.`);
});
