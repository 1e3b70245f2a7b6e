import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { database, openDatabase } from "~/db/client.server";
import { startS3, type TestS3 } from "../../../tests/support/s3";
import { s3Storage } from "../uploads/s3-storage.server";
import { createBackup, RestoreError, restoreBackup } from "./backup.server";

// STORAGE=s3: the bucket's objects go into the archive and back into an empty bucket. In-process
// on the file's own embedded database (the commands around it are tested in tests/integration).
let s3: TestS3;
let client: S3Client;
let root: string;
beforeAll(async () => {
  s3 = await startS3("ikon-backup-a");
  client = new S3Client({
    endpoint: s3.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  root = mkdtempSync(path.join(tmpdir(), "ikon-backup-s3-"));
});
afterAll(async () => {
  client?.destroy();
  await s3?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

const bucket = (name: string) =>
  s3Storage({
    bucket: name,
    endpoint: s3.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });

/** Key → SHA-256 of every object in a bucket, read straight over the S3 protocol. */
async function objects(Bucket: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const page = await client.send(new ListObjectsV2Command({ Bucket }));
  for (const o of page.Contents ?? []) {
    const body = await client.send(new GetObjectCommand({ Bucket, Key: o.Key! }));
    out[o.Key!] = createHash("sha256")
      .update(await body.Body!.transformToByteArray())
      .digest("hex");
  }
  return out;
}

describe.skipIf(process.env.TEST_DB === "postgres")("backup and restore with STORAGE=s3", () => {
  it(
    "puts the bucket's objects into the archive and back into an empty bucket, never into a full one",
    { timeout: 120_000 },
    async () => {
      const keys = ["0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210"];
      for (const key of keys)
        await client.send(
          new PutObjectCommand({ Bucket: "ikon-backup-a", Key: key, Body: `Protokoll ${key} ${randomUUID()}` }),
        );
      // Not the app's: left alone.
      await client.send(new PutObjectCommand({ Bucket: "ikon-backup-a", Key: "README.txt", Body: "fremd" }));
      const before = await objects("ikon-backup-a");

      const archive = path.join(root, "sicherung.tar.gz");
      const manifest = await createBackup({
        database: database(),
        dataDir: path.join(root, "data"),
        outFile: archive,
        bucket: bucket("ikon-backup-a"),
      });
      expect(manifest.storage).toBe("s3");
      expect(manifest.files.map((f) => f.path)).toEqual(
        expect.arrayContaining(keys.map((k) => `uploads/store/${k.slice(0, 2)}/${k}`)),
      );
      expect(manifest.files.some((f) => f.path.includes("README"))).toBe(false);

      const target = path.join(root, "restored");
      const open = () => openDatabase({ dataDir: target, migrate: false });
      // Into the full bucket: refused before anything is written.
      await expect(restoreBackup({ archive, dataDir: target, open, bucket: bucket("ikon-backup-a") })).rejects.toThrow(
        RestoreError,
      );
      await expect(restoreBackup({ archive, dataDir: target, open, bucket: bucket("ikon-backup-a") })).rejects.toThrow(
        /ikon-backup-a .*nicht leer/,
      );
      expect(existsSync(path.join(target, "db"))).toBe(false);

      // Into a new, empty bucket: every object back byte for byte, the row counts checked, nothing on the disk.
      await client.send(new CreateBucketCommand({ Bucket: "ikon-backup-b" }));
      await restoreBackup({ archive, dataDir: target, open, bucket: bucket("ikon-backup-b") });
      const { "README.txt": _foreign, ...ours } = before;
      expect(await objects("ikon-backup-b")).toEqual(ours);
      expect(Object.keys(ours)).toEqual(keys);
      expect(existsSync(path.join(target, "uploads", "store"))).toBe(false);
    },
  );
});
