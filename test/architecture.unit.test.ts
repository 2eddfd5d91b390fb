// The layout's rules, checked on the import graph: see ARCHITECTURE.md.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { cycles, namesImported, ROOT, sourcesIn, type SourceFile } from "./support/imports.ts";

const folders = (parent: string) =>
  readdirSync(join(ROOT, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "node_modules")
    .map((entry) => entry.name)
    .sort();

const PACKAGES = folders("packages");
const SERVICES = folders("services");

/** Production code: what runs in a deployment. */
const production: { name: string; files: SourceFile[] }[] = [
  ...PACKAGES.filter((name) => name !== "devtools").map((name) => ({
    name: `packages/${name}`,
    files: sourcesIn(`packages/${name}/src`),
  })),
  ...SERVICES.map((name) => ({
    name: `services/${name}`,
    files: sourcesIn(`services/${name}/src`),
  })),
  { name: "gateway", files: sourcesIn("gateway/src") },
];

const everything: SourceFile[] = [
  ...PACKAGES.flatMap((name) => [
    ...sourcesIn(`packages/${name}/src`),
    ...sourcesIn(`packages/${name}/test`),
  ]),
  ...SERVICES.flatMap((name) => [
    ...sourcesIn(`services/${name}/src`),
    ...sourcesIn(`services/${name}/test`),
  ]),
  ...sourcesIn("gateway"),
  ...sourcesIn("scripts"),
  ...sourcesIn("bench"),
  ...sourcesIn("test"),
];

const waybill = (specifier: string) => /^@waybill\/([a-z-]+)(\/.*)?$/.exec(specifier);

/** The subpaths a workspace declares in its package.json `exports` (`./server`). */
function declaredSubpaths(name: string): string[] {
  const folder = PACKAGES.includes(name) ? `packages/${name}` : `services/${name}`;
  const manifest = JSON.parse(readFileSync(join(ROOT, folder, "package.json"), "utf8")) as {
    exports?: Record<string, string>;
  };
  return Object.keys(manifest.exports ?? {}).map((key) => key.slice(1));
}

describe("architecture", () => {
  it("finds the packages, the services and the gateway", () => {
    expect(PACKAGES).toEqual(expect.arrayContaining(["bus", "contracts", "devtools", "store"]));
    expect(SERVICES.length).toBeGreaterThanOrEqual(6);
    expect(production.every(({ files }) => files.length > 0)).toBe(true);
  });

  it("has no import cycle inside a package, a service or the gateway", () => {
    const found = production.flatMap(({ files }) =>
      cycles(files).map((cycle) => cycle.join(" -> ")),
    );
    expect(found).toEqual([]);
  });

  it("has no cycle between packages", () => {
    const depends = new Map(
      PACKAGES.map((name) => [
        name,
        sourcesIn(`packages/${name}/src`).flatMap((file) =>
          file.packages.flatMap((specifier) => {
            const match = waybill(specifier);
            return match?.[1] && match[1] !== name ? [`packages/${match[1]}/src/index.ts`] : [];
          }),
        ),
      ]),
    );
    const graph = PACKAGES.map((name) => {
      const files = [...new Set(depends.get(name))];
      return { path: `packages/${name}/src/index.ts`, files, valueFiles: files, packages: [] };
    });
    expect(cycles(graph).map((cycle) => cycle.join(" -> "))).toEqual([]);
  });

  it("keeps development tooling out of production code", () => {
    const offenders = production.flatMap(({ files }) =>
      files.filter((file) => file.packages.includes("@waybill/devtools")).map((file) => file.path),
    );
    expect(offenders).toEqual([]);
  });

  it("lets services meet only through the supergraph and events, never by import", () => {
    const offenders = SERVICES.flatMap((service) =>
      sourcesIn(`services/${service}/src`).flatMap((file) => [
        ...file.packages
          .filter((specifier) => SERVICES.includes(waybill(specifier)?.[1] ?? ""))
          .map((specifier) => `${file.path} imports ${specifier}`),
        ...file.files
          .filter((target) => !target.startsWith(`services/${service}/`))
          .map((target) => `${file.path} imports ${target}`),
      ]),
    );
    expect(offenders).toEqual([]);
  });

  it("reaches a package only through its index", () => {
    const deep = everything.flatMap((file) => [
      ...file.packages
        .filter((specifier) => {
          const [, name = "", subpath] = waybill(specifier) ?? [];
          return subpath !== undefined && !declaredSubpaths(name).includes(subpath);
        })
        .map((specifier) => `${file.path} imports ${specifier}`),
      ...file.files
        .filter((target) => {
          const owner = /^packages\/([a-z-]+)\//.exec(target)?.[1];
          return owner !== undefined && !file.path.startsWith(`packages/${owner}/`);
        })
        .map((target) => `${file.path} imports ${target}`),
    ]);
    // The Hive Gateway process of the gateway benchmark loads only the signing code, by path, so
    // that its measured memory holds nothing of ours but what it needs.
    expect(deep.filter((line) => !line.startsWith("bench/hive-gateway.ts "))).toEqual([]);
  });

  it("keeps the broker's client inside the bus, and the service host out of the gateway", () => {
    const offenders = production
      .filter(({ name }) => name !== "packages/bus")
      .flatMap(({ files }) =>
        files.flatMap((file) =>
          file.packages
            .filter(
              (specifier) =>
                specifier.startsWith("@nats-io/") ||
                (file.path.startsWith("gateway/") && specifier === "@waybill/service"),
            )
            .map((specifier) => `${file.path} imports ${specifier}`),
        ),
      );
    expect(offenders).toEqual([]);
  });

  // Type-checks every package's index with the TypeScript compiler: seconds, not milliseconds.
  it("exports from each package's index only what others use", { timeout: 30_000 }, () => {
    const indexes = PACKAGES.map((name) => join(ROOT, `packages/${name}/src/index.ts`));
    const program = ts.createProgram(indexes, {
      allowImportingTsExtensions: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
    });
    const checker = program.getTypeChecker();
    const unused = PACKAGES.flatMap((name, index) => {
      const source = program.getSourceFile(indexes[index] ?? "");
      const module = source && checker.getSymbolAtLocation(source);
      const exported = module ? checker.getExportsOfModule(module).map((e) => e.getName()) : [];
      const used = new Set(
        everything
          .filter((file) => !file.path.startsWith(`packages/${name}/`))
          .flatMap((file) => namesImported(file.path, `@waybill/${name}`)),
      );
      return exported.filter((exportName) => !used.has(exportName)).map((e) => `${name}: ${e}`);
    });
    expect(unused).toEqual([]);
  });
});
