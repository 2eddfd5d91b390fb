// Fails when a subgraph's generated resolver types do not match its SDL (`npm run codegen` fixes it).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { SUBGRAPHS } from "./subgraphs.ts";

const files = SUBGRAPHS.map(({ name }) => `services/${name}/src/generated/resolvers.ts`);
const read = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
};
const before = new Map(files.map((file) => [file, read(file)]));
execFileSync("npx", ["graphql-codegen", "--config", "codegen.yml", "--silent"], {
  stdio: "inherit",
});
const stale = files.filter((file) => read(file) !== before.get(file));
if (stale.length) {
  // Leave the committed files as they were; the message says how to refresh them.
  for (const file of stale) writeFileSync(file, before.get(file) ?? "");
  console.error(
    `generated resolver types are stale: ${stale.join(", ")}; run \`npm run codegen\` and commit`,
  );
  process.exit(1);
}
console.log("generated resolver types are current");
