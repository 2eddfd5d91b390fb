/**
 * What an operation costs, in two parts checked against their own limits:
 *
 * - its shape, in graphql-armor's model (a scalar 1, an object 2, ×1.5 per level) over the
 *   selection as written, each list counted once: how wide and deep one row of each list is;
 * - its rows: how many rows its lists may return. A list's page size (`first`, written, from the
 *   variables or the default) multiplies what is inside its connection, one row and the pages
 *   nested in it: `orders(first: 100) { … shipments(first: 5) }` asks for 100 + 100 × 5 rows.
 *
 * The page size counts in the rows alone, and the rows limit is at least the largest page, so a
 * legal page on its own is never refused as too costly, while large pages inside large pages are.
 *
 * The schema is read through its own methods only (no graphql-js helper that checks where a type
 * comes from), so the check works with the schema of any copy of graphql the server loaded.
 */
import {
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { PAGE_SIZE } from "@waybill/graphql";
import { QueryLimitError } from "./limit-errors.ts";

/** The limits the cost is checked against. */
export type CostLimits = { maxCost: number; maxRows: number };

/** armor's weights, as its cost rule has them by default. */
const SCALAR = 1;
const OBJECT = 2;
const LEVEL = 1.5;

/** What the walk needs of a type and a field: a structural view of graphql-js's classes. */
type Field = { args: readonly { name: string; defaultValue?: unknown }[]; type: unknown };
type Named = { name: string; getFields?: () => Record<string, Field> };

function namedType(type: unknown): Named | undefined {
  let current = type as { ofType?: unknown } | undefined;
  while (current?.ofType) current = current.ofType;
  return current as Named | undefined;
}

/** A list the schema pages: a field with `first` that returns a connection. */
function isPaged(field: Field | undefined, type: Named | undefined): boolean {
  if (!field?.args.some((arg) => arg.name === "first")) return false;
  return Boolean(type?.name.endsWith("Connection") && type.getFields?.().edges);
}

/** The page size a list is asked for, within the legal range (the subgraph refuses the rest). */
function pageSize(value: ValueNode | undefined, fallback: unknown, variables: Variables): number {
  let size: unknown = fallback;
  if (value?.kind === Kind.INT) size = Number(value.value);
  else if (value?.kind === Kind.VARIABLE) size = variables[value.name.value] ?? fallback;
  const asked = typeof size === "number" && Number.isInteger(size) ? size : PAGE_SIZE.default;
  return Math.min(Math.max(asked, 1), PAGE_SIZE.max);
}

type Variables = Readonly<Record<string, unknown>>;

/** The shape and the rows of one operation. */
export function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables = {},
): { shape: number; rows: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  // armor charges a fragment spread again what the fragment cost where it was first spread.
  const fragmentShape = new Map<string, number>();
  let rows = 0;

  /** The shape of a selection set's children; adds the rows of its lists, `around` rows each. */
  const children = (set: SelectionSetNode, parent: Named | undefined, around: number): number => {
    let shape = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === "__schema") continue;
        if (!selection.selectionSet) {
          shape += LEVEL * SCALAR;
          continue;
        }
        const field = parent?.getFields?.()[selection.name.value];
        const type = namedType(field?.type);
        let inside = around;
        if (isPaged(field, type)) {
          const first = selection.arguments?.find((arg) => arg.name.value === "first");
          const fallback = field?.args.find((arg) => arg.name === "first")?.defaultValue;
          inside = around * pageSize(first?.value, fallback, variables);
          rows += inside;
        }
        shape += LEVEL * (OBJECT + children(selection.selectionSet, type, inside));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        const type = condition
          ? ((schema.getType(condition) as Named | null) ?? undefined)
          : parent;
        shape += LEVEL * (OBJECT + children(selection.selectionSet, type, around));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        const known = fragmentShape.get(name);
        if (known !== undefined || !fragment) {
          // Spread again (or inside itself, which validation refuses): its rows count once more.
          shape += LEVEL * (SCALAR + LEVEL * Math.max(known ?? 0, 0));
          if (fragment && known !== undefined && known >= 0) {
            const type = schema.getType(fragment.typeCondition.name.value) as Named | null;
            children(fragment.selectionSet, type ?? undefined, around);
          }
          continue;
        }
        fragmentShape.set(name, -1);
        const type = schema.getType(fragment.typeCondition.name.value) as Named | null;
        const cost = OBJECT + children(fragment.selectionSet, type ?? undefined, around);
        fragmentShape.set(name, cost);
        shape += LEVEL * (SCALAR + LEVEL * cost);
      }
    }
    return shape;
  };

  const roots = {
    [OperationTypeNode.QUERY]: () => schema.getQueryType(),
    [OperationTypeNode.MUTATION]: () => schema.getMutationType(),
    [OperationTypeNode.SUBSCRIPTION]: () => schema.getSubscriptionType(),
  };
  const root = roots[operation.operation]() as Named | null | undefined;
  // The operation's own fields are at the first level: armor charges them without the factor.
  const shape = children(operation.selectionSet, root ?? undefined, 1) / LEVEL;
  return { shape, rows };
}

/**
 * A cost check for `limits`: the refusal (QUERY_TOO_COSTLY) of an operation whose shape or rows
 * are over their limit, or undefined.
 */
export function costCheck(limits: CostLimits) {
  return (
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Variables = {},
  ): QueryLimitError | undefined => {
    const { shape, rows } = costOf(schema, document, operation, variables);
    if (shape > limits.maxCost)
      return new QueryLimitError(
        "QUERY_TOO_COSTLY",
        `query costs more than the limit of ${limits.maxCost}`,
      );
    if (rows > limits.maxRows)
      return new QueryLimitError(
        "QUERY_TOO_COSTLY",
        `query asks for more than ${limits.maxRows} rows (page sizes multiplied through nested lists)`,
      );
    return undefined;
  };
}
