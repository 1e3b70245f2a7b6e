import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { uploadsTmpDir } from "./storage.server";

/** Scheduler job: temp files older than an hour belong to requests that died (crash, kill). */
export async function sweepUploadTemp(now = new Date(), maxAgeMs = 60 * 60_000): Promise<number> {
  const dir = uploadsTmpDir();
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      if (now.getTime() - (await stat(file)).mtimeMs > maxAgeMs) {
        await rm(file, { force: true });
        removed += 1;
      }
    } catch {
      /* already gone */
    }
  }
  return removed;
}
