import { copyFile, link, mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { db } from "~/db/client.server";
import { fileVersions } from "~/db/schema";
import { newStorageKey, type FileStorage } from "./storage.server";

export type MigrationReport = { copied: number; alreadyThere: number; missing: string[]; removedLocal: number };

/**
 * Every key to move: each file in the local store (also those another domain keeps, e.g. derived
 * files), and each key the database's file versions refer to (to report what is lost).
 */
async function storedKeys(root: string): Promise<string[]> {
  const keys = new Set<string>();
  const rows = await db.select({ key: fileVersions.storageKey, thumb: fileVersions.thumbnailKey }).from(fileVersions);
  for (const r of rows) {
    keys.add(r.key);
    if (r.thumb) keys.add(r.thumb);
  }
  const dirs = await readdir(root).catch(() => [] as string[]);
  for (const dir of dirs.filter((d) => /^[a-f0-9]{2}$/.test(d))) {
    for (const name of await readdir(path.join(root, dir)))
      if (name.startsWith(dir) && /^[a-f0-9]{32}$/.test(name)) keys.add(name);
  }
  return [...keys].sort();
}

/**
 * Copies every stored file the database knows from the local store (`from`, the file system)
 * into `to` (the bucket). Idempotent: a key already in the bucket with the same size is skipped,
 * so an interrupted run just starts again. Each copy streams from a hard link of the local file
 * (no second copy on the disk) and is checked by its size in the bucket; with `removeLocal` the
 * local file goes only after that check. Keys the database knows but the disk lacks are reported.
 */
export async function migrateStoredFiles(opts: {
  from: FileStorage;
  fromRoot: string;
  to: FileStorage;
  tmpDir: string;
  removeLocal?: boolean;
  onProgress?: (line: string) => void;
}): Promise<MigrationReport> {
  const report: MigrationReport = { copied: 0, alreadyThere: 0, missing: [], removedLocal: 0 };
  await mkdir(opts.tmpDir, { recursive: true });
  for (const key of await storedKeys(opts.fromRoot)) {
    const localSize = await opts.from.size(key);
    const remoteSize = await opts.to.size(key);
    if (localSize === null) {
      if (remoteSize === null) report.missing.push(key);
      else report.alreadyThere++;
      continue;
    }
    if (remoteSize === localSize) {
      report.alreadyThere++;
    } else {
      // put() consumes its temp file: hand it a link to the stored file (a copy across file systems).
      const temp = path.join(opts.tmpDir, `migrate-${newStorageKey()}`);
      const source = path.join(opts.fromRoot, key.slice(0, 2), key);
      await link(source, temp).catch(() => copyFile(source, temp));
      try {
        await opts.to.put(key, temp);
      } finally {
        await rm(temp, { force: true });
      }
      const copiedSize = await opts.to.size(key);
      if (copiedSize !== localSize)
        throw new Error(`${key}: ${copiedSize ?? "nichts"} statt ${localSize} Bytes im Ziel`);
      report.copied++;
      opts.onProgress?.(`${key} (${localSize} Bytes)`);
    }
    if (opts.removeLocal) {
      await opts.from.remove(key);
      report.removedLocal++;
    }
  }
  return report;
}
