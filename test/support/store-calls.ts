// Finds store queries written outside a service's `store/` folder, from the syntax alone.
import ts from "typescript";

/** One place where code reaches the store past its repository. */
export type StoreCall = { line: number; what: string };

/** Methods only the store port has: no array, map or loader shares these names. */
const PORT_METHODS = new Set([
  "findOne",
  "countDocuments",
  "insertOne",
  "insertMany",
  "updateOne",
  "updateMany",
  "findOneAndUpdate",
  "bulkWrite",
  "deleteOne",
  "deleteMany",
  "createIndex",
  "collection",
]);

/** A MongoDB query or update operator (`$in`, `$set`, ...), as an object key. */
const OPERATOR = /^\$[a-z][A-Za-z]*$/;

/**
 * OData's system query options, sent to ERPs as URL parameters (`$filter`, `$select`, ...): the
 * same shape as an operator, but no store's. None of them is a query or update operator.
 */
const ODATA_OPTIONS = new Set([
  "$filter",
  "$select",
  "$top",
  "$skip",
  "$orderby",
  "$expand",
  "$format",
  "$inlinecount",
]);

const keyText = (name: ts.PropertyName): string | null => {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression))
    return name.expression.text;
  return null;
};

const isFunction = (node: ts.Node | undefined) =>
  node !== undefined && (ts.isArrowFunction(node) || ts.isFunctionExpression(node));

/** `repo`, `ctx.repo`, `this.repo`: a repository, by the name every service gives it. */
const isRepository = (node: ts.Expression) =>
  (ts.isIdentifier(node) && node.text === "repo") ||
  (ts.isPropertyAccessExpression(node) && node.name.text === "repo");

/**
 * What a call does to the store, or null. `find` is shared with arrays: it counts when its
 * arguments are a query's (an object filter, or options after it), never with a callback.
 */
function storeCall(call: ts.CallExpression): string | null {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return null;
  const method = callee.name.text;
  const receiver = callee.expression;
  if (ts.isPropertyAccessExpression(receiver) && isRepository(receiver.expression))
    return `repo.${receiver.name.text}.${method}(`;
  if (PORT_METHODS.has(method)) return `.${method}(`;
  const [first, second] = call.arguments;
  if (method === "find" && !isFunction(first)) {
    const objects = [first, second].filter((arg) => arg && ts.isObjectLiteralExpression(arg));
    if (objects.length > 0) return ".find( with a filter";
  }
  return null;
}

/** Every store query, filter or update document, and store-only import in `source`. */
export function findStoreCalls(fileName: string, source: string): StoreCall[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: StoreCall[] = [];
  const report = (node: ts.Node, what: string) =>
    found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, what });
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const what = storeCall(node);
      if (what) report(node, what);
    } else if (ts.isObjectLiteralElementLike(node) && node.name) {
      const key = keyText(node.name);
      if (key && OPERATOR.test(key) && !ODATA_OPTIONS.has(key)) report(node, `"${key}" document`);
    } else if (
      ts.isImportDeclaration(node) &&
      ts.isStringLiteral(node.moduleSpecifier) &&
      /\/store\/collections(\.ts)?$/.test(node.moduleSpecifier.text)
    ) {
      report(node, "store collections imported");
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
