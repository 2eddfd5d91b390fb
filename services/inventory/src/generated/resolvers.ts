import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ProductRecord, ReservationRecord, MovementRecord, StockExceptionRecord } from '../store/records.ts';
import type { Reference } from '@waybill/graphql';
import type { InventoryContext } from '../context.ts';
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

export type AdjustStockInput = {
  /** Units counted on the shelf. */
  countedQuantity: Scalars['Int']['input'];
  /** Why the count was taken (cycle count, damage found, ...). */
  reason: Scalars['String']['input'];
  sku: Scalars['String']['input'];
  warehouse: Scalars['String']['input'];
};

export type AdjustStockResult = InvalidStockInputError | Product | StockException | UnknownProductError;

export type CreateProductInput = {
  name: Scalars['String']['input'];
  sku: Scalars['String']['input'];
};

export type CreateProductResult = DuplicateProductError | InvalidStockInputError | Product;

export type DuplicateProductError = UserError & {
  __typename?: 'DuplicateProductError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  sku: Scalars['String']['output'];
};

export type InvalidStockInputError = UserError & {
  __typename?: 'InvalidStockInputError';
  code: Scalars['String']['output'];
  field?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * A cycle count. Within the variance threshold the count becomes the on hand (an ADJUSTMENT) and
   * the product is returned; beyond it a StockException is opened for review and stock is unchanged.
   */
  adjustStock: AdjustStockResult;
  createProduct: CreateProductResult;
  /** Goods received into a warehouse; backorders are filled from them, oldest order first. */
  receiveStock: ReceiveStockResult;
  /**
   * Closes an open stock exception. Accepting a count variance applies the variance to the current on
   * hand (never below zero); rejecting discards the count.
   */
  resolveStockException: ResolveStockExceptionResult;
};


export type MutationAdjustStockArgs = {
  input: AdjustStockInput;
};


export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


export type MutationReceiveStockArgs = {
  input: ReceiveStockInput;
};


export type MutationResolveStockExceptionArgs = {
  accept: Scalars['Boolean']['input'];
  comment?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};

export type Order = {
  __typename?: 'Order';
  id: Scalars['ID']['output'];
  /** Stock set aside for each line of the order, in line order. */
  reservations: Array<Reservation>;
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

/** A stock-keeping unit and its stock in every warehouse. */
export type Product = {
  __typename?: 'Product';
  /** Available to promise across warehouses: on hand minus reserved. */
  available: Scalars['Int']['output'];
  /** Ordered on open lines and not yet covered by stock. */
  backordered: Scalars['Int']['output'];
  /** Stock movements, newest first. */
  movements: StockMovementConnection;
  name: Scalars['String']['output'];
  /** On hand across warehouses. */
  onHand: Scalars['Int']['output'];
  /** Reserved for order lines across warehouses. */
  reserved: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
  stock: Array<StockLevel>;
};


/** A stock-keeping unit and its stock in every warehouse. */
export type ProductMovementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of products. */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  edges: Array<ProductEdge>;
  pageInfo: PageInfo;
};

export type ProductEdge = {
  __typename?: 'ProductEdge';
  cursor: Scalars['String']['output'];
  node: Product;
};

export type Query = {
  __typename?: 'Query';
  product?: Maybe<Product>;
  /** The catalog, by SKU. */
  products: ProductConnection;
  /** Reservations of an order's lines, in line order; empty until inventory has seen the order. */
  reservations: Array<Reservation>;
  /** Stock exceptions, oldest first; all statuses when status is omitted. */
  stockExceptions: StockExceptionConnection;
};


export type QueryProductArgs = {
  sku: Scalars['String']['input'];
};


export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryReservationsArgs = {
  orderId: Scalars['ID']['input'];
};


export type QueryStockExceptionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<StockExceptionStatus>;
};

export type ReceiveStockInput = {
  quantity: Scalars['Int']['input'];
  sku: Scalars['String']['input'];
  warehouse: Scalars['String']['input'];
};

export type ReceiveStockResult = InvalidStockInputError | Product | UnknownProductError;

/** What inventory holds for one order line. While OPEN, reserved + backordered + shipped = quantity. */
export type Reservation = {
  __typename?: 'Reservation';
  allocations: Array<ReservationAllocation>;
  /** Waiting for stock; filled oldest order first as stock arrives or is released. */
  backordered: Scalars['Int']['output'];
  lineId: Scalars['ID']['output'];
  orderId: Scalars['ID']['output'];
  product?: Maybe<Product>;
  /** Ordered quantity. */
  quantity: Scalars['Int']['output'];
  /** Set aside in warehouses, not yet shipped. */
  reserved: Scalars['Int']['output'];
  shipped: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
  status: ReservationStatus;
};

export type ReservationAllocation = {
  __typename?: 'ReservationAllocation';
  quantity: Scalars['Int']['output'];
  warehouse: Scalars['String']['output'];
};

export type ReservationStatus =
  /** The line was cancelled; whatever it held was released. */
  | 'CANCELLED'
  /** Everything ordered has shipped. */
  | 'FULFILLED'
  /** Still waiting to ship: reserved and/or backordered. */
  | 'OPEN';

export type ResolveStockExceptionResult = InvalidStockInputError | StockException | StockExceptionClosedError | UnknownStockExceptionError;

/** A stock discrepancy waiting for (or past) a person's review. */
export type StockException = {
  __typename?: 'StockException';
  comment?: Maybe<Scalars['String']['output']>;
  /** What was counted, for COUNT_VARIANCE. */
  counted?: Maybe<Scalars['Int']['output']>;
  /** On hand according to the records when it was opened. */
  expected: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  kind: StockExceptionKind;
  openedAt: Scalars['DateTime']['output'];
  product?: Maybe<Product>;
  reason: Scalars['String']['output'];
  /** The shipment, for SHIPMENT_SHORTFALL. */
  reference?: Maybe<Scalars['String']['output']>;
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  sku: Scalars['String']['output'];
  status: StockExceptionStatus;
  /** Counted minus expected; for SHIPMENT_SHORTFALL the units missing (negative). */
  variance: Scalars['Int']['output'];
  warehouse: Scalars['String']['output'];
};

/** The exception was already accepted or rejected. */
export type StockExceptionClosedError = UserError & {
  __typename?: 'StockExceptionClosedError';
  code: Scalars['String']['output'];
  exception: StockException;
  message: Scalars['String']['output'];
};

/** A page of stock exceptions. */
export type StockExceptionConnection = {
  __typename?: 'StockExceptionConnection';
  edges: Array<StockExceptionEdge>;
  pageInfo: PageInfo;
};

export type StockExceptionEdge = {
  __typename?: 'StockExceptionEdge';
  cursor: Scalars['String']['output'];
  node: StockException;
};

export type StockExceptionKind =
  /** A cycle count further from the records than the variance threshold. */
  | 'COUNT_VARIANCE'
  /** A shipment took more than was on hand; on hand was clamped at zero. */
  | 'SHIPMENT_SHORTFALL';

export type StockExceptionStatus =
  | 'ACCEPTED'
  | 'OPEN'
  | 'REJECTED';

export type StockLevel = {
  __typename?: 'StockLevel';
  available: Scalars['Int']['output'];
  onHand: Scalars['Int']['output'];
  reserved: Scalars['Int']['output'];
  warehouse: Scalars['String']['output'];
};

/** One change of a warehouse's stock or reservations. */
export type StockMovement = {
  __typename?: 'StockMovement';
  id: Scalars['ID']['output'];
  kind: StockMovementKind;
  note?: Maybe<Scalars['String']['output']>;
  occurredAt: Scalars['DateTime']['output'];
  /** The warehouse's on hand after the movement. */
  onHandAfter: Scalars['Int']['output'];
  /** Units moved; for ADJUSTMENT the signed change of on hand. */
  quantity: Scalars['Int']['output'];
  /**
   * What the movement belongs to: the order (reservations, releases), the shipment (shipments, and
   * the adjustment that puts a voided shipment's units back) or the return (RETURN_RESTOCK, SCRAP,
   * VENDOR_RETURN).
   */
  reference?: Maybe<Scalars['String']['output']>;
  /** The warehouse's reserved quantity after the movement. */
  reservedAfter: Scalars['Int']['output'];
  warehouse: Scalars['String']['output'];
};

/** A page of a product's stock movements. */
export type StockMovementConnection = {
  __typename?: 'StockMovementConnection';
  edges: Array<StockMovementEdge>;
  pageInfo: PageInfo;
};

export type StockMovementEdge = {
  __typename?: 'StockMovementEdge';
  cursor: Scalars['String']['output'];
  node: StockMovement;
};

export type StockMovementKind =
  /** A correction of on hand: a cycle count, or a voided shipment's units put back. */
  | 'ADJUSTMENT'
  /** Goods received into the warehouse. */
  | 'RECEIPT'
  /** A reservation given back. */
  | 'RELEASE'
  /** Stock set aside for an order line. */
  | 'RESERVATION'
  /** Returned units back into stock (a received return's RESTOCK lines). */
  | 'RETURN_RESTOCK'
  /** Returned units written off as they arrived; on hand unchanged. */
  | 'SCRAP'
  /** Goods that left with a shipment. */
  | 'SHIPMENT'
  /** Returned units sent on to the supplier as they arrived; on hand unchanged. */
  | 'VENDOR_RETURN';

export type UnknownProductError = UserError & {
  __typename?: 'UnknownProductError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  sku: Scalars['String']['output'];
};

export type UnknownStockExceptionError = UserError & {
  __typename?: 'UnknownStockExceptionError';
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  message: Scalars['String']['output'];
};

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
  Product: Product;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"sku":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  AdjustStockResult:
    | ( InvalidStockInputError & { __typename: 'InvalidStockInputError' } )
    | ( ProductRecord & { __typename: 'Product' } )
    | ( StockExceptionRecord & { __typename: 'StockException' } )
    | ( UnknownProductError & { __typename: 'UnknownProductError' } )
  ;
  CreateProductResult:
    | ( DuplicateProductError & { __typename: 'DuplicateProductError' } )
    | ( InvalidStockInputError & { __typename: 'InvalidStockInputError' } )
    | ( ProductRecord & { __typename: 'Product' } )
  ;
  ReceiveStockResult:
    | ( InvalidStockInputError & { __typename: 'InvalidStockInputError' } )
    | ( ProductRecord & { __typename: 'Product' } )
    | ( UnknownProductError & { __typename: 'UnknownProductError' } )
  ;
  ResolveStockExceptionResult:
    | ( InvalidStockInputError & { __typename: 'InvalidStockInputError' } )
    | ( StockExceptionRecord & { __typename: 'StockException' } )
    | ( Omit<StockExceptionClosedError, 'exception'> & { exception: _RefType['StockException'] } & { __typename: 'StockExceptionClosedError' } )
    | ( UnknownStockExceptionError & { __typename: 'UnknownStockExceptionError' } )
  ;
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  UserError:
    | ( DuplicateProductError )
    | ( InvalidStockInputError )
    | ( Omit<StockExceptionClosedError, 'exception'> & { exception: _RefType['StockException'] } )
    | ( UnknownProductError )
    | ( UnknownStockExceptionError )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AdjustStockInput: AdjustStockInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AdjustStockResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['AdjustStockResult']>;
  CreateProductInput: CreateProductInput;
  CreateProductResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CreateProductResult']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DuplicateProductError: ResolverTypeWrapper<DuplicateProductError>;
  InvalidStockInputError: ResolverTypeWrapper<InvalidStockInputError>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Order: ResolverTypeWrapper<Reference>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Product: ResolverTypeWrapper<ProductRecord>;
  ProductConnection: ResolverTypeWrapper<Omit<ProductConnection, 'edges'> & { edges: Array<ResolversTypes['ProductEdge']> }>;
  ProductEdge: ResolverTypeWrapper<Omit<ProductEdge, 'node'> & { node: ResolversTypes['Product'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReceiveStockInput: ReceiveStockInput;
  ReceiveStockResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ReceiveStockResult']>;
  Reservation: ResolverTypeWrapper<ReservationRecord>;
  ReservationAllocation: ResolverTypeWrapper<ReservationAllocation>;
  ReservationStatus: ReservationStatus;
  ResolveStockExceptionResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ResolveStockExceptionResult']>;
  StockException: ResolverTypeWrapper<StockExceptionRecord>;
  StockExceptionClosedError: ResolverTypeWrapper<Omit<StockExceptionClosedError, 'exception'> & { exception: ResolversTypes['StockException'] }>;
  StockExceptionConnection: ResolverTypeWrapper<Omit<StockExceptionConnection, 'edges'> & { edges: Array<ResolversTypes['StockExceptionEdge']> }>;
  StockExceptionEdge: ResolverTypeWrapper<Omit<StockExceptionEdge, 'node'> & { node: ResolversTypes['StockException'] }>;
  StockExceptionKind: StockExceptionKind;
  StockExceptionStatus: StockExceptionStatus;
  StockLevel: ResolverTypeWrapper<StockLevel>;
  StockMovement: ResolverTypeWrapper<MovementRecord>;
  StockMovementConnection: ResolverTypeWrapper<Omit<StockMovementConnection, 'edges'> & { edges: Array<ResolversTypes['StockMovementEdge']> }>;
  StockMovementEdge: ResolverTypeWrapper<Omit<StockMovementEdge, 'node'> & { node: ResolversTypes['StockMovement'] }>;
  StockMovementKind: StockMovementKind;
  UnknownProductError: ResolverTypeWrapper<UnknownProductError>;
  UnknownStockExceptionError: ResolverTypeWrapper<UnknownStockExceptionError>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AdjustStockInput: AdjustStockInput;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  AdjustStockResult: ResolversUnionTypes<ResolversParentTypes>['AdjustStockResult'];
  CreateProductInput: CreateProductInput;
  CreateProductResult: ResolversUnionTypes<ResolversParentTypes>['CreateProductResult'];
  DateTime: Scalars['DateTime']['output'];
  DuplicateProductError: DuplicateProductError;
  InvalidStockInputError: InvalidStockInputError;
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  Order: Reference;
  PageInfo: PageInfo;
  Product: ProductRecord;
  ProductConnection: Omit<ProductConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProductEdge']> };
  ProductEdge: Omit<ProductEdge, 'node'> & { node: ResolversParentTypes['Product'] };
  Query: Record<PropertyKey, never>;
  ReceiveStockInput: ReceiveStockInput;
  ReceiveStockResult: ResolversUnionTypes<ResolversParentTypes>['ReceiveStockResult'];
  Reservation: ReservationRecord;
  ReservationAllocation: ReservationAllocation;
  ResolveStockExceptionResult: ResolversUnionTypes<ResolversParentTypes>['ResolveStockExceptionResult'];
  StockException: StockExceptionRecord;
  StockExceptionClosedError: Omit<StockExceptionClosedError, 'exception'> & { exception: ResolversParentTypes['StockException'] };
  StockExceptionConnection: Omit<StockExceptionConnection, 'edges'> & { edges: Array<ResolversParentTypes['StockExceptionEdge']> };
  StockExceptionEdge: Omit<StockExceptionEdge, 'node'> & { node: ResolversParentTypes['StockException'] };
  StockLevel: StockLevel;
  StockMovement: MovementRecord;
  StockMovementConnection: Omit<StockMovementConnection, 'edges'> & { edges: Array<ResolversParentTypes['StockMovementEdge']> };
  StockMovementEdge: Omit<StockMovementEdge, 'node'> & { node: ResolversParentTypes['StockMovement'] };
  UnknownProductError: UnknownProductError;
  UnknownStockExceptionError: UnknownStockExceptionError;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
};

export type AdjustStockResultResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['AdjustStockResult'] = ResolversParentTypes['AdjustStockResult']> = {
  __resolveType?: TypeResolveFn<'InvalidStockInputError' | 'Product' | 'StockException' | 'UnknownProductError', ParentType, ContextType>;
};

export type CreateProductResultResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['CreateProductResult'] = ResolversParentTypes['CreateProductResult']> = {
  __resolveType?: TypeResolveFn<'DuplicateProductError' | 'InvalidStockInputError' | 'Product', ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DuplicateProductErrorResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['DuplicateProductError'] = ResolversParentTypes['DuplicateProductError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InvalidStockInputErrorResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['InvalidStockInputError'] = ResolversParentTypes['InvalidStockInputError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MutationResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  adjustStock?: Resolver<ResolversTypes['AdjustStockResult'], ParentType, ContextType, RequireFields<MutationAdjustStockArgs, 'input'>>;
  createProduct?: Resolver<ResolversTypes['CreateProductResult'], ParentType, ContextType, RequireFields<MutationCreateProductArgs, 'input'>>;
  receiveStock?: Resolver<ResolversTypes['ReceiveStockResult'], ParentType, ContextType, RequireFields<MutationReceiveStockArgs, 'input'>>;
  resolveStockException?: Resolver<ResolversTypes['ResolveStockExceptionResult'], ParentType, ContextType, RequireFields<MutationResolveStockExceptionArgs, 'accept' | 'id'>>;
};

export type OrderResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reservations?: Resolver<Array<ResolversTypes['Reservation']>, ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProductResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  backordered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  movements?: Resolver<ResolversTypes['StockMovementConnection'], ParentType, ContextType, Partial<ProductMovementsArgs>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  onHand?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stock?: Resolver<Array<ResolversTypes['StockLevel']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProductConnectionResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProductEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ProductEdgeResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['ProductEdge'] = ResolversParentTypes['ProductEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryProductArgs, 'sku'>>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, Partial<QueryProductsArgs>>;
  reservations?: Resolver<Array<ResolversTypes['Reservation']>, ParentType, ContextType, RequireFields<QueryReservationsArgs, 'orderId'>>;
  stockExceptions?: Resolver<ResolversTypes['StockExceptionConnection'], ParentType, ContextType, Partial<QueryStockExceptionsArgs>>;
};

export type ReceiveStockResultResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['ReceiveStockResult'] = ResolversParentTypes['ReceiveStockResult']> = {
  __resolveType?: TypeResolveFn<'InvalidStockInputError' | 'Product' | 'UnknownProductError', ParentType, ContextType>;
};

export type ReservationResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Reservation'] = ResolversParentTypes['Reservation']> = {
  allocations?: Resolver<Array<ResolversTypes['ReservationAllocation']>, ParentType, ContextType>;
  backordered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shipped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReservationStatus'], ParentType, ContextType>;
};

export type ReservationAllocationResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['ReservationAllocation'] = ResolversParentTypes['ReservationAllocation']> = {
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warehouse?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ResolveStockExceptionResultResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['ResolveStockExceptionResult'] = ResolversParentTypes['ResolveStockExceptionResult']> = {
  __resolveType?: TypeResolveFn<'InvalidStockInputError' | 'StockException' | 'StockExceptionClosedError' | 'UnknownStockExceptionError', ParentType, ContextType>;
};

export type StockExceptionResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockException'] = ResolversParentTypes['StockException']> = {
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  counted?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  expected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StockExceptionKind'], ParentType, ContextType>;
  openedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['StockExceptionStatus'], ParentType, ContextType>;
  variance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warehouse?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StockExceptionClosedErrorResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockExceptionClosedError'] = ResolversParentTypes['StockExceptionClosedError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  exception?: Resolver<ResolversTypes['StockException'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StockExceptionConnectionResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockExceptionConnection'] = ResolversParentTypes['StockExceptionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['StockExceptionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type StockExceptionEdgeResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockExceptionEdge'] = ResolversParentTypes['StockExceptionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['StockException'], ParentType, ContextType>;
};

export type StockLevelResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockLevel'] = ResolversParentTypes['StockLevel']> = {
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onHand?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warehouse?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type StockMovementResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockMovement'] = ResolversParentTypes['StockMovement']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StockMovementKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  onHandAfter?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reservedAfter?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warehouse?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type StockMovementConnectionResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockMovementConnection'] = ResolversParentTypes['StockMovementConnection']> = {
  edges?: Resolver<Array<ResolversTypes['StockMovementEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type StockMovementEdgeResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockMovementEdge'] = ResolversParentTypes['StockMovementEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['StockMovement'], ParentType, ContextType>;
};

export type UnknownProductErrorResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['UnknownProductError'] = ResolversParentTypes['UnknownProductError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UnknownStockExceptionErrorResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['UnknownStockExceptionError'] = ResolversParentTypes['UnknownStockExceptionError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  __resolveType?: TypeResolveFn<'DuplicateProductError' | 'InvalidStockInputError' | 'StockExceptionClosedError' | 'UnknownProductError' | 'UnknownStockExceptionError', ParentType, ContextType>;
};

export type Resolvers<ContextType = InventoryContext> = {
  AdjustStockResult?: AdjustStockResultResolvers<ContextType>;
  CreateProductResult?: CreateProductResultResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DuplicateProductError?: DuplicateProductErrorResolvers<ContextType>;
  InvalidStockInputError?: InvalidStockInputErrorResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReceiveStockResult?: ReceiveStockResultResolvers<ContextType>;
  Reservation?: ReservationResolvers<ContextType>;
  ReservationAllocation?: ReservationAllocationResolvers<ContextType>;
  ResolveStockExceptionResult?: ResolveStockExceptionResultResolvers<ContextType>;
  StockException?: StockExceptionResolvers<ContextType>;
  StockExceptionClosedError?: StockExceptionClosedErrorResolvers<ContextType>;
  StockExceptionConnection?: StockExceptionConnectionResolvers<ContextType>;
  StockExceptionEdge?: StockExceptionEdgeResolvers<ContextType>;
  StockLevel?: StockLevelResolvers<ContextType>;
  StockMovement?: StockMovementResolvers<ContextType>;
  StockMovementConnection?: StockMovementConnectionResolvers<ContextType>;
  StockMovementEdge?: StockMovementEdgeResolvers<ContextType>;
  UnknownProductError?: UnknownProductErrorResolvers<ContextType>;
  UnknownStockExceptionError?: UnknownStockExceptionErrorResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
};

