// npm run backup [-- --out FILE] — one archive: database, uploads, manifest with checksums.
// With STORAGE=s3 the bucket's objects go into the archive too (streamed through a temp directory).
// The embedded database must not be in use (stop the server); PostgreSQL is dumped online.
import path from "node:path";
import { parseArgs } from "node:util";
import { createBackup } from "~/modules/backup/backup.server";
import { configuredS3Storage } from "~/modules/uploads/storage.server";
import { env } from "~/utils/env.server";
import { main, withDatabase } from "./cli";

await main(async () => {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const outFile = path.resolve(values.out ?? path.join(env.DATA_DIR, "..", `ikon-backup-${stamp}.tar.gz`));
  const bucket = env.STORAGE === "s3" ? configuredS3Storage() : undefined;
  await bucket?.check();
  const manifest = await withDatabase((database) =>
    createBackup({ database, databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, outFile, bucket }),
  );
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.log(
    `Sicherung geschrieben: ${outFile} (${manifest.database}, ${rows} Zeilen, ${manifest.files.length} Dateien${bucket ? `, mit ${bucket.description}` : ""})`,
  );
});
