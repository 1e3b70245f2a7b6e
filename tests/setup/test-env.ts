// Runs before every test file: configuration for tests, set before app code reads it once.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

process.env.NODE_ENV = "test";
process.env.LOG_LEVEL ??= "silent";
process.env.MAIL_TRANSPORT = "file";
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "ikon-test-"));
process.env.APP_URL = "http://ikon.test";
process.env.SESSION_SECRET = "test-secret-test-secret-test-secret-0123";
