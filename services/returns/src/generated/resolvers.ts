import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ReturnRecord } from '../store/records.ts';
import type { Reference } from '@waybill/graphql';
import type { ReturnsContext } from '../context.ts';
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

export type InvalidReturnError = UserError & {
  __typename?: 'InvalidReturnError';
  code: Scalars['String']['output'];
  field?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Authorises a return of shipped goods. */
  requestReturn: RequestReturnResult;
};


export type MutationRequestReturnArgs = {
  input: RequestReturnInput;
};

/** No shipment of this order has been confirmed, so nothing can be returned. */
export type NothingShippedError = UserError & {
  __typename?: 'NothingShippedError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  orderId: Scalars['ID']['output'];
};

export type Order = {
  __typename?: 'Order';
  id: Scalars['ID']['output'];
  /** Returns (RMAs) of the order, oldest first. */
  returns: ReturnConnection;
};


export type OrderReturnsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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

/** More than shipped minus already returned. */
export type QuantityExceedsShippedError = UserError & {
  __typename?: 'QuantityExceedsShippedError';
  alreadyReturned: Scalars['Int']['output'];
  code: Scalars['String']['output'];
  lineId: Scalars['ID']['output'];
  message: Scalars['String']['output'];
  requested: Scalars['Int']['output'];
  shipped: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  return?: Maybe<Return>;
  /** Returns (RMAs) of the order, oldest first. */
  returns: ReturnConnection;
};


export type QueryReturnArgs = {
  id: Scalars['ID']['input'];
};


export type QueryReturnsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderId: Scalars['ID']['input'];
};

export type RequestReturnInput = {
  lines: Array<ReturnLineInput>;
  orderId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type RequestReturnResult = InvalidReturnError | NothingShippedError | QuantityExceedsShippedError | Return;

/** A return merchandise authorisation for goods of one order. */
export type Return = {
  __typename?: 'Return';
  id: Scalars['ID']['output'];
  lines: Array<ReturnLine>;
  order: Order;
  reason: Scalars['String']['output'];
  requestedAt: Scalars['DateTime']['output'];
  status: ReturnStatus;
};

/** A page of returns. */
export type ReturnConnection = {
  __typename?: 'ReturnConnection';
  edges: Array<ReturnEdge>;
  pageInfo: PageInfo;
};

export type ReturnEdge = {
  __typename?: 'ReturnEdge';
  cursor: Scalars['String']['output'];
  node: Return;
};

export type ReturnLine = {
  __typename?: 'ReturnLine';
  /** The order line returned. */
  lineId: Scalars['ID']['output'];
  quantity: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
};

export type ReturnLineInput = {
  lineId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

export type ReturnStatus =
  | 'CLOSED'
  | 'RECEIVED'
  | 'REQUESTED';

/** Expected failures of a mutation: a code and a message. */
export type UserError = {
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

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

/** Mapping of federation types */
export type FederationTypes = {
  Order: Order;
  Return: Return;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
  Return:
    ( { __typename: 'Return' }
    & GraphQLRecursivePick<FederationTypes['Return'], {"id":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  RequestReturnResult:
    | ( InvalidReturnError & { __typename: 'InvalidReturnError' } )
    | ( NothingShippedError & { __typename: 'NothingShippedError' } )
    | ( QuantityExceedsShippedError & { __typename: 'QuantityExceedsShippedError' } )
    | ( ReturnRecord & { __typename: 'Return' } )
  ;
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  UserError:
    | ( InvalidReturnError )
    | ( NothingShippedError )
    | ( QuantityExceedsShippedError )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  InvalidReturnError: ResolverTypeWrapper<InvalidReturnError>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NothingShippedError: ResolverTypeWrapper<NothingShippedError>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Order: ResolverTypeWrapper<Reference>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  QuantityExceedsShippedError: ResolverTypeWrapper<QuantityExceedsShippedError>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RequestReturnInput: RequestReturnInput;
  RequestReturnResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['RequestReturnResult']>;
  Return: ResolverTypeWrapper<ReturnRecord>;
  ReturnConnection: ResolverTypeWrapper<Omit<ReturnConnection, 'edges'> & { edges: Array<ResolversTypes['ReturnEdge']> }>;
  ReturnEdge: ResolverTypeWrapper<Omit<ReturnEdge, 'node'> & { node: ResolversTypes['Return'] }>;
  ReturnLine: ResolverTypeWrapper<ReturnLine>;
  ReturnLineInput: ReturnLineInput;
  ReturnStatus: ReturnStatus;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  InvalidReturnError: InvalidReturnError;
  String: Scalars['String']['output'];
  Mutation: Record<PropertyKey, never>;
  NothingShippedError: NothingShippedError;
  ID: Scalars['ID']['output'];
  Order: Reference;
  Int: Scalars['Int']['output'];
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  QuantityExceedsShippedError: QuantityExceedsShippedError;
  Query: Record<PropertyKey, never>;
  RequestReturnInput: RequestReturnInput;
  RequestReturnResult: ResolversUnionTypes<ResolversParentTypes>['RequestReturnResult'];
  Return: ReturnRecord;
  ReturnConnection: Omit<ReturnConnection, 'edges'> & { edges: Array<ResolversParentTypes['ReturnEdge']> };
  ReturnEdge: Omit<ReturnEdge, 'node'> & { node: ResolversParentTypes['Return'] };
  ReturnLine: ReturnLine;
  ReturnLineInput: ReturnLineInput;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type InvalidReturnErrorResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['InvalidReturnError'] = ResolversParentTypes['InvalidReturnError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  requestReturn?: Resolver<ResolversTypes['RequestReturnResult'], ParentType, ContextType, RequireFields<MutationRequestReturnArgs, 'input'>>;
};

export type NothingShippedErrorResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['NothingShippedError'] = ResolversParentTypes['NothingShippedError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OrderResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  returns?: Resolver<ResolversTypes['ReturnConnection'], ParentType, ContextType, Partial<OrderReturnsArgs>>;
};

export type PageInfoResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QuantityExceedsShippedErrorResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['QuantityExceedsShippedError'] = ResolversParentTypes['QuantityExceedsShippedError']> = {
  alreadyReturned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shipped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  return?: Resolver<Maybe<ResolversTypes['Return']>, ParentType, ContextType, RequireFields<QueryReturnArgs, 'id'>>;
  returns?: Resolver<ResolversTypes['ReturnConnection'], ParentType, ContextType, RequireFields<QueryReturnsArgs, 'orderId'>>;
};

export type RequestReturnResultResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['RequestReturnResult'] = ResolversParentTypes['RequestReturnResult']> = {
  __resolveType?: TypeResolveFn<'InvalidReturnError' | 'NothingShippedError' | 'QuantityExceedsShippedError' | 'Return', ParentType, ContextType>;
};

export type ReturnResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['Return'] = ResolversParentTypes['Return'], FederationReferenceType extends FederationReferenceTypes['Return'] = FederationReferenceTypes['Return']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Return']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['ReturnLine']>, ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReturnStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ReturnConnectionResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['ReturnConnection'] = ResolversParentTypes['ReturnConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ReturnEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ReturnEdgeResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['ReturnEdge'] = ResolversParentTypes['ReturnEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Return'], ParentType, ContextType>;
};

export type ReturnLineResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['ReturnLine'] = ResolversParentTypes['ReturnLine']> = {
  lineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  __resolveType?: TypeResolveFn<'InvalidReturnError' | 'NothingShippedError' | 'QuantityExceedsShippedError', ParentType, ContextType>;
};

export type Resolvers<ContextType = ReturnsContext> = {
  DateTime?: GraphQLScalarType;
  InvalidReturnError?: InvalidReturnErrorResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NothingShippedError?: NothingShippedErrorResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  QuantityExceedsShippedError?: QuantityExceedsShippedErrorResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RequestReturnResult?: RequestReturnResultResolvers<ContextType>;
  Return?: ReturnResolvers<ContextType>;
  ReturnConnection?: ReturnConnectionResolvers<ContextType>;
  ReturnEdge?: ReturnEdgeResolvers<ContextType>;
  ReturnLine?: ReturnLineResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
};

