import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { OrderRecord, CustomerRecord, OrderLineView, TimelineRecord } from '../store/records.ts';
import type { OrdersContext } from '../context.ts';
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

export type BillingPolicy =
  | 'ON_DELIVERY'
  | 'ON_PROOF_OF_DELIVERY'
  | 'ON_SHIPMENT';

export type BillingStatus =
  | 'BILLED'
  | 'NOT_BILLED'
  | 'ON_HOLD'
  | 'PARTIALLY_BILLED';

export type CreateCustomerInput = {
  billingPolicy?: InputMaybe<BillingPolicy>;
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type Customer = {
  __typename?: 'Customer';
  billingPolicy: BillingPolicy;
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  orders: Array<Order>;
};

/** An order with this external reference already exists in the channel. */
export type DuplicateOrderError = UserError & {
  __typename?: 'DuplicateOrderError';
  code: Scalars['String']['output'];
  existingOrder: Order;
  message: Scalars['String']['output'];
};

export type FulfilmentStatus =
  | 'CANCELLED'
  | 'DELIVERED'
  | 'PARTIALLY_DELIVERED'
  | 'PARTIALLY_SHIPPED'
  | 'SHIPPED'
  | 'UNFULFILLED';

export type InvalidOrderError = UserError & {
  __typename?: 'InvalidOrderError';
  code: Scalars['String']['output'];
  /** The input field at fault, as a path ("lines.0.quantity"). */
  field?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
};

/** An amount as a decimal string in the currency's minor-unit precision, with its ISO 4217 currency. */
export type Money = {
  __typename?: 'Money';
  amount: Scalars['String']['output'];
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  createCustomer: Customer;
  placeOrder: PlaceOrderResult;
};


export type MutationCreateCustomerArgs = {
  input: CreateCustomerInput;
};


export type MutationPlaceOrderArgs = {
  input: PlaceOrderInput;
};

export type Order = {
  __typename?: 'Order';
  billingStatus: BillingStatus;
  channel: Scalars['String']['output'];
  currency: Scalars['String']['output'];
  customer: Customer;
  /** The order's id in its sales channel; unique per channel. */
  externalReference?: Maybe<Scalars['String']['output']>;
  fulfilmentStatus: FulfilmentStatus;
  id: Scalars['ID']['output'];
  lines: Array<OrderLine>;
  placedAt: Scalars['DateTime']['output'];
  /** What happened to the order, oldest first. */
  timeline: Array<TimelineEntry>;
  total: Money;
};

export type OrderLine = {
  __typename?: 'OrderLine';
  id: Scalars['ID']['output'];
  invoicedQuantity: Scalars['Int']['output'];
  /** Quantity times unit price, before tax. */
  netAmount: Money;
  product: Product;
  quantity: Scalars['Int']['output'];
  shippedQuantity: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
  /** Tax rate in percent, as a decimal string ("20", "8.875"). */
  taxRate: Scalars['String']['output'];
  unitPrice: Money;
};

export type OrderLineInput = {
  quantity: Scalars['Int']['input'];
  sku: Scalars['String']['input'];
  /** Percent as a decimal string ("20"). */
  taxRate: Scalars['String']['input'];
  /** Decimal string in the order's currency ("19.99"). */
  unitPrice: Scalars['String']['input'];
};

export type PlaceOrderInput = {
  channel: Scalars['String']['input'];
  currency: Scalars['String']['input'];
  customerId: Scalars['ID']['input'];
  externalReference?: InputMaybe<Scalars['String']['input']>;
  lines: Array<OrderLineInput>;
};

export type PlaceOrderResult = DuplicateOrderError | InvalidOrderError | Order | UnknownCustomerError;

export type Product = {
  __typename?: 'Product';
  sku: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  customer?: Maybe<Customer>;
  customers: Array<Customer>;
  order?: Maybe<Order>;
  /** Newest first. */
  orders: Array<Order>;
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrdersArgs = {
  customerId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type TimelineEntry = {
  __typename?: 'TimelineEntry';
  at: Scalars['DateTime']['output'];
  kind: TimelineKind;
  message: Scalars['String']['output'];
  /** The shipment, invoice or return the entry is about. */
  reference?: Maybe<Scalars['ID']['output']>;
};

export type TimelineKind =
  | 'INVOICE_ISSUED'
  | 'MILESTONE'
  | 'ORDER_PLACED'
  | 'SHIPMENT_CONFIRMED';

export type UnknownCustomerError = UserError & {
  __typename?: 'UnknownCustomerError';
  code: Scalars['String']['output'];
  customerId: Scalars['ID']['output'];
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
  Customer: Customer;
  Order: Order;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  PlaceOrderResult:
    | ( Omit<DuplicateOrderError, 'existingOrder'> & { existingOrder: _RefType['Order'] } & { __typename: 'DuplicateOrderError' } )
    | ( InvalidOrderError & { __typename: 'InvalidOrderError' } )
    | ( OrderRecord & { __typename: 'Order' } )
    | ( UnknownCustomerError & { __typename: 'UnknownCustomerError' } )
  ;
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  UserError:
    | ( Omit<DuplicateOrderError, 'existingOrder'> & { existingOrder: _RefType['Order'] } )
    | ( InvalidOrderError )
    | ( UnknownCustomerError )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  BillingPolicy: BillingPolicy;
  BillingStatus: BillingStatus;
  CreateCustomerInput: CreateCustomerInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Customer: ResolverTypeWrapper<CustomerRecord>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DuplicateOrderError: ResolverTypeWrapper<Omit<DuplicateOrderError, 'existingOrder'> & { existingOrder: ResolversTypes['Order'] }>;
  FulfilmentStatus: FulfilmentStatus;
  InvalidOrderError: ResolverTypeWrapper<InvalidOrderError>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderRecord>;
  OrderLine: ResolverTypeWrapper<OrderLineView>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  OrderLineInput: OrderLineInput;
  PlaceOrderInput: PlaceOrderInput;
  PlaceOrderResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['PlaceOrderResult']>;
  Product: ResolverTypeWrapper<Product>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TimelineEntry: ResolverTypeWrapper<TimelineRecord>;
  TimelineKind: TimelineKind;
  UnknownCustomerError: ResolverTypeWrapper<UnknownCustomerError>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CreateCustomerInput: CreateCustomerInput;
  String: Scalars['String']['output'];
  Customer: CustomerRecord;
  ID: Scalars['ID']['output'];
  DateTime: Scalars['DateTime']['output'];
  DuplicateOrderError: Omit<DuplicateOrderError, 'existingOrder'> & { existingOrder: ResolversParentTypes['Order'] };
  InvalidOrderError: InvalidOrderError;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Order: OrderRecord;
  OrderLine: OrderLineView;
  Int: Scalars['Int']['output'];
  OrderLineInput: OrderLineInput;
  PlaceOrderInput: PlaceOrderInput;
  PlaceOrderResult: ResolversUnionTypes<ResolversParentTypes>['PlaceOrderResult'];
  Product: Product;
  Query: Record<PropertyKey, never>;
  TimelineEntry: TimelineRecord;
  UnknownCustomerError: UnknownCustomerError;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  Boolean: Scalars['Boolean']['output'];
};

export type CustomerResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  billingPolicy?: Resolver<ResolversTypes['BillingPolicy'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orders?: Resolver<Array<ResolversTypes['Order']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DuplicateOrderErrorResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['DuplicateOrderError'] = ResolversParentTypes['DuplicateOrderError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  existingOrder?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InvalidOrderErrorResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['InvalidOrderError'] = ResolversParentTypes['InvalidOrderError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createCustomer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<MutationCreateCustomerArgs, 'input'>>;
  placeOrder?: Resolver<ResolversTypes['PlaceOrderResult'], ParentType, ContextType, RequireFields<MutationPlaceOrderArgs, 'input'>>;
};

export type OrderResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  billingStatus?: Resolver<ResolversTypes['BillingStatus'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  externalReference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fulfilmentStatus?: Resolver<ResolversTypes['FulfilmentStatus'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderLine']>, ParentType, ContextType>;
  placedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  timeline?: Resolver<Array<ResolversTypes['TimelineEntry']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OrderLineResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoicedQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  netAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shippedQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type PlaceOrderResultResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['PlaceOrderResult'] = ResolversParentTypes['PlaceOrderResult']> = {
  __resolveType?: TypeResolveFn<'DuplicateOrderError' | 'InvalidOrderError' | 'Order' | 'UnknownCustomerError', ParentType, ContextType>;
};

export type ProductResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = {
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerArgs, 'id'>>;
  customers?: Resolver<Array<ResolversTypes['Customer']>, ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
  orders?: Resolver<Array<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrdersArgs, 'first'>>;
};

export type TimelineEntryResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['TimelineEntry'] = ResolversParentTypes['TimelineEntry']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['TimelineKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type UnknownCustomerErrorResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['UnknownCustomerError'] = ResolversParentTypes['UnknownCustomerError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  __resolveType?: TypeResolveFn<'DuplicateOrderError' | 'InvalidOrderError' | 'UnknownCustomerError', ParentType, ContextType>;
};

export type Resolvers<ContextType = OrdersContext> = {
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DuplicateOrderError?: DuplicateOrderErrorResolvers<ContextType>;
  InvalidOrderError?: InvalidOrderErrorResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  PlaceOrderResult?: PlaceOrderResultResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  TimelineEntry?: TimelineEntryResolvers<ContextType>;
  UnknownCustomerError?: UnknownCustomerErrorResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
};

