/**
 * Schema of the embedded store: one table per collection (created lazily), its indexes, and the
 * document paths that have ever held an array (where SQL equality would miss MongoDB matches).
 */
import type { Engine } from "./engine.ts";
import { arrayPaths } from "./paths.ts";
import type { IndexSpec } from "./port.ts";
import { createIndexSql, ident, sqliteIndexName, defaultIndexName } from "./sql.ts";

const ARRAY_PATHS = "_waybill_array_paths";

export class Catalog {
  readonly #engine: Engine;
  readonly #tables = new Set<string>();
  readonly #arrays = new Map<string, Set<string>>();
  #dataVersion = -1;
  #checkedTurn = -1;

  constructor(engine: Engine) {
    this.#engine = engine;
    engine.db.exec(
      `CREATE TABLE IF NOT EXISTS ${ARRAY_PATHS} (tbl TEXT NOT NULL, path TEXT NOT NULL, ` +
        "PRIMARY KEY (tbl, path)) WITHOUT ROWID, STRICT",
    );
    // A rollback may undo tables and paths recorded since BEGIN: reload them from the database.
    engine.onRollback(() => this.#forget());
  }

  /** Creates the collection's table on first use. */
  ensureTable(table: string): void {
    if (this.#tables.has(table)) return;
    this.#engine.db.exec(
      `CREATE TABLE IF NOT EXISTS ${ident(table)} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT`,
    );
    this.#tables.add(table);
  }

  /** Paths of `table` that held an array in some document, ever. */
  arrayPaths(table: string): ReadonlySet<string> {
    // Another connection (another process on this file) may have committed new paths; it can only
    // have done so before this turn of the lock, so once a turn is enough.
    if (this.#checkedTurn !== this.#engine.turn) {
      this.#checkedTurn = this.#engine.turn;
      const version = (this.#engine.sql("PRAGMA data_version").get() as { data_version: number })
        .data_version;
      if (version !== this.#dataVersion) {
        this.#arrays.clear();
        this.#dataVersion = version;
      }
    }
    let paths = this.#arrays.get(table);
    if (!paths) {
      const rows = this.#engine.sql(`SELECT path FROM ${ARRAY_PATHS} WHERE tbl = ?`).all(table);
      paths = new Set(rows.map((row) => String(row.path)));
      this.#arrays.set(table, paths);
    }
    return paths;
  }

  /** Records the array paths of a document about to be written (inside the write's transaction). */
  noteArrays(table: string, doc: Record<string, unknown>): void {
    const known = this.arrayPaths(table) as Set<string>;
    for (const path of arrayPaths(doc)) {
      if (known.has(path)) continue;
      this.#engine
        .sql(`INSERT OR IGNORE INTO ${ARRAY_PATHS} (tbl, path) VALUES (?, ?)`)
        .run(table, path);
      known.add(path);
    }
  }

  /** Creates an index; a no-op when the same index exists, an error when a different one has its name. */
  createIndex(table: string, spec: IndexSpec): void {
    this.ensureTable(table);
    const sql = createIndexSql(table, spec);
    const name = sqliteIndexName(table, spec.name ?? defaultIndexName(spec.keys));
    const existing = this.#engine
      .sql("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")
      .get(name);
    if (!existing) {
      this.#engine.db.exec(sql);
    } else if (existing.sql !== sql) {
      throw new Error(
        `An index named '${name}' already exists on '${table}' with different keys or options`,
      );
    }
  }

  #forget(): void {
    this.#tables.clear();
    this.#arrays.clear();
  }
}
