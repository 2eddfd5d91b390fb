// Fails when generated types are stale (each subgraph's resolver types against its SDL, the typed
// documents of test/documents and of the console against schema/api.graphql) or when a document
// no longer validates against the API schema. `npm run codegen` refreshes them.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { SUBGRAPHS } from "./subgraphs.ts";

const DOCUMENTS = "test/documents/generated";
const CONSOLE = "apps/console/src/generated";

/** Every generated file: the resolver types, and whatever the client preset writes for the documents. */
const generated = () => [
  ...SUBGRAPHS.map(({ name }) => `services/${name}/src/generated/resolvers.ts`),
  ...[DOCUMENTS, CONSOLE].flatMap((folder) =>
    existsSync(folder) ? readdirSync(folder).map((file) => `${folder}/${file}`) : [],
  ),
];
const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : undefined);

const before = new Map(generated().map((file) => [file, read(file)]));
/** Puts every generated file back as it was committed, so the check changes nothing. */
const restore = (files: string[]) => {
  for (const file of files) {
    const text = before.get(file);
    if (text === undefined) rmSync(file, { force: true });
    else writeFileSync(file, text);
  }
};

try {
  execFileSync("npx", ["graphql-codegen", "--config", "codegen.yml"], {
    stdio: "pipe",
    encoding: "utf8",
  });
} catch (error) {
  restore([...before.keys()]);
  // Codegen validates every document against the schema and writes nothing when one fails.
  const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
  const output = `${stdout}${stderr}`;
  // Codegen's progress lines come first; its report starts at the first failure mark.
  console.error(output.slice(Math.max(0, output.indexOf("✖"))));
  console.error("codegen failed: a document does not validate against its schema (see above)");
  process.exit(1);
}
const files = [...new Set([...before.keys(), ...generated()])];
const stale = files.filter((file) => read(file) !== before.get(file));
if (stale.length) {
  restore(files);
  console.error(
    `generated types are stale: ${stale.join(", ")}; run \`npm run codegen\` and commit`,
  );
  process.exit(1);
}
console.log("generated resolver types and typed documents are current");
