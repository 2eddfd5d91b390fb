/** A collection of the MongoDB adapter: the driver's collection behind the port. */
import type { ClientSession, Collection as DriverCollection } from "mongodb";
import { findOptions, mapDriverError, withStringId } from "./mongo-support.ts";
import type {
  Collection,
  Doc,
  Filter,
  FindOneAndUpdateOptions,
  FindOptions,
  IndexSpec,
  ReadOptions,
  Session,
  StoreMetrics,
  Update,
  UpdateOptions,
  UpdateResult,
  WriteOptions,
} from "./port.ts";
import { defaultIndexName } from "./sql.ts";

/** What a collection needs from its store. */
export interface MongoContext {
  metrics: StoreMetrics;
  /** The driver session of an open transaction, or undefined (throws for a finished one). */
  resolve(session: Session | undefined): ClientSession | undefined;
  /** Runs `fn` in a transaction of its own. */
  transact<R>(fn: (session: ClientSession) => Promise<R>): Promise<R>;
}

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
    return this.#call(options, (session) => this.#driver.findOne<T>(filter, { ...findOptions(options), session }));
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
    return this.#call(options, async (session) => {
      const result = await this.#driver.updateOne(filter, withStringId(filter, update, upsert), { upsert, session });
      return { matchedCount: result.matchedCount, modifiedCount: result.modifiedCount, upsertedId: result.upsertedId };
    });
  }

  updateMany(filter: Filter, update: Update, options: WriteOptions = {}): Promise<UpdateResult> {
    return this.#call(options, async (session) => {
      const result = await this.#driver.updateMany(filter, update, { session });
      return { matchedCount: result.matchedCount, modifiedCount: result.modifiedCount, upsertedId: null };
    });
  }

  findOneAndUpdate(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    const upsert = options.upsert ?? false;
    const returnDocument = options.returnDocument ?? "after";
    return this.#call(options, async (session) => {
      const found = await this.#driver.findOneAndUpdate(filter, withStringId(filter, update, upsert), {
        upsert,
        returnDocument,
        session,
      });
      return found as T | null;
    });
  }

  deleteOne(filter: Filter, options: WriteOptions = {}): Promise<number> {
    return this.#call(options, async (session) => (await this.#driver.deleteOne(filter, { session })).deletedCount);
  }

  deleteMany(filter: Filter, options: WriteOptions = {}): Promise<number> {
    return this.#call(options, async (session) => (await this.#driver.deleteMany(filter, { session })).deletedCount);
  }

  async createIndex(spec: IndexSpec): Promise<void> {
    const name = spec.name ?? defaultIndexName(spec.keys);
    await this.#call({}, () => this.#driver.createIndex(spec.keys, { name, unique: spec.unique ?? false }));
  }

  async #call<R>(options: { session?: Session }, fn: (session: ClientSession | undefined) => Promise<R>): Promise<R> {
    this.#context.metrics.operations += 1;
    const session = this.#context.resolve(options.session);
    try {
      return await fn(session);
    } catch (error) {
      throw mapDriverError(error, `${this.#driver.dbName}.${this.name}`);
    }
  }
}
