import { afterEach, beforeEach, vi } from "vitest";

// An unexpected console.error fails the test: it usually hides a real problem.
// A test that expects one says so with vi.spyOn(console, "error").mockImplementation(() => {}).
let spy: ReturnType<typeof vi.spyOn> | undefined;
beforeEach(() => {
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
  });
});
afterEach(() => spy?.mockRestore());
