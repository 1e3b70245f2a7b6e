import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, pgliteDatabase, setDatabase, type Database } from "~/db/client.server";

/**
 * Each test file gets its own copy of the migrated golden database: PGlite in memory by default,
 * a fresh PostgreSQL database when the project runs with TEST_DB=postgres.
 */
let database: Database | undefined;
let dropPostgres: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (process.env.TEST_DB === "postgres") {
    const url = process.env.TEST_DATABASE_URL!;
    const template = inject("goldenPostgres");
    const name = `ikon_t_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    const fileUrl = new URL(url);
    fileUrl.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: fileUrl.toString(), dataDir: "", migrate: false });
    dropPostgres = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const image = new Blob([readFileSync(inject("goldenPglite"))]);
    database = pgliteDatabase(await PGlite.create({ loadDataDir: image }));
  }
  setDatabase(database);
});

afterAll(async () => {
  await database?.close();
  setDatabase(undefined);
  await dropPostgres?.();
});
