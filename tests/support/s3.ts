import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

type S3rverInstance = { run(): Promise<AddressInfo>; close(): Promise<void> };
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;
// s3rver is CommonJS without types.
const S3rver = createRequire(import.meta.url)("s3rver") as S3rverClass;

export type TestS3 = {
  endpoint: string;
  bucket: string;
  /** The settings an app instance needs to use this bucket. */
  env: Record<string, string>;
  /** The directory s3rver keeps the objects in (to make an object vanish behind the app's back). */
  directory: string;
  stop(): Promise<void>;
};

/**
 * A real S3-protocol server (s3rver, objects on the local disk) on a free port, with one bucket.
 * It checks request signatures against its fixed key pair S3RVER/S3RVER.
 */
export async function startS3(bucket = "ikon-test"): Promise<TestS3> {
  const directory = mkdtempSync(path.join(tmpdir(), "ikon-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    directory,
    env: {
      STORAGE: "s3",
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: "true",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
    },
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
