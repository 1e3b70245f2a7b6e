import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase, pgliteDatabase } from "../../app/db/client.server";

declare module "vitest" {
  export interface ProvidedContext {
    goldenPglite: string;
    goldenPostgres: string;
  }
}

/**
 * Migrates once into a golden database: a PGlite image on disk (loaded per test file, in memory),
 * and with TEST_DATABASE_URL a PostgreSQL template database (copied per test file).
 */
export default async function setup(project: TestProject) {
  const pglite = new PGlite();
  const golden = pgliteDatabase(pglite);
  await migrateDatabase(golden);
  const image = await pglite.dumpDataDir("none");
  const file = path.join(mkdtempSync(path.join(tmpdir(), "ikon-golden-")), "golden.tar");
  writeFileSync(file, Buffer.from(await image.arrayBuffer()));
  await pglite.close();
  project.provide("goldenPglite", file);

  const url = process.env.TEST_DATABASE_URL;
  if (!url || project.config.env?.TEST_DB !== "postgres") {
    project.provide("goldenPostgres", "");
    return;
  }
  const name = `ikon_golden_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const goldenUrl = new URL(url);
  goldenUrl.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: goldenUrl.toString(), dataDir: "", migrate: true });
  await db.close();
  project.provide("goldenPostgres", name);
  return async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}
