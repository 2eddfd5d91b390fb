import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { WebhookReceiptRecord, WebhookEndpointRecord, WebhookDeliveryRecord, DeliveryAttempt, ConnectorDeliveryRecord } from '../store/records.ts';
import type { ConnectorRun } from '../connectors/deliver.ts';
import type { IntegrationsContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 8601 instant, always in UTC. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

/**
 * A finance system or trading partner Waybill delivers billing's documents (and, where it takes
 * them, despatches) to. CONNECTORS switches it on.
 */
export type Connector = {
  __typename?: 'Connector';
  /** Documents not yet delivered, parked ones included. */
  backlog: Scalars['Int']['output'];
  /** Its deliveries, newest first. */
  deliveries: ConnectorDeliveryConnection;
  /**
   * UP (sending), RATE_LIMITED (waiting out a 429), DOWN (paused by its breaker after failures in
   * a row) or PROBING (trying the oldest document before resuming).
   */
  health: Scalars['String']['output'];
  /** Its name in CONNECTORS, for example erpnext. */
  name: Scalars['String']['output'];
};


/**
 * A finance system or trading partner Waybill delivers billing's documents (and, where it takes
 * them, despatches) to. CONNECTORS switches it on.
 */
export type ConnectorDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One document to one connector's system. */
export type ConnectorDelivery = {
  __typename?: 'ConnectorDelivery';
  attempts: Scalars['Int']['output'];
  connector: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  documentId: Scalars['ID']['output'];
  /** The document's id in the system, once delivered. */
  externalId?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** INVOICE, CREDIT_NOTE, ADJUSTMENT_NOTE, DESPATCH (a confirmed shipment), MILESTONE (a later milestone of one) or SERVICE_CASE. */
  kind: Scalars['String']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  orderId: Scalars['ID']['output'];
  /** Waiting for a person: an exception was raised (an unmapped value, a refusal, retries spent). */
  parked: Scalars['Boolean']['output'];
  /** Our number, which the system is searched by before anything is created. */
  reference: Scalars['String']['output'];
  /** PENDING, DELIVERED, FAILED (retries are due, or it is parked) or SKIPPED (nothing to send). */
  state: Scalars['String']['output'];
};

export type ConnectorDeliveryConnection = {
  __typename?: 'ConnectorDeliveryConnection';
  edges: Array<ConnectorDeliveryEdge>;
  pageInfo: PageInfo;
};

export type ConnectorDeliveryEdge = {
  __typename?: 'ConnectorDeliveryEdge';
  cursor: Scalars['String']['output'];
  node: ConnectorDelivery;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Stops deliveries to an endpoint; what it misses is kept and sent when it is enabled. */
  disableWebhookEndpoint: WebhookEndpoint;
  enableWebhookEndpoint: WebhookEndpoint;
  /**
   * Registers a receiver for events of the given types and customer accounts (a partner: its own
   * accounts only; staff: none for every account). The URL must be https and reach a public address.
   */
  registerWebhookEndpoint: WebhookEndpointSecret;
  /**
   * Sends again every document the connector recorded since a time (delivered, skipped or parked;
   * those still on their way are left to finish). Returns how many. For finance and admin.
   */
  replayConnectorDeliveries: Scalars['Int']['output'];
  /**
   * Sends one document again even if it was delivered: the connector looks it up by our reference
   * first, so one still in the system is found, not doubled, and one deleted there is made again.
   * For finance and admin.
   */
  replayConnectorDelivery: ConnectorDelivery;
  /** Sends again every delivery to an endpoint made since a time; how many. */
  replayWebhookDeliveries: Scalars['Int']['output'];
  /** Sends one delivery again, from the start of the retry schedule. */
  replayWebhookDelivery: WebhookDelivery;
  /** Sends one document again from the start of its schedule, parked or not. For finance and admin. */
  retryConnectorDelivery: ConnectorDelivery;
  /** A new secret; the previous one keeps signing beside it during the overlap. */
  rotateWebhookSecret: WebhookEndpointSecret;
};


export type MutationDisableWebhookEndpointArgs = {
  endpointId: Scalars['ID']['input'];
};


export type MutationEnableWebhookEndpointArgs = {
  endpointId: Scalars['ID']['input'];
};


export type MutationRegisterWebhookEndpointArgs = {
  accounts: Array<Scalars['ID']['input']>;
  eventTypes: Array<Scalars['String']['input']>;
  url: Scalars['String']['input'];
};


export type MutationReplayConnectorDeliveriesArgs = {
  connector: Scalars['String']['input'];
  since: Scalars['DateTime']['input'];
};


export type MutationReplayConnectorDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReplayWebhookDeliveriesArgs = {
  endpointId: Scalars['ID']['input'];
  since: Scalars['DateTime']['input'];
};


export type MutationReplayWebhookDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRetryConnectorDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateWebhookSecretArgs = {
  endpointId: Scalars['ID']['input'];
};

/**
 * Where a page of a list ends. A list takes `first` (1 to 200 rows, 50 when omitted) and `after`
 * (the `endCursor` of the page before); pages stay in order while rows are added.
 */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the page's last row; null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The connectors switched on. For finance and admin. */
  connectors: Array<Connector>;
  webhookEndpoint?: Maybe<WebhookEndpoint>;
  /** The webhook endpoints the caller manages, oldest first: all for staff, its accounts' for a partner. */
  webhookEndpoints: WebhookEndpointConnection;
  /** Verified webhooks, newest first; of one source when given. For operations staff. */
  webhookReceipts: WebhookReceiptConnection;
};


export type QueryWebhookEndpointArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWebhookEndpointsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWebhookReceiptsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
};

/** One POST to a receiver. */
export type WebhookAttempt = {
  __typename?: 'WebhookAttempt';
  at: Scalars['DateTime']['output'];
  /** Why no answer came (refused address, timeout, connection error). */
  error?: Maybe<Scalars['String']['output']>;
  latencyMs: Scalars['Int']['output'];
  /** The HTTP status it answered; null when none came. */
  status?: Maybe<Scalars['Int']['output']>;
};

/** One event for one endpoint, and every attempt to deliver it. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  attempts: Array<WebhookAttempt>;
  createdAt: Scalars['DateTime']['output'];
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  endpointId: Scalars['ID']['output'];
  /** The event's id on the bus. */
  eventId: Scalars['ID']['output'];
  /** The webhook-id header, the same on every attempt. */
  id: Scalars['ID']['output'];
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** Held while its endpoint is disabled. */
  paused: Scalars['Boolean']['output'];
  /** The body sent on every attempt: {type, timestamp, data}. */
  payload: Scalars['String']['output'];
  /** PENDING, DELIVERED, FAILED (retries are due) or EXHAUSTED (the schedule is spent). */
  state: Scalars['String']['output'];
  type: Scalars['String']['output'];
};

export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  edges: Array<WebhookDeliveryEdge>;
  pageInfo: PageInfo;
};

export type WebhookDeliveryEdge = {
  __typename?: 'WebhookDeliveryEdge';
  cursor: Scalars['String']['output'];
  node: WebhookDelivery;
};

/**
 * A receiver of Waybill's events by webhook, signed as Standard Webhooks has it (headers
 * webhook-id, webhook-timestamp and webhook-signature).
 */
export type WebhookEndpoint = {
  __typename?: 'WebhookEndpoint';
  /** The customer accounts whose events it hears; empty for every account. */
  accounts: Array<Scalars['ID']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Its deliveries, newest first. */
  deliveries: WebhookDeliveryConnection;
  disabledAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why it is disabled: MANUAL, FAILING (failing for days) or GONE (it answered 410). */
  disabledReason?: Maybe<Scalars['String']['output']>;
  enabled: Scalars['Boolean']['output'];
  /** The events it hears, named as their subjects (shipments.milestone.recorded, ...). */
  eventTypes: Array<Scalars['String']['output']>;
  /** Since when every attempt has failed; null once one succeeds. */
  failingSince?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  url: Scalars['String']['output'];
};


/**
 * A receiver of Waybill's events by webhook, signed as Standard Webhooks has it (headers
 * webhook-id, webhook-timestamp and webhook-signature).
 */
export type WebhookEndpointDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of webhook endpoints. */
export type WebhookEndpointConnection = {
  __typename?: 'WebhookEndpointConnection';
  edges: Array<WebhookEndpointEdge>;
  pageInfo: PageInfo;
};

export type WebhookEndpointEdge = {
  __typename?: 'WebhookEndpointEdge';
  cursor: Scalars['String']['output'];
  node: WebhookEndpoint;
};

/** A webhook endpoint and its signing secret, shown this once. */
export type WebhookEndpointSecret = {
  __typename?: 'WebhookEndpointSecret';
  endpoint: WebhookEndpoint;
  /** whsec_ followed by the base64 of the key. */
  secret: Scalars['String']['output'];
};

/** A webhook an outside system sent, verified by its signature, and what Waybill answered. */
export type WebhookReceipt = {
  __typename?: 'WebhookReceipt';
  /** Why, when it was refused. */
  detail?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /**
   * What came of it, in SCREAMING_SNAKE (ORDER_PLACED, ALREADY_PLACED, MALFORMED_ORDER,
   * MILESTONE_RECORDED, MILESTONE_PARKED, DUPLICATE, IGNORED, UNMAPPABLE_EVENT, ...).
   */
  outcome: Scalars['String']['output'];
  /** The body as received, for inspection. */
  payload: Scalars['String']['output'];
  receivedAt: Scalars['DateTime']['output'];
  /** What it produced or matched: the order placed, or the carrier event as <source>:<event id>. */
  reference?: Maybe<Scalars['ID']['output']>;
  /** The outside system, as in /webhooks/<source>/<topic> (shopify, aftership, easypost). */
  source: Scalars['String']['output'];
  /** The HTTP status Waybill answered. */
  status: Scalars['Int']['output'];
  /** What it is about, as in the path (orders-create, tracking, tracker, fulfillment-events-create). */
  topic: Scalars['String']['output'];
};

/** A page of webhook receipts. */
export type WebhookReceiptConnection = {
  __typename?: 'WebhookReceiptConnection';
  edges: Array<WebhookReceiptEdge>;
  pageInfo: PageInfo;
};

export type WebhookReceiptEdge = {
  __typename?: 'WebhookReceiptEdge';
  cursor: Scalars['String']['output'];
  node: WebhookReceipt;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Connector: ResolverTypeWrapper<ConnectorRun>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ConnectorDelivery: ResolverTypeWrapper<ConnectorDeliveryRecord>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ConnectorDeliveryConnection: ResolverTypeWrapper<Omit<ConnectorDeliveryConnection, 'edges'> & { edges: Array<ResolversTypes['ConnectorDeliveryEdge']> }>;
  ConnectorDeliveryEdge: ResolverTypeWrapper<Omit<ConnectorDeliveryEdge, 'node'> & { node: ResolversTypes['ConnectorDelivery'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  WebhookAttempt: ResolverTypeWrapper<DeliveryAttempt>;
  WebhookDelivery: ResolverTypeWrapper<WebhookDeliveryRecord>;
  WebhookDeliveryConnection: ResolverTypeWrapper<Omit<WebhookDeliveryConnection, 'edges'> & { edges: Array<ResolversTypes['WebhookDeliveryEdge']> }>;
  WebhookDeliveryEdge: ResolverTypeWrapper<Omit<WebhookDeliveryEdge, 'node'> & { node: ResolversTypes['WebhookDelivery'] }>;
  WebhookEndpoint: ResolverTypeWrapper<WebhookEndpointRecord>;
  WebhookEndpointConnection: ResolverTypeWrapper<Omit<WebhookEndpointConnection, 'edges'> & { edges: Array<ResolversTypes['WebhookEndpointEdge']> }>;
  WebhookEndpointEdge: ResolverTypeWrapper<Omit<WebhookEndpointEdge, 'node'> & { node: ResolversTypes['WebhookEndpoint'] }>;
  WebhookEndpointSecret: ResolverTypeWrapper<Omit<WebhookEndpointSecret, 'endpoint'> & { endpoint: ResolversTypes['WebhookEndpoint'] }>;
  WebhookReceipt: ResolverTypeWrapper<WebhookReceiptRecord>;
  WebhookReceiptConnection: ResolverTypeWrapper<Omit<WebhookReceiptConnection, 'edges'> & { edges: Array<ResolversTypes['WebhookReceiptEdge']> }>;
  WebhookReceiptEdge: ResolverTypeWrapper<Omit<WebhookReceiptEdge, 'node'> & { node: ResolversTypes['WebhookReceipt'] }>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Connector: ConnectorRun;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  ConnectorDelivery: ConnectorDeliveryRecord;
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  ConnectorDeliveryConnection: Omit<ConnectorDeliveryConnection, 'edges'> & { edges: Array<ResolversParentTypes['ConnectorDeliveryEdge']> };
  ConnectorDeliveryEdge: Omit<ConnectorDeliveryEdge, 'node'> & { node: ResolversParentTypes['ConnectorDelivery'] };
  DateTime: Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  WebhookAttempt: DeliveryAttempt;
  WebhookDelivery: WebhookDeliveryRecord;
  WebhookDeliveryConnection: Omit<WebhookDeliveryConnection, 'edges'> & { edges: Array<ResolversParentTypes['WebhookDeliveryEdge']> };
  WebhookDeliveryEdge: Omit<WebhookDeliveryEdge, 'node'> & { node: ResolversParentTypes['WebhookDelivery'] };
  WebhookEndpoint: WebhookEndpointRecord;
  WebhookEndpointConnection: Omit<WebhookEndpointConnection, 'edges'> & { edges: Array<ResolversParentTypes['WebhookEndpointEdge']> };
  WebhookEndpointEdge: Omit<WebhookEndpointEdge, 'node'> & { node: ResolversParentTypes['WebhookEndpoint'] };
  WebhookEndpointSecret: Omit<WebhookEndpointSecret, 'endpoint'> & { endpoint: ResolversParentTypes['WebhookEndpoint'] };
  WebhookReceipt: WebhookReceiptRecord;
  WebhookReceiptConnection: Omit<WebhookReceiptConnection, 'edges'> & { edges: Array<ResolversParentTypes['WebhookReceiptEdge']> };
  WebhookReceiptEdge: Omit<WebhookReceiptEdge, 'node'> & { node: ResolversParentTypes['WebhookReceipt'] };
};

export type ConnectorResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['Connector'] = ResolversParentTypes['Connector']> = {
  backlog?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deliveries?: Resolver<ResolversTypes['ConnectorDeliveryConnection'], ParentType, ContextType, Partial<ConnectorDeliveriesArgs>>;
  health?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ConnectorDeliveryResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['ConnectorDelivery'] = ResolversParentTypes['ConnectorDelivery']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  connector?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  documentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  externalId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  parked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ConnectorDeliveryConnectionResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['ConnectorDeliveryConnection'] = ResolversParentTypes['ConnectorDeliveryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ConnectorDeliveryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ConnectorDeliveryEdgeResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['ConnectorDeliveryEdge'] = ResolversParentTypes['ConnectorDeliveryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ConnectorDelivery'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  disableWebhookEndpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType, RequireFields<MutationDisableWebhookEndpointArgs, 'endpointId'>>;
  enableWebhookEndpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType, RequireFields<MutationEnableWebhookEndpointArgs, 'endpointId'>>;
  registerWebhookEndpoint?: Resolver<ResolversTypes['WebhookEndpointSecret'], ParentType, ContextType, RequireFields<MutationRegisterWebhookEndpointArgs, 'accounts' | 'eventTypes' | 'url'>>;
  replayConnectorDeliveries?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationReplayConnectorDeliveriesArgs, 'connector' | 'since'>>;
  replayConnectorDelivery?: Resolver<ResolversTypes['ConnectorDelivery'], ParentType, ContextType, RequireFields<MutationReplayConnectorDeliveryArgs, 'id'>>;
  replayWebhookDeliveries?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationReplayWebhookDeliveriesArgs, 'endpointId' | 'since'>>;
  replayWebhookDelivery?: Resolver<ResolversTypes['WebhookDelivery'], ParentType, ContextType, RequireFields<MutationReplayWebhookDeliveryArgs, 'id'>>;
  retryConnectorDelivery?: Resolver<ResolversTypes['ConnectorDelivery'], ParentType, ContextType, RequireFields<MutationRetryConnectorDeliveryArgs, 'id'>>;
  rotateWebhookSecret?: Resolver<ResolversTypes['WebhookEndpointSecret'], ParentType, ContextType, RequireFields<MutationRotateWebhookSecretArgs, 'endpointId'>>;
};

export type PageInfoResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  connectors?: Resolver<Array<ResolversTypes['Connector']>, ParentType, ContextType>;
  webhookEndpoint?: Resolver<Maybe<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType, RequireFields<QueryWebhookEndpointArgs, 'id'>>;
  webhookEndpoints?: Resolver<ResolversTypes['WebhookEndpointConnection'], ParentType, ContextType, Partial<QueryWebhookEndpointsArgs>>;
  webhookReceipts?: Resolver<ResolversTypes['WebhookReceiptConnection'], ParentType, ContextType, Partial<QueryWebhookReceiptsArgs>>;
};

export type WebhookAttemptResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['WebhookAttempt'] = ResolversParentTypes['WebhookAttempt']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  latencyMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type WebhookDeliveryResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['WebhookDelivery'] = ResolversParentTypes['WebhookDelivery']> = {
  attempts?: Resolver<Array<ResolversTypes['WebhookAttempt']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  endpointId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  paused?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  payload?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookDeliveryConnectionResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['WebhookDeliveryConnection'] = ResolversParentTypes['WebhookDeliveryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['WebhookDeliveryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type WebhookDeliveryEdgeResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['WebhookDeliveryEdge'] = ResolversParentTypes['WebhookDeliveryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WebhookDelivery'], ParentType, ContextType>;
};

export type WebhookEndpointResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['WebhookEndpoint'] = ResolversParentTypes['WebhookEndpoint']> = {
  accounts?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveries?: Resolver<ResolversTypes['WebhookDeliveryConnection'], ParentType, ContextType, Partial<WebhookEndpointDeliveriesArgs>>;
  disabledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  disabledReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  failingSince?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookEndpointConnectionResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['WebhookEndpointConnection'] = ResolversParentTypes['WebhookEndpointConnection']> = {
  edges?: Resolver<Array<ResolversTypes['WebhookEndpointEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type WebhookEndpointEdgeResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['WebhookEndpointEdge'] = ResolversParentTypes['WebhookEndpointEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType>;
};

export type WebhookEndpointSecretResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['WebhookEndpointSecret'] = ResolversParentTypes['WebhookEndpointSecret']> = {
  endpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookReceiptResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['WebhookReceipt'] = ResolversParentTypes['WebhookReceipt']> = {
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  payload?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookReceiptConnectionResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['WebhookReceiptConnection'] = ResolversParentTypes['WebhookReceiptConnection']> = {
  edges?: Resolver<Array<ResolversTypes['WebhookReceiptEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type WebhookReceiptEdgeResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['WebhookReceiptEdge'] = ResolversParentTypes['WebhookReceiptEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['WebhookReceipt'], ParentType, ContextType>;
};

export type Resolvers<ContextType = IntegrationsContext> = {
  Connector?: ConnectorResolvers<ContextType>;
  ConnectorDelivery?: ConnectorDeliveryResolvers<ContextType>;
  ConnectorDeliveryConnection?: ConnectorDeliveryConnectionResolvers<ContextType>;
  ConnectorDeliveryEdge?: ConnectorDeliveryEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  WebhookAttempt?: WebhookAttemptResolvers<ContextType>;
  WebhookDelivery?: WebhookDeliveryResolvers<ContextType>;
  WebhookDeliveryConnection?: WebhookDeliveryConnectionResolvers<ContextType>;
  WebhookDeliveryEdge?: WebhookDeliveryEdgeResolvers<ContextType>;
  WebhookEndpoint?: WebhookEndpointResolvers<ContextType>;
  WebhookEndpointConnection?: WebhookEndpointConnectionResolvers<ContextType>;
  WebhookEndpointEdge?: WebhookEndpointEdgeResolvers<ContextType>;
  WebhookEndpointSecret?: WebhookEndpointSecretResolvers<ContextType>;
  WebhookReceipt?: WebhookReceiptResolvers<ContextType>;
  WebhookReceiptConnection?: WebhookReceiptConnectionResolvers<ContextType>;
  WebhookReceiptEdge?: WebhookReceiptEdgeResolvers<ContextType>;
};

