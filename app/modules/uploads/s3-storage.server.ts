import { createReadStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { assertStorageKey, lazyStream, StorageUnavailableError, type FileStorage } from "./storage.server";

export type S3Settings = {
  bucket: string;
  /** e.g. https://s3.eu-central-1.amazonaws.com, http://minio:9000; unset: AWS by region. */
  endpoint?: string;
  region: string;
  /** MinIO, Ceph and most self-hosted stores: `endpoint/bucket/key` instead of `bucket.endpoint/key`. */
  forcePathStyle: boolean;
  /** Unset: the AWS SDK's own chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Put in front of every key, e.g. "ikon/" when the bucket is shared. */
  prefix?: string;
};

type S3Error = { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
const isMissing = (error: unknown) => {
  const e = error as S3Error;
  return (
    e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.Code === "NoSuchKey" || e?.$metadata?.httpStatusCode === 404
  );
};

/**
 * An S3-compatible bucket (AWS S3, MinIO, Ceph RGW, …). Uploads stream from the checked temp file
 * with a known length (one PUT; UPLOAD_MAX_MB stays far below S3's 5 GB single-PUT limit), downloads
 * stream the response body (with a Range when one was asked). Nothing holds a whole file in memory.
 */
export function s3Storage(settings: S3Settings): FileStorage {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials,
    // Checksums only where S3 demands them: self-hosted stores do not all speak the newer
    // streaming-checksum (aws-chunked) uploads, and the sha256 of every version is in the database.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = settings.bucket;
  const objectKey = (key: string) => `${settings.prefix ?? ""}${assertStorageKey(key)}`;
  const unavailable = (what: string, error: unknown) =>
    new StorageUnavailableError(
      `S3 ${what} failed: ${(error as Error)?.name ?? "error"} ${(error as Error)?.message ?? ""}`.trim(),
      { cause: error },
    );

  async function get(key: string, range?: { start: number; end: number }) {
    try {
      const res = await client.send(
        new GetObjectCommand({
          Bucket,
          Key: objectKey(key),
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      return res;
    } catch (error) {
      if (isMissing(error)) return null;
      throw unavailable("GetObject", error);
    }
  }

  return {
    description: `S3 bucket ${Bucket}${settings.endpoint ? ` at ${settings.endpoint}` : ` in ${settings.region}`}`,
    async check() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (error) {
        throw unavailable(`HeadBucket on "${Bucket}"`, error);
      }
    },
    async put(key, localPath) {
      const { size } = await stat(localPath);
      await client.send(
        new PutObjectCommand({ Bucket, Key: objectKey(key), Body: createReadStream(localPath), ContentLength: size }),
      );
      await rm(localPath, { force: true });
    },
    read(key) {
      return lazyStream(async () => {
        const res = await get(key);
        if (!res?.Body) throw Object.assign(new Error(`not in the bucket: ${key}`), { code: "ENOENT" });
        return res.Body as Readable;
      });
    },
    async size(key) {
      try {
        const res = await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }));
        return res.ContentLength ?? null;
      } catch (error) {
        if (isMissing(error)) return null;
        throw unavailable("HeadObject", error);
      }
    },
    async open(key, range) {
      const res = await get(key, range);
      if (!res?.Body) return null;
      // "bytes 0-99/1234": the whole size is after the slash.
      const total = res.ContentRange ? Number(res.ContentRange.split("/")[1]) : res.ContentLength;
      return { body: res.Body as Readable, size: Number.isFinite(total) ? Number(total) : 0 };
    },
    async remove(key) {
      try {
        await client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) }));
      } catch (error) {
        if (!isMissing(error)) throw unavailable("DeleteObject", error);
      }
    },
    async *keys() {
      const prefix = settings.prefix ?? "";
      let ContinuationToken: string | undefined;
      do {
        let page;
        try {
          page = await client.send(
            new ListObjectsV2Command({ Bucket, Prefix: prefix || undefined, ContinuationToken }),
          );
        } catch (error) {
          throw unavailable("ListObjectsV2", error);
        }
        for (const object of page.Contents ?? []) {
          const key = object.Key?.slice(prefix.length) ?? "";
          // Only the app's own keys: other objects under the prefix are none of its business.
          if (/^[a-f0-9]{32}$/.test(key)) yield key;
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
  };
}
