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
