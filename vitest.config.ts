import { defineConfig } from "vitest/config";

const exclude = ["**/node_modules/**", ".waybill/**"];

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: "unit", include: ["**/*.unit.test.ts"], exclude },
      },
      {
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // The fault-injection suite: the real system under kills, broker restarts and pauses.
          name: "faults",
          include: ["test/faults/**/*.faults.test.ts"],
          exclude,
          // FAULT_ORDERS=3400 drives some 10,000 requests with returns and charges under chaos.
          testTimeout: 3_600_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.e2e.test.ts"],
          exclude,
          testTimeout: 240_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // The console in a real browser (Debian's chromium) against the real hub.
          name: "browser",
          include: ["test/browser/**/*.browser.test.ts"],
          exclude,
          globalSetup: ["test/browser/setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
