import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Every setting ikon reads. Parsed once at start; nothing else reads process.env. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z.url({ protocol: /^https?$/ }).optional(),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    MAIL_TRANSPORT: z.enum(["file", "smtp", "resend"]).default("file"),
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    MAIL_FROM: z.string().min(3).default("Integrationskonferenz <konferenz@localhost>"),
    /** Express "trust proxy": how many reverse proxies sit in front (0 = none, client IP is the socket). */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SEED_DEMO: bool.optional(),
    /** How often the outbox worker looks for due mail, and how many tries before a dead letter. */
    MAIL_POLL_MS: z.coerce.number().int().min(50).default(2000),
    MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    /** Löschkonzept (see app/modules/privacy/retention.server.ts), in days. */
    RETENTION_SPECIAL_CATEGORY_DAYS: z.coerce.number().int().min(1).default(28),
    RETENTION_ANONYMISE_DAYS: z.coerce.number().int().min(1).default(183),
    RETENTION_SENT_MAIL_DAYS: z.coerce.number().int().min(1).default(30),
    /** LibreOffice for Office → PDF (projector view, publication): the command and its time limit per file. */
    SOFFICE_PATH: z.string().min(1).default("soffice"),
    SOFFICE_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
    /** Conversions in the background (page images and derived PDFs of uploads, the publication PDF). */
    CONVERSIONS: bool.default(true),
    /** How long the audit log keeps entries. */
    AUDIT_RETENTION_DAYS: z.coerce.number().int().min(30).default(365),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
    /** Largest accepted upload per file, in megabytes. */
    UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(2048).default(25),
    /** Where uploaded files live: `fs` (DATA_DIR/uploads/store) or `s3` (a bucket shared by all instances). */
    STORAGE: z.enum(["fs", "s3"]).default("fs"),
    S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    S3_BUCKET: z.string().min(3).max(63).optional(),
    S3_REGION: z.string().min(1).default("eu-central-1"),
    /** Unset: the AWS SDK's own chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profile, instance role). */
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: bool.default(false),
    /** Put in front of every object key, e.g. `ikon/` when the bucket is shared. */
    S3_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9._/-]*$/)
      .optional(),
    /** /metrics: on a port of its own (not exposed to the public) and/or only with this bearer token. */
    METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    /** The signature line of the certificates of attendance: who issues them, and in which function. */
    CERTIFICATE_ISSUER_NAME: z.string().max(120).optional(),
    CERTIFICATE_ISSUER_FUNCTION: z.string().max(200).default("Kommunales Integrationszentrum Bottrop"),
    /** Staff sign-in through the city's OpenID Connect provider (Keycloak, ADFS, Entra ID …); off when unset. */
    OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    /** Unset for a public client (PKCE only). */
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_SCOPES: z.string().min(1).default("openid email profile"),
    /** The claim (dotted path, e.g. realm_access.roles) whose value(s) must contain OIDC_ORGANISER_VALUE. */
    OIDC_ORGANISER_CLAIM: z.string().min(1).default("groups"),
    OIDC_ORGANISER_VALUE: z.string().min(1).optional(),
    /** false: no password form; staff sign in through OIDC, others by e-mailed link. */
    PASSWORD_LOGIN: bool.default(true),
    /** Full-page cache for anonymous visitors of public pages: longest life of a page (0 = off), size. */
    PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
    PAGE_CACHE_MB: z.coerce.number().int().min(1).max(4096).default(32),
    /** Worker processes (node:cluster, started by server.js); more than 1 only on PostgreSQL. */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  })
  .superRefine((env, ctx) => {
    if (env.MAIL_TRANSPORT === "smtp" && !env.SMTP_URL) {
      ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "is required when MAIL_TRANSPORT=smtp" });
    }
    if (env.MAIL_TRANSPORT === "resend" && !env.RESEND_API_KEY) {
      ctx.addIssue({ code: "custom", path: ["RESEND_API_KEY"], message: "is required when MAIL_TRANSPORT=resend" });
    }
    if (env.STORAGE === "s3" && !env.S3_BUCKET) {
      ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "is required when STORAGE=s3" });
    }
    if (!env.S3_ACCESS_KEY_ID !== !env.S3_SECRET_ACCESS_KEY) {
      ctx.addIssue({
        code: "custom",
        path: [env.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID"],
        message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together",
      });
    }
    if (env.WEB_CONCURRENCY > 1 && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["WEB_CONCURRENCY"],
        message: "more than 1 needs PostgreSQL (DATABASE_URL): the embedded database allows one process",
      });
    }
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.SESSION_SECRET) {
      // Several instances must share one secret; a per-DATA_DIR secret would differ between them.
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "is required in production with DATABASE_URL",
      });
    }
    if (env.OIDC_ISSUER) {
      if (!env.OIDC_CLIENT_ID)
        ctx.addIssue({ code: "custom", path: ["OIDC_CLIENT_ID"], message: "is required with OIDC_ISSUER" });
      if (!env.OIDC_ORGANISER_VALUE)
        ctx.addIssue({ code: "custom", path: ["OIDC_ORGANISER_VALUE"], message: "is required with OIDC_ISSUER" });
      const issuer = new URL(env.OIDC_ISSUER);
      if (issuer.protocol !== "https:" && !LOOPBACK.has(issuer.hostname)) {
        ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "must use https (http only on localhost)" });
      }
    }
  });

export type Env = z.infer<typeof envSchema> & { APP_URL: string; SESSION_SECRET: string; DATA_DIR: string };

export class EnvError extends Error {}

/** Parses raw variables; throws an EnvError whose message names each bad variable. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    ...env,
    DATA_DIR: dataDir,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    SESSION_SECRET: env.SESSION_SECRET ?? localSecret(dataDir),
  };
}

/** Outside a shared deployment the secret is generated once and kept beside the data. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

// A .env file in the working directory fills in what the environment does not set (not in tests).
if (process.env.NODE_ENV !== "test" && existsSync(".env")) process.loadEnvFile(".env");

export const env: Env = parseEnv(process.env);
export const isProduction = env.NODE_ENV === "production";
