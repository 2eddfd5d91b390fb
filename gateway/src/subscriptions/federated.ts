import {
  defaultFieldResolver,
  Kind,
  OperationTypeNode,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from "graphql";
import type { Principal } from "@waybill/auth";
import { ENTITIES, type EntityRef, type Payload } from "./fields.ts";

/** Runs a query through the supergraph (a query plan, the subgraphs over HTTP) as `principal`. */
export type RunQuery = (
  query: string,
  variables: Record<string, unknown>,
  principal: Principal,
) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly GraphQLError[] }>;

/** What a subscription's resolvers need from its context. */
export type EventContext = { principal: Principal; principalKey: string };

/** A subscription that was ended, carried as its last payload so the client hears why. */
export const ENDED = Symbol("ended");
export type Ended = { [ENDED]: GraphQLError };

const isPayload = (value: unknown): value is Payload =>
  typeof value === "object" && value !== null && ENTITIES in value;

/** Objects of an answer read from the supergraph: their keys are the response keys (aliases). */
const answered = new WeakSet<object>();

function markAnswered(value: unknown) {
  if (typeof value !== "object" || value === null || answered.has(value)) return;
  answered.add(value);
  for (const child of Object.values(value)) markAnswered(child);
}

/** How long an entity read is shared by subscribers asking the same of the same event. */
const SHARED_MS = 5_000;

/** A root query for an entity, with a short id standing for its text in sharing keys. */
const KEPT_QUERY_IDS = 10_000;

type EntityQuery = { id: number; text: string; variables: readonly string[] };

/**
 * Resolves events for subscribers: the root field gives the event's payload, an event's own
 * fields come from it, and a field that refers to an entity (a milestone's shipment, an invoice
 * event's order) is read with a root query built from the subscriber's selection, through the
 * supergraph, with the subscriber's principal; the query planner fetches whatever the selection
 * spans (the order's lines, their products, the shipment's invoice). Subscribers asking the same
 * of the same event with the same rights share one read.
 */
export function eventFieldResolver(run: RunQuery): GraphQLFieldResolver<unknown, EventContext> {
  const queries = new WeakMap<FieldNode, EntityQuery>();
  const ids = new Map<string, number>();
  let lastId = 0;
  const shared = new Map<string, Promise<unknown>>();

  const queryOf = (ref: EntityRef, info: GraphQLResolveInfo): EntityQuery => {
    const node = info.fieldNodes[0] as FieldNode;
    let query = queries.get(node);
    if (!query) {
      const built = entityQuery(ref, info);
      let id = ids.get(built.text);
      if (id === undefined) {
        // Ids only grow, so forgetting the texts (bounded memory) can never make two share one.
        if (ids.size >= KEPT_QUERY_IDS) ids.clear();
        id = ++lastId;
        ids.set(built.text, id);
      }
      query = { ...built, id };
      queries.set(node, query);
    }
    return query;
  };

  const read = async (
    ref: EntityRef,
    cursor: string,
    context: EventContext,
    info: GraphQLResolveInfo,
  ) => {
    const query = queryOf(ref, info);
    const variables: Record<string, unknown> = { key: ref.value };
    for (const name of query.variables) variables[name] = info.variableValues[name];
    const key = `${ref.query}:${ref.value}@${cursor}|${context.principalKey}|${query.id}|${
      query.variables.length ? JSON.stringify(variables) : ""
    }`;
    let answer = shared.get(key);
    if (!answer) {
      answer = run(query.text, variables, context.principal).then(({ data, errors }) => {
        const entity = data?.entity ?? null;
        const [refusal] = errors ?? [];
        if (entity === null && refusal) throw refusal;
        markAnswered(entity);
        return entity;
      });
      shared.set(key, answer);
      const forget = () => setTimeout(() => shared.delete(key), SHARED_MS).unref();
      answer.then(forget, forget);
    }
    return answer;
  };

  return (source, args, context, info) => {
    if (info.parentType === info.schema.getSubscriptionType()) {
      if (typeof source === "object" && source !== null && ENDED in source)
        throw (source as Ended)[ENDED];
      return source;
    }
    if (isPayload(source)) {
      const refs = source[ENTITIES];
      if (Object.hasOwn(refs, info.fieldName)) {
        const ref = refs[info.fieldName];
        return ref ? read(ref, source.cursor, context, info) : null;
      }
      return source[info.fieldName];
    }
    if (typeof source === "object" && source !== null && answered.has(source))
      return (source as Record<string, unknown>)[info.path.key];
    return defaultFieldResolver(source, args, context, info);
  };
}

/**
 * `query ($key: ...) { entity: <root>(<argument>: $key) { <the subscriber's selection> } }` with the
 * fragments and variables the selection uses, and `__typename` in every selection set so that
 * abstract types resolve from the answer.
 */
function entityQuery(ref: EntityRef, info: GraphQLResolveInfo): Omit<EntityQuery, "id"> {
  const selections = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  const selectionSet: SelectionSetNode = { kind: Kind.SELECTION_SET, selections };
  const fragments = new Map<string, FragmentDefinitionNode>();
  const variables = new Set<string>();
  const collect = (node: SelectionSetNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = info.fragments[name];
        if (!fragment || fragments.has(name)) return;
        fragments.set(name, fragment);
        collect(fragment.selectionSet);
      },
      Variable(variable) {
        variables.add(variable.name.value);
      },
    });
  collect(selectionSet);
  const definitions: VariableDefinitionNode[] = [
    {
      kind: Kind.VARIABLE_DEFINITION,
      variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: "key" } },
      type: {
        kind: Kind.NON_NULL_TYPE,
        type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: ref.type } },
      },
    },
    ...(info.operation.variableDefinitions ?? []).filter((definition) =>
      variables.has(definition.variable.name.value),
    ),
  ];
  const root: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: "entity" },
    name: { kind: Kind.NAME, value: ref.query },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: ref.argument },
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: "key" } },
      },
    ],
    selectionSet,
  };
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        name: { kind: Kind.NAME, value: "SubscriptionEntity" },
        variableDefinitions: definitions,
        selectionSet: { kind: Kind.SELECTION_SET, selections: [root] },
      },
      ...fragments.values(),
    ],
  };
  return { text: print(withTypenames(document)), variables: [...variables] };
}

const TYPENAME: FieldNode = {
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: "__typename" },
};

function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet(node) {
      const has = node.selections.some(
        (selection) =>
          selection.kind === Kind.FIELD &&
          !selection.alias &&
          selection.name.value === "__typename",
      );
      return has ? undefined : { ...node, selections: [TYPENAME, ...node.selections] };
    },
  });
}
