/**
 * MongoDB update semantics for the embedded store, on top of mingo's `update()`: adds
 * `$setOnInsert`, and the type errors MongoDB raises where mingo silently does nothing.
 */
import type { Modifier } from "mingo/updater";
import { applyUpdate } from "./matcher.ts";
import type { Doc, Filter, Update } from "./port.ts";
import { lookup, typeName } from "./paths.ts";

type Obj = Record<string, unknown>;

const NUMERIC = new Set(["$inc", "$mul"]);
const ARRAY = new Set(["$push", "$addToSet", "$pull", "$pullAll", "$pop"]);
const CREATING = new Set(["$set", "$inc", "$mul", "$push", "$addToSet", "$min", "$max"]);

/** Splits an update into its operators, checking its shape; `$setOnInsert` is kept apart. */
export function parseUpdate(update: Update): { operators: Obj; setOnInsert: Obj } {
  const entries = Object.entries(update);
  if (entries.length === 0) throw new Error("Update document must not be empty");
  const operators: Obj = {};
  let setOnInsert: Obj = {};
  for (const [operator, fields] of entries) {
    if (!operator.startsWith("$")) {
      throw new Error(`Update document requires atomic operators, found '${operator}'`);
    }
    if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
      throw new Error(`Modifiers for ${operator} must be an object`);
    }
    if (operator === "$setOnInsert") setOnInsert = fields as Obj;
    else operators[operator] = fields;
  }
  return { operators, setOnInsert };
}

/**
 * Applies update operators to `doc` in place; returns whether anything changed. `filter` (the one
 * that matched `doc`) resolves the positional `$` operator; upserts have none to give.
 */
export function applyOperators(doc: Doc, operators: Obj, filter?: Filter): boolean {
  const id = doc._id;
  const modifier = withoutUnchangedId(operators, id);
  if (Object.keys(modifier).length === 0) return false;
  checkTypes(doc, modifier);
  const condition = hasPositional(modifier) ? filter : undefined;
  const changed = applyUpdate(doc, modifier as Modifier<Doc>, condition);
  if (doc._id !== id) throw immutableId();
  return changed.length > 0;
}

/** The `$set` an upsert applies: the update's `$set` plus `$setOnInsert`, refusing overlaps. */
export function insertOperators(operators: Obj, setOnInsert: Obj): Obj {
  const set = (operators.$set ?? {}) as Obj;
  for (const path of Object.keys(setOnInsert)) {
    if (path in set) {
      throw new Error(`Updating the path '${path}' would create a conflict at '${path}'`);
    }
  }
  return { ...operators, $set: { ...set, ...setOnInsert } };
}

function withoutUnchangedId(operators: Obj, id: string): Obj {
  const modifier: Obj = {};
  for (const [operator, fields] of Object.entries(operators)) {
    const { _id: newId, ...rest } = fields as Obj;
    if (newId !== undefined && (operator !== "$set" || newId !== id)) throw immutableId();
    if (Object.keys(rest).length > 0) modifier[operator] = rest;
  }
  return modifier;
}

function hasPositional(modifier: Obj): boolean {
  return Object.values(modifier).some((fields) =>
    Object.keys(fields as Obj).some((path) => path.includes("$")),
  );
}

function checkTypes(doc: Doc, modifier: Obj): void {
  for (const [operator, fields] of Object.entries(modifier)) {
    for (const [path, argument] of Object.entries(fields as Obj)) {
      if (path.split(".").some((segment) => segment.startsWith("$"))) continue; // positional
      if (NUMERIC.has(operator) && typeof argument !== "number") {
        throw new Error(
          `Cannot ${operator} with non-numeric argument: {${path}: ${String(argument)}}`,
        );
      }
      const found = lookup(doc, path);
      if (!found.found && found.blockedBy !== undefined && CREATING.has(operator)) {
        throw new Error(
          `Cannot create field '${path}' in document ${doc._id}: a ${typeName(found.blockedBy)} is in the way`,
        );
      }
      if (!found.found) continue;
      if (NUMERIC.has(operator) && typeof found.value !== "number") {
        throw new Error(
          `Cannot apply ${operator} to a value of non-numeric type. {_id: "${doc._id}"} has the field '${path}' of non-numeric type ${typeName(found.value)}`,
        );
      }
      if (ARRAY.has(operator) && !Array.isArray(found.value)) {
        throw new Error(
          `Cannot apply ${operator} to a non-array value. {_id: "${doc._id}"} has the field '${path}' of non-array type ${typeName(found.value)}`,
        );
      }
    }
  }
}

function immutableId(): Error {
  return new Error("Performing an update on the path '_id' would modify the immutable field '_id'");
}
