import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

const unitInclude = ["app/**/*.test.{ts,tsx}", "emails/**/*.test.{ts,tsx}", "tests/integration/**/*.test.ts"];
const unitSetup = {
  globalSetup: ["tests/setup/global-db.ts"],
  setupFiles: ["tests/setup/test-env.ts", "tests/setup/db-per-file.ts", "tests/setup/console.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  pool: "forks" as const,
};

// "unit": domain and integration tests, each file on its own copy of one migrated golden PGlite.
// "unit-pg": the same tests on a real PostgreSQL (only when TEST_DATABASE_URL is set; .ci/run does).
// "browser": the built app in the system Chromium.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    projects: [
      {
        extends: true as const,
        test: { name: "unit", include: unitInclude, ...unitSetup, env: { TEST_DB: "pglite" } },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: { name: "unit-pg", include: unitInclude, ...unitSetup, env: { TEST_DB: "postgres" } },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: "browser",
          // tests/security/: the security suite runs against the real server, like the browser tests.
          include: ["tests/e2e/**/*.test.ts", "tests/security/**/*.test.ts"],
          setupFiles: ["tests/setup/test-env.ts"],
          testTimeout: 300_000,
          // A real browser against a real server on 2 cores: one retry absorbs timing hiccups;
          // a test that fails twice fails the run.
          retry: 1,
          hookTimeout: 120_000,
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
