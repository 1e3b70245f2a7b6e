import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3, type TestS3 } from "../../../tests/support/s3";
import { s3Storage } from "./s3-storage.server";
import { fileSystemStorage, newStorageKey, StorageUnavailableError, type FileStorage } from "./storage.server";
import { parseRange } from "~/server/download.server";

let s3: TestS3;
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => {
  await s3?.stop();
});

const bucket = () =>
  s3Storage({
    bucket: s3.bucket,
    endpoint: s3.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });

function tempFile(content: string): string {
  const dir = path.join(tmpdir(), "ikon-s3-unit");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, newStorageKey());
  writeFileSync(file, content);
  return file;
}

// The same behaviour from both backends.
describe.each([
  ["S3 (s3rver)", () => bucket()],
  ["file system", () => fileSystemStorage(path.join(tmpdir(), `ikon-fs-unit-${newStorageKey()}`))],
] as [string, () => FileStorage][])("FileStorage on %s", (_name, make) => {
  it("stores a temp file, streams it back whole and by range, knows its size, lists its key, removes it", async () => {
    const store = make();
    await store.check();
    const key = newStorageKey();
    const content = "0123456789".repeat(1000);
    const local = tempFile(content);
    await store.put(key, local);
    expect(existsSync(local)).toBe(false);
    expect(await store.size(key)).toBe(10_000);
    expect(await text(store.read(key))).toBe(content);

    const whole = await store.open(key);
    expect(whole!.size).toBe(10_000);
    expect(
      createHash("sha256")
        .update(await text(whole!.body))
        .digest("hex"),
    ).toBe(createHash("sha256").update(content).digest("hex"));
    const part = await store.open(key, { start: 9_995, end: 9_999 });
    expect(part!.size).toBe(10_000);
    expect(await text(part!.body)).toBe("56789");
    const listed = async () => {
      const keys: string[] = [];
      for await (const k of store.keys()) keys.push(k);
      return keys;
    };
    expect(await listed()).toContain(key);

    await store.remove(key);
    expect(await listed()).not.toContain(key);
    expect(await store.size(key)).toBeNull();
    expect(await store.open(key)).toBeNull();
    await store.remove(key); // twice is fine
  });

  it("answers a missing key with null, and read() fails its stream instead of throwing", async () => {
    const store = make();
    const key = newStorageKey();
    expect(await store.open(key)).toBeNull();
    await expect(text(store.read(key))).rejects.toThrow();
  });

  it("refuses keys that are not ours", async () => {
    const store = make();
    await expect(store.open("../../etc/passwd")).rejects.toThrow("invalid storage key");
  });
});

describe("S3 storage when the bucket cannot be reached", () => {
  it("says so with StorageUnavailableError (not a missing file)", async () => {
    const down = s3Storage({
      bucket: "ikon-test",
      endpoint: "http://127.0.0.1:9",
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: "x", secretAccessKey: "y" },
    });
    await expect(down.open(newStorageKey())).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(down.check()).rejects.toBeInstanceOf(StorageUnavailableError);
    const wrongBucket = s3Storage({
      ...{ bucket: "gibt-es-nicht", endpoint: s3.endpoint, region: "us-east-1", forcePathStyle: true },
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    });
    await expect(wrongBucket.check()).rejects.toThrow(/gibt-es-nicht/);
  });
});

describe("parseRange", () => {
  it.each([
    ["bytes=0-99", 1000, { start: 0, end: 99 }],
    ["bytes=900-", 1000, { start: 900, end: 999 }],
    ["bytes=-100", 1000, { start: 900, end: 999 }],
    ["bytes=-5000", 1000, { start: 0, end: 999 }],
    ["bytes=990-5000", 1000, { start: 990, end: 999 }],
    ["bytes=1000-", 1000, "unsatisfiable"],
    ["bytes=-0", 1000, "unsatisfiable"],
    ["bytes=5-2", 1000, null],
    ["bytes=0-1,5-6", 1000, null],
    ["items=0-1", 1000, null],
    ["bytes=-", 1000, null],
    [null, 1000, null],
  ] as const)("%s of %i bytes", (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
