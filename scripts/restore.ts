// npm run restore -- FILE — into an empty DATA_DIR (embedded) or an empty DATABASE_URL database;
// with STORAGE=s3 the stored files go into the (empty) bucket of the S3_* settings.
import path from "node:path";
import { openDatabase } from "~/db/client.server";
import { restoreBackup } from "~/modules/backup/backup.server";
import { configuredS3Storage } from "~/modules/uploads/storage.server";
import { env } from "~/utils/env.server";
import { main } from "./cli";

await main(async () => {
  const archive = process.argv[2];
  if (!archive) throw new Error("Aufruf: npm run restore -- SICHERUNG.tar.gz");
  const bucket = env.STORAGE === "s3" ? configuredS3Storage() : undefined;
  await bucket?.check();
  const manifest = await restoreBackup({
    archive: path.resolve(archive),
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    open: () => openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, migrate: false }),
    bucket,
  });
  console.log(
    `Wiederhergestellt: Sicherung vom ${manifest.createdAt}, ${Object.keys(manifest.tables).length} Tabellen geprüft.`,
  );
});
