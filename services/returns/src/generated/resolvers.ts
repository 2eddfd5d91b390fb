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

export type CancelReturnInput = {
  reason: Scalars['String']['input'];
  returnId: Scalars['ID']['input'];
};

export type CancelReturnResult = InvalidReturnError | InvalidReturnTransitionError | Return | ReturnNotFoundError;

export type InvalidReturnError = UserError & {
  __typename?: 'InvalidReturnError';
  code: Scalars['String']['output'];
  field?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
};

/** The return's status does not allow the change (code INVALID_TRANSITION). */
export type InvalidReturnTransitionError = UserError & {
  __typename?: 'InvalidReturnTransitionError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  return: Return;
  /** The status it would have moved to. */
  to: ReturnStatus;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Cancels a requested return; its quantities may be returned again. */
  cancelReturn: CancelReturnResult;
  /**
   * A warehouse received a requested return: every line of the return once, with the units that
   * arrived and their disposition. The same receipt sent again answers the return as it stands.
   */
  receiveReturn: ReceiveReturnResult;
  /** Authorises a return of shipped goods. */
  requestReturn: RequestReturnResult;
};


export type MutationCancelReturnArgs = {
  input: CancelReturnInput;
};


export type MutationReceiveReturnArgs = {
  input: ReceiveReturnInput;
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
  /** Returns requested and not yet received or cancelled, oldest first: what warehouses expect. */
  returnsToReceive: ReturnConnection;
};


export type QueryReturnArgs = {
  id: Scalars['ID']['input'];
};


export type QueryReturnsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderId: Scalars['ID']['input'];
};


export type QueryReturnsToReceiveArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ReceiveReturnInput = {
  /** Every line of the return, each once. */
  lines: Array<ReceivedReturnLineInput>;
  returnId: Scalars['ID']['input'];
  /** The warehouse the goods arrived at. */
  warehouse: Scalars['String']['input'];
};

export type ReceiveReturnResult = InvalidReturnError | InvalidReturnTransitionError | QuantityExceedsShippedError | Return | ReturnAlreadyReceivedError | ReturnNotFoundError;

export type ReceivedReturnLineInput = {
  disposition: ReturnDisposition;
  lineId: Scalars['ID']['input'];
  /**
   * Units that arrived, from 0. More than requested is accepted while the order line's returns stay
   * within what shipped.
   */
  received: Scalars['Int']['input'];
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
  cancellationReason?: Maybe<Scalars['String']['output']>;
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** When billing settled the return and it was closed. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The credit notes billing raised for the return; empty until closed, or when nothing was invoiced. */
  creditNoteIds: Array<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  lines: Array<ReturnLine>;
  order: Order;
  reason: Scalars['String']['output'];
  receivedAt?: Maybe<Scalars['DateTime']['output']>;
  requestedAt: Scalars['DateTime']['output'];
  status: ReturnStatus;
  /** The warehouse that received the goods; null until received. */
  warehouse?: Maybe<Scalars['String']['output']>;
};

/** The return was received before with another receipt (code ALREADY_RECEIVED). */
export type ReturnAlreadyReceivedError = UserError & {
  __typename?: 'ReturnAlreadyReceivedError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  return: Return;
};

/** A page of returns. */
export type ReturnConnection = {
  __typename?: 'ReturnConnection';
  edges: Array<ReturnEdge>;
  pageInfo: PageInfo;
};

/** What becomes of returned units once the warehouse has them. */
export type ReturnDisposition =
  /** Back into sellable stock. */
  | 'RESTOCK'
  /** Written off. */
  | 'SCRAP'
  /** Sent back to the supplier. */
  | 'VENDOR_RETURN';

export type ReturnEdge = {
  __typename?: 'ReturnEdge';
  cursor: Scalars['String']['output'];
  node: Return;
};

export type ReturnLine = {
  __typename?: 'ReturnLine';
  /** What becomes of the received units; null until received. */
  disposition?: Maybe<ReturnDisposition>;
  /** The order line returned. */
  lineId: Scalars['ID']['output'];
  /** Units asked for. */
  quantity: Scalars['Int']['output'];
  /** Units that arrived (possibly fewer, or none); null until received. */
  received?: Maybe<Scalars['Int']['output']>;
  sku: Scalars['String']['output'];
};

export type ReturnLineInput = {
  lineId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

export type ReturnNotFoundError = UserError & {
  __typename?: 'ReturnNotFoundError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  returnId: Scalars['ID']['output'];
};

/**
 * Where a return is: REQUESTED, then RECEIVED by a warehouse, then CLOSED once billing has settled
 * it; a REQUESTED return may be CANCELLED instead.
 */
export type ReturnStatus =
  | 'CANCELLED'
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
  CancelReturnResult:
    | ( InvalidReturnError & { __typename: 'InvalidReturnError' } )
    | ( Omit<InvalidReturnTransitionError, 'return'> & { return: _RefType['Return'] } & { __typename: 'InvalidReturnTransitionError' } )
    | ( ReturnRecord & { __typename: 'Return' } )
    | ( ReturnNotFoundError & { __typename: 'ReturnNotFoundError' } )
  ;
  ReceiveReturnResult:
    | ( InvalidReturnError & { __typename: 'InvalidReturnError' } )
    | ( Omit<InvalidReturnTransitionError, 'return'> & { return: _RefType['Return'] } & { __typename: 'InvalidReturnTransitionError' } )
    | ( QuantityExceedsShippedError & { __typename: 'QuantityExceedsShippedError' } )
    | ( ReturnRecord & { __typename: 'Return' } )
    | ( Omit<ReturnAlreadyReceivedError, 'return'> & { return: _RefType['Return'] } & { __typename: 'ReturnAlreadyReceivedError' } )
    | ( ReturnNotFoundError & { __typename: 'ReturnNotFoundError' } )
  ;
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
    | ( Omit<InvalidReturnTransitionError, 'return'> & { return: _RefType['Return'] } )
    | ( NothingShippedError )
    | ( QuantityExceedsShippedError )
    | ( Omit<ReturnAlreadyReceivedError, 'return'> & { return: _RefType['Return'] } )
    | ( ReturnNotFoundError )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CancelReturnInput: CancelReturnInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CancelReturnResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CancelReturnResult']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  InvalidReturnError: ResolverTypeWrapper<InvalidReturnError>;
  InvalidReturnTransitionError: ResolverTypeWrapper<Omit<InvalidReturnTransitionError, 'return'> & { return: ResolversTypes['Return'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NothingShippedError: ResolverTypeWrapper<NothingShippedError>;
  Order: ResolverTypeWrapper<Reference>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  QuantityExceedsShippedError: ResolverTypeWrapper<QuantityExceedsShippedError>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReceiveReturnInput: ReceiveReturnInput;
  ReceiveReturnResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ReceiveReturnResult']>;
  ReceivedReturnLineInput: ReceivedReturnLineInput;
  RequestReturnInput: RequestReturnInput;
  RequestReturnResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['RequestReturnResult']>;
  Return: ResolverTypeWrapper<ReturnRecord>;
  ReturnAlreadyReceivedError: ResolverTypeWrapper<Omit<ReturnAlreadyReceivedError, 'return'> & { return: ResolversTypes['Return'] }>;
  ReturnConnection: ResolverTypeWrapper<Omit<ReturnConnection, 'edges'> & { edges: Array<ResolversTypes['ReturnEdge']> }>;
  ReturnDisposition: ReturnDisposition;
  ReturnEdge: ResolverTypeWrapper<Omit<ReturnEdge, 'node'> & { node: ResolversTypes['Return'] }>;
  ReturnLine: ResolverTypeWrapper<ReturnLine>;
  ReturnLineInput: ReturnLineInput;
  ReturnNotFoundError: ResolverTypeWrapper<ReturnNotFoundError>;
  ReturnStatus: ReturnStatus;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CancelReturnInput: CancelReturnInput;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  CancelReturnResult: ResolversUnionTypes<ResolversParentTypes>['CancelReturnResult'];
  DateTime: Scalars['DateTime']['output'];
  InvalidReturnError: InvalidReturnError;
  InvalidReturnTransitionError: Omit<InvalidReturnTransitionError, 'return'> & { return: ResolversParentTypes['Return'] };
  Mutation: Record<PropertyKey, never>;
  NothingShippedError: NothingShippedError;
  Order: Reference;
  Int: Scalars['Int']['output'];
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  QuantityExceedsShippedError: QuantityExceedsShippedError;
  Query: Record<PropertyKey, never>;
  ReceiveReturnInput: ReceiveReturnInput;
  ReceiveReturnResult: ResolversUnionTypes<ResolversParentTypes>['ReceiveReturnResult'];
  ReceivedReturnLineInput: ReceivedReturnLineInput;
  RequestReturnInput: RequestReturnInput;
  RequestReturnResult: ResolversUnionTypes<ResolversParentTypes>['RequestReturnResult'];
  Return: ReturnRecord;
  ReturnAlreadyReceivedError: Omit<ReturnAlreadyReceivedError, 'return'> & { return: ResolversParentTypes['Return'] };
  ReturnConnection: Omit<ReturnConnection, 'edges'> & { edges: Array<ResolversParentTypes['ReturnEdge']> };
  ReturnEdge: Omit<ReturnEdge, 'node'> & { node: ResolversParentTypes['Return'] };
  ReturnLine: ReturnLine;
  ReturnLineInput: ReturnLineInput;
  ReturnNotFoundError: ReturnNotFoundError;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
};

export type CancelReturnResultResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['CancelReturnResult'] = ResolversParentTypes['CancelReturnResult']> = {
  __resolveType?: TypeResolveFn<'InvalidReturnError' | 'InvalidReturnTransitionError' | 'Return' | 'ReturnNotFoundError', ParentType, ContextType>;
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

export type InvalidReturnTransitionErrorResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['InvalidReturnTransitionError'] = ResolversParentTypes['InvalidReturnTransitionError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  return?: Resolver<ResolversTypes['Return'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['ReturnStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cancelReturn?: Resolver<ResolversTypes['CancelReturnResult'], ParentType, ContextType, RequireFields<MutationCancelReturnArgs, 'input'>>;
  receiveReturn?: Resolver<ResolversTypes['ReceiveReturnResult'], ParentType, ContextType, RequireFields<MutationReceiveReturnArgs, 'input'>>;
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
  returnsToReceive?: Resolver<ResolversTypes['ReturnConnection'], ParentType, ContextType, Partial<QueryReturnsToReceiveArgs>>;
};

export type ReceiveReturnResultResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['ReceiveReturnResult'] = ResolversParentTypes['ReceiveReturnResult']> = {
  __resolveType?: TypeResolveFn<'InvalidReturnError' | 'InvalidReturnTransitionError' | 'QuantityExceedsShippedError' | 'Return' | 'ReturnAlreadyReceivedError' | 'ReturnNotFoundError', ParentType, ContextType>;
};

export type RequestReturnResultResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['RequestReturnResult'] = ResolversParentTypes['RequestReturnResult']> = {
  __resolveType?: TypeResolveFn<'InvalidReturnError' | 'NothingShippedError' | 'QuantityExceedsShippedError' | 'Return', ParentType, ContextType>;
};

export type ReturnResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['Return'] = ResolversParentTypes['Return'], FederationReferenceType extends FederationReferenceTypes['Return'] = FederationReferenceTypes['Return']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Return']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cancellationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  creditNoteIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['ReturnLine']>, ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receivedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReturnStatus'], ParentType, ContextType>;
  warehouse?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ReturnAlreadyReceivedErrorResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['ReturnAlreadyReceivedError'] = ResolversParentTypes['ReturnAlreadyReceivedError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  return?: Resolver<ResolversTypes['Return'], ParentType, ContextType>;
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
  disposition?: Resolver<Maybe<ResolversTypes['ReturnDisposition']>, ParentType, ContextType>;
  lineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  received?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReturnNotFoundErrorResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['ReturnNotFoundError'] = ResolversParentTypes['ReturnNotFoundError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  returnId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = ReturnsContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  __resolveType?: TypeResolveFn<'InvalidReturnError' | 'InvalidReturnTransitionError' | 'NothingShippedError' | 'QuantityExceedsShippedError' | 'ReturnAlreadyReceivedError' | 'ReturnNotFoundError', ParentType, ContextType>;
};

export type Resolvers<ContextType = ReturnsContext> = {
  CancelReturnResult?: CancelReturnResultResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  InvalidReturnError?: InvalidReturnErrorResolvers<ContextType>;
  InvalidReturnTransitionError?: InvalidReturnTransitionErrorResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NothingShippedError?: NothingShippedErrorResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  QuantityExceedsShippedError?: QuantityExceedsShippedErrorResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReceiveReturnResult?: ReceiveReturnResultResolvers<ContextType>;
  RequestReturnResult?: RequestReturnResultResolvers<ContextType>;
  Return?: ReturnResolvers<ContextType>;
  ReturnAlreadyReceivedError?: ReturnAlreadyReceivedErrorResolvers<ContextType>;
  ReturnConnection?: ReturnConnectionResolvers<ContextType>;
  ReturnEdge?: ReturnEdgeResolvers<ContextType>;
  ReturnLine?: ReturnLineResolvers<ContextType>;
  ReturnNotFoundError?: ReturnNotFoundErrorResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
};

