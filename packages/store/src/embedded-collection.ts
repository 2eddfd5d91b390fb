/** A collection of the embedded store: one SQLite table of JSON documents. */
import type {
  BulkWriteOperation,
  BulkWriteResult,
  Collection,
  Doc,
  Filter,
  FindOneAndUpdateOptions,
  FindOptions,
  IndexSpec,
  ReadOptions,
  StoreMetrics,
  Update,
  UpdateOptions,
  UpdateResult,
  DeleteOptions,
  WriteOptions,
} from "./port.ts";
import { countDocs, findDocs } from "./query.ts";
import { bulkWriteDocs, deleteDocs, insertDoc, updateDocs, type Target } from "./writes.ts";

export class EmbeddedCollection<T extends Doc> implements Collection<T> {
  readonly name: string;
  readonly #target: Target;
  readonly #metrics: StoreMetrics;

  constructor(target: Target, metrics: StoreMetrics) {
    this.name = target.table;
    this.#target = target;
    this.#metrics = metrics;
  }

  async findOne(filter: Filter, options: FindOptions = {}): Promise<T | null> {
    return this.#read(options, () => this.#find(filter, { ...options, limit: 1 })[0] ?? null);
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    return this.#read(options, () => this.#find(filter, options));
  }

  async countDocuments(filter: Filter, options: ReadOptions = {}): Promise<number> {
    return this.#read(options, () =>
      countDocs(this.#target.engine, this.#target.catalog, this.name, filter),
    );
  }

  async insertOne(doc: T, options: WriteOptions = {}): Promise<void> {
    return this.#write(options, () => insertDoc(this.#target, doc));
  }

  async insertMany(docs: T[], options: WriteOptions = {}): Promise<void> {
    return this.#write(options, () => {
      for (const doc of docs) insertDoc(this.#target, doc);
    });
  }

  async updateOne(
    filter: Filter,
    update: Update,
    options: UpdateOptions = {},
  ): Promise<UpdateResult> {
    const mode = { multi: false, upsert: options.upsert ?? false };
    return this.#write(options, () => updateDocs<T>(this.#target, filter, update, mode).result);
  }

  async updateMany(
    filter: Filter,
    update: Update,
    options: WriteOptions = {},
  ): Promise<UpdateResult> {
    const mode = { multi: true, upsert: false };
    return this.#write(options, () => updateDocs<T>(this.#target, filter, update, mode).result);
  }

  async findOneAndUpdate(
    filter: Filter,
    update: Update,
    options: FindOneAndUpdateOptions = {},
  ): Promise<T | null> {
    const mode = {
      multi: false,
      upsert: options.upsert ?? false,
      before: options.returnDocument === "before",
    };
    return this.#write(options, () => {
      const { before, after } = updateDocs<T>(this.#target, filter, update, mode);
      return options.returnDocument === "before" ? before : after;
    });
  }

  async bulkWrite(
    operations: BulkWriteOperation<T>[],
    options: WriteOptions = {},
  ): Promise<BulkWriteResult> {
    if (operations.length === 0)
      return { insertedCount: 0, matchedCount: 0, modifiedCount: 0, upsertedCount: 0 };
    return this.#write(options, () => bulkWriteDocs(this.#target, operations));
  }

  async deleteOne(filter: Filter, options: WriteOptions = {}): Promise<number> {
    return this.#write(options, () => deleteDocs(this.#target, filter, false));
  }

  async deleteMany(filter: Filter, options: DeleteOptions = {}): Promise<number> {
    this.#metrics.operations += 1;
    return this.#target.engine.write(
      options.session,
      () => deleteDocs(this.#target, filter, true),
      {
        lazy: options.durability === "lazy",
      },
    );
  }

  async createIndex(spec: IndexSpec): Promise<void> {
    return this.#write({}, () => this.#target.catalog.createIndex(this.name, spec));
  }

  #find(filter: Filter, options: FindOptions): T[] {
    return findDocs<T>(this.#target.engine, this.#target.catalog, this.name, filter, options);
  }

  #read<R>(options: ReadOptions, fn: () => R): Promise<R> {
    this.#metrics.operations += 1;
    return this.#target.engine.read(options.session, fn);
  }

  #write<R>(options: WriteOptions, fn: () => R): Promise<R> {
    this.#metrics.operations += 1;
    return this.#target.engine.write(options.session, fn);
  }
}
