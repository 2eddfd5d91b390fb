// bench/RESULTS.md holds one section per benchmark; each run replaces its own section only.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { format, resolveConfig } from "prettier";

const FILE = join(import.meta.dirname, "..", "RESULTS.md");
const ORDER = [
  "gateway",
  "roundtrips",
  "pipeline",
  "pipeline-tmpfs",
  "webhooks",
  "subscriptions",
  "connectors",
  "stock-feed",
] as const;
export type Section = (typeof ORDER)[number];

const HEADER = `# Waybill benchmarks

Each section is written by its command (\`npm run bench:<name>\` in the repository root) and is
replaced whole when that command runs again. Figures are from one run on the machine described in
the section; compare ratios measured in the same run rather than absolute numbers across runs.
`;

const begin = (name: string) => `<!-- BEGIN ${name} -->`;
const end = (name: string) => `<!-- END ${name} -->`;

const BLOCK = /<!-- BEGIN ([\w-]+) -->\n?([\s\S]*?)<!-- END \1 -->/g;

function sections(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(BLOCK)) found.set(match[1] ?? "", (match[2] ?? "").trim());
  return found;
}

/**
 * Replaces the section `name` of bench/RESULTS.md with `body` and prints it. Other sections,
 * including hand-written ones, are kept; the benchmarks' own come first, in a fixed order.
 */
export async function writeSection(name: Section, body: string): Promise<void> {
  const current = existsSync(FILE)
    ? sections(readFileSync(FILE, "utf8"))
    : new Map<string, string>();
  current.set(name, body.trim());
  const names = [
    ...ORDER.filter((section) => current.has(section)),
    ...[...current.keys()].filter((section) => !(ORDER as readonly string[]).includes(section)),
  ];
  const parts = names.map(
    (section) => `${begin(section)}\n${current.get(section) ?? ""}\n${end(section)}`,
  );
  // Formatted as `npm run format` would, so the repository's format check stays green.
  const text = `${HEADER}\n${parts.join("\n\n")}\n`;
  const options = (await resolveConfig(FILE)) ?? {};
  writeFileSync(FILE, await format(text, { ...options, filepath: FILE }));
  console.log(`\n${body.trim()}\n\n(written to bench/RESULTS.md)`);
}

/** A markdown table. */
export function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}
