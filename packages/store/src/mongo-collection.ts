/** A collection of the MongoDB adapter: the driver's collection behind the port. */
import type { ClientSession, Collection as DriverCollection } from "mongodb";
import {
  callDriver,
  findOptions,
  toDriverWrite,
  toUpdateResult,
  withStringId,
  type MongoContext,
} from "./mongo-support.ts";
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
  Update,
  UpdateOptions,
  UpdateResult,
  DeleteOptions,
  WriteOptions,
} from "./port.ts";
import { defaultIndexName } from "./sql.ts";

export class MongoStoreCollection<T extends Doc> implements Collection<T> {
  readonly name: string;
  readonly #driver: DriverCollection<Doc>;
  readonly #context: MongoContext;

  constructor(driver: DriverCollection<Doc>, context: MongoContext) {
    this.name = driver.collectionName;
    this.#driver = driver;
    this.#context = context;
  }

  findOne(filter: Filter, options: FindOptions = {}): Promise<T | null> {
    return this.#call(options, (session) =>
      this.#driver.findOne<T>(filter, { ...findOptions(options), session }),
    );
  }

  find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    return this.#call(options, (session) =>
      this.#driver.find<T>(filter, { ...findOptions(options), session }).toArray(),
    );
  }

  countDocuments(filter: Filter, options: ReadOptions = {}): Promise<number> {
    return this.#call(options, (session) => this.#driver.countDocuments(filter, { session }));
  }

  async insertOne(doc: T, options: WriteOptions = {}): Promise<void> {
    await this.#call(options, (session) => this.#driver.insertOne(doc, { session }));
  }

  async insertMany(docs: T[], options: WriteOptions = {}): Promise<void> {
    if (docs.length === 0) return;
    await this.#call(options, (session) =>
      session
        ? this.#driver.insertMany(docs, { session })
        : this.#context.transact((own) => this.#driver.insertMany(docs, { session: own })),
    );
  }

  updateOne(filter: Filter, update: Update, options: UpdateOptions = {}): Promise<UpdateResult> {
    const upsert = options.upsert ?? false;
    const change = withStringId(filter, update, upsert);
    return this.#call(options, async (session) =>
      toUpdateResult(await this.#driver.updateOne(filter, change, { upsert, session })),
    );
  }

  updateMany(filter: Filter, update: Update, options: WriteOptions = {}): Promise<UpdateResult> {
    return this.#call(options, async (session) =>
      toUpdateResult(await this.#driver.updateMany(filter, update, { session })),
    );
  }

  findOneAndUpdate(
    filter: Filter,
    update: Update,
    options: FindOneAndUpdateOptions = {},
  ): Promise<T | null> {
    const { upsert = false, returnDocument = "after" } = options;
    const change = withStringId(filter, update, upsert);
    return this.#call(options, (session) =>
      this.#driver.findOneAndUpdate(filter, change, { upsert, returnDocument, session }),
    ) as Promise<T | null>;
  }

  async bulkWrite(
    operations: BulkWriteOperation<T>[],
    options: WriteOptions = {},
  ): Promise<BulkWriteResult> {
    if (operations.length === 0)
      return { insertedCount: 0, matchedCount: 0, modifiedCount: 0, upsertedCount: 0 };
    const writes = operations.map(toDriverWrite);
    const result = await this.#call(options, (session) =>
      session
        ? this.#driver.bulkWrite(writes, { ordered: true, session })
        : this.#context.transact((own) =>
            this.#driver.bulkWrite(writes, { ordered: true, session: own }),
          ),
    );
    const { insertedCount, matchedCount, modifiedCount, upsertedCount } = result;
    return { insertedCount, matchedCount, modifiedCount, upsertedCount };
  }

  async deleteOne(filter: Filter, options: WriteOptions = {}): Promise<number> {
    const result = await this.#call(options, (session) =>
      this.#driver.deleteOne(filter, { session }),
    );
    return result.deletedCount;
  }

  async deleteMany(filter: Filter, options: DeleteOptions = {}): Promise<number> {
    // Inside a transaction the commit's write concern decides; alone, "lazy" skips the journal wait.
    const lazy = options.durability === "lazy" && !options.session;
    const result = await this.#call(options, (session) =>
      this.#driver.deleteMany(filter, {
        session,
        ...(lazy ? { writeConcern: { w: 1, journal: false } } : {}),
      }),
    );
    return result.deletedCount;
  }

  async createIndex(spec: IndexSpec): Promise<void> {
    const name = spec.name ?? defaultIndexName(spec.keys);
    await this.#call({}, () =>
      this.#driver.createIndex(spec.keys, { name, unique: spec.unique ?? false }),
    );
  }

  #call<R>(
    options: ReadOptions,
    fn: (session: ClientSession | undefined) => Promise<R>,
  ): Promise<R> {
    return callDriver(this.#context, `${this.#driver.dbName}.${this.name}`, options.session, fn);
  }
}
