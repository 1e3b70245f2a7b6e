import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

export type DataDirLock = { release(): void };

export class DataDirLockedError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * An exclusive lock file holding our pid. A lock left behind by a process that no longer runs
 * (kill -9, power loss) is taken over; one held by a live process stops the start.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.join(dataDir, "db.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            unlinkSync(file);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(readFileSync(file, "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(
          `Die Datenbank in ${dataDir} wird schon von Prozess ${pid} benutzt. ` +
            `Another ikon process (pid ${pid}) is using ${path.join(dataDir, "db")}; stop it first ` +
            `or set DATA_DIR to another directory.`,
        );
      }
      unlinkSync(file); // stale lock
    }
  }
  throw new DataDirLockedError(`Could not lock ${file}`);
}
