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
          testTimeout: 1_200_000,
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
    ],
  },
});
