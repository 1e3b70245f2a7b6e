// npm run storage:migrate [-- --remove-local] — copies the uploaded files from DATA_DIR/uploads/store
// into the S3 bucket of the S3_* settings (set them first; STORAGE may still be fs). Run it again
// until it reports nothing copied, then switch every instance to STORAGE=s3. Idempotent.
import path from "node:path";
import { parseArgs } from "node:util";
import { migrateStoredFiles } from "~/modules/uploads/migrate.server";
import { configuredS3Storage, localStorage, uploadsRoot, uploadsTmpDir } from "~/modules/uploads/storage.server";
import { main, withDatabase } from "./cli";

await main(async () => {
  const { values } = parseArgs({ options: { "remove-local": { type: "boolean", default: false } } });
  const to = configuredS3Storage();
  await to.check();
  const from = localStorage();
  console.log(`Von ${from.description} nach ${to.description} …`);
  const report = await withDatabase(() =>
    migrateStoredFiles({
      from,
      fromRoot: path.join(uploadsRoot(), "store"),
      to,
      tmpDir: uploadsTmpDir(),
      removeLocal: values["remove-local"],
      onProgress: (line) => console.log(`  übertragen: ${line}`),
    }),
  );
  console.log(
    `Fertig: ${report.copied} Dateien übertragen, ${report.alreadyThere} schon im Ziel, ${report.removedLocal} lokal gelöscht, ${report.missing.length} fehlen auf beiden Seiten.`,
  );
  if (report.missing.length) {
    console.log(`Fehlende Schlüssel (in der Datenbank, aber in keinem Speicher):\n  ${report.missing.join("\n  ")}`);
  }
});
