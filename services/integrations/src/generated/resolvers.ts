import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { WebhookReceiptRecord } from '../store/records.ts';
import type { IntegrationsContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
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
  /** Verified webhooks, newest first; of one source when given. For operations staff. */
  webhookReceipts: WebhookReceiptConnection;
};


export type QueryWebhookReceiptsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
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
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  WebhookReceipt: ResolverTypeWrapper<WebhookReceiptRecord>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  WebhookReceiptConnection: ResolverTypeWrapper<Omit<WebhookReceiptConnection, 'edges'> & { edges: Array<ResolversTypes['WebhookReceiptEdge']> }>;
  WebhookReceiptEdge: ResolverTypeWrapper<Omit<WebhookReceiptEdge, 'node'> & { node: ResolversTypes['WebhookReceipt'] }>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  PageInfo: PageInfo;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  Query: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  WebhookReceipt: WebhookReceiptRecord;
  ID: Scalars['ID']['output'];
  WebhookReceiptConnection: Omit<WebhookReceiptConnection, 'edges'> & { edges: Array<ResolversParentTypes['WebhookReceiptEdge']> };
  WebhookReceiptEdge: Omit<WebhookReceiptEdge, 'node'> & { node: ResolversParentTypes['WebhookReceipt'] };
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type PageInfoResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = IntegrationsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  webhookReceipts?: Resolver<ResolversTypes['WebhookReceiptConnection'], ParentType, ContextType, Partial<QueryWebhookReceiptsArgs>>;
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
  DateTime?: GraphQLScalarType;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  WebhookReceipt?: WebhookReceiptResolvers<ContextType>;
  WebhookReceiptConnection?: WebhookReceiptConnectionResolvers<ContextType>;
  WebhookReceiptEdge?: WebhookReceiptEdgeResolvers<ContextType>;
};

