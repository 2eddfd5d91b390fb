// Reads the import graph of the repository's TypeScript sources, for the architecture checks.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

export const ROOT = resolve(import.meta.dirname, "../..");

/** One source file and what it imports: relative paths resolved, package names as written. */
export interface SourceFile {
  /** Relative to the repository root. */
  path: string;
  /** Files it imports by relative path, relative to the root. */
  files: string[];
  /** Of `files`, those it imports values from (not types only): what runs when it loads. */
  valueFiles: string[];
  /** Bare specifiers it imports (`@waybill/bus`, `graphql`, `node:fs`). */
  packages: string[];
}

/** The module specifiers of a file's import and export declarations, and whether each is types only. */
function declarations(path: string, text: string): { specifier: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            named !== undefined &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((element) => element.isTypeOnly)));
      found.push({ specifier: statement.moduleSpecifier.text, typeOnly });
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      found.push({ specifier: statement.moduleSpecifier.text, typeOnly: statement.isTypeOnly });
    }
  }
  return found;
}

/** Every `.ts` file below `folder` (relative to the root), generated code included; none if absent. */
export function sourcesIn(folder: string): SourceFile[] {
  const base = join(ROOT, folder);
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".ts") && !path.split("/").includes("node_modules"))
    .sort()
    .map((path) => read(join(folder, path)));
}

function read(path: string): SourceFile {
  const text = readFileSync(join(ROOT, path), "utf8");
  // Dynamic imports too (`await import(...)`), which declarations() does not list.
  const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
  const resolveFile = (specifier: string) =>
    relative(ROOT, resolve(ROOT, dirname(path), specifier));
  const typeOnly = new Set(
    declarations(path, text)
      .filter((declaration) => declaration.typeOnly)
      .map((declaration) => declaration.specifier),
  );
  const relativeSpecifiers = specifiers.filter((specifier) => specifier.startsWith("."));
  return {
    path,
    files: relativeSpecifiers.map(resolveFile),
    valueFiles: relativeSpecifiers.filter((s) => !typeOnly.has(s)).map(resolveFile),
    packages: specifiers.filter((specifier) => !specifier.startsWith(".")),
  };
}

/**
 * The import cycles among `files` through value imports (type-only imports, such as generated
 * resolver types and the records they map, load nothing), each as the paths around it.
 */
export function cycles(files: readonly SourceFile[]): string[][] {
  const edges = new Map(files.map((file) => [file.path, file.valueFiles]));
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (path: string) => {
    state.set(path, "open");
    stack.push(path);
    for (const next of edges.get(path) ?? []) {
      if (!edges.has(next)) continue;
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(path, "done");
  };
  for (const path of edges.keys()) if (!state.has(path)) visit(path);
  return found;
}

/** The names a file imports or re-exports from `specifier` (`import { a, type B } from ...`). */
export function namesImported(path: string, specifier: string): string[] {
  const text = readFileSync(join(ROOT, path), "utf8");
  const pattern = new RegExp(
    `(?:import|export)\\s+(?:type\\s+)?\\{([^}]*)\\}\\s+from\\s+["']${specifier.replace("/", "\\/")}["']`,
    "g",
  );
  return [...text.matchAll(pattern)].flatMap((match) =>
    (match[1] ?? "")
      .split(",")
      .map(
        (name) =>
          name
            .trim()
            .replace(/^type\s+/, "")
            .split(/\s+as\s+/)[0] ?? "",
      )
      .filter(Boolean),
  );
}
