import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { OrderRecord, CustomerRecord, OrderLineView } from '../lifecycle/store/records.ts';
import type { TimelineRecord, ServiceCaseRecord, NoteRecord } from '../customer-service/store/records.ts';
import type { Reference } from '@waybill/graphql';
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

export type AlreadyCancelledError = UserError & {
  __typename?: 'AlreadyCancelledError';
  code: Scalars['String']['output'];
  lineId?: Maybe<Scalars['ID']['output']>;
  message: Scalars['String']['output'];
  orderId: Scalars['ID']['output'];
};

export type BillingPolicy =
  | 'ON_DELIVERY'
  | 'ON_PROOF_OF_DELIVERY'
  | 'ON_SHIPMENT';

export type BillingStatus =
  | 'BILLED'
  /** Credit notes credited every invoiced unit. */
  | 'CREDITED'
  | 'NOT_BILLED'
  | 'ON_HOLD'
  | 'PARTIALLY_BILLED'
  /** Credit notes credited some invoiced units. */
  | 'PARTIALLY_CREDITED';

export type CancelOrderInput = {
  orderId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type CancelOrderLineInput = {
  lineId: Scalars['ID']['input'];
  orderId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type CancelOrderLineResult = AlreadyCancelledError | CannotCancelShippedError | InvalidOrderError | Order | OrderLineNotFoundError | OrderNotFoundError;

export type CancelOrderResult = AlreadyCancelledError | CannotCancelShippedError | InvalidOrderError | Order | OrderNotFoundError;

/** Something has shipped: shipped goods cannot be cancelled (return them instead). */
export type CannotCancelShippedError = UserError & {
  __typename?: 'CannotCancelShippedError';
  code: Scalars['String']['output'];
  /** The shipped line, when one line was to be cancelled. */
  lineId?: Maybe<Scalars['ID']['output']>;
  message: Scalars['String']['output'];
  orderId: Scalars['ID']['output'];
  shippedQuantity: Scalars['Int']['output'];
};

/** The channel's customer, matched by email. */
export type ChannelCustomerInput = {
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type CreateCustomerInput = {
  billingPolicy?: InputMaybe<BillingPolicy>;
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
  shippingRefund?: InputMaybe<ShippingRefundRule>;
};

export type Customer = {
  __typename?: 'Customer';
  billingPolicy: BillingPolicy;
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** The customer's orders, oldest first. */
  orders: OrderConnection;
  /** Whether credit notes refund the shipping charge of the invoice they credit. */
  shippingRefund: ShippingRefundRule;
};


export type CustomerOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of customers. */
export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  edges: Array<CustomerEdge>;
  pageInfo: PageInfo;
};

export type CustomerEdge = {
  __typename?: 'CustomerEdge';
  cursor: Scalars['String']['output'];
  node: Customer;
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
  /** Some shipped units came back (received by the warehouse). */
  | 'PARTIALLY_RETURNED'
  | 'PARTIALLY_SHIPPED'
  /** Every shipped unit came back. */
  | 'RETURNED'
  | 'SHIPPED'
  | 'UNFULFILLED';

export type InvalidOrderError = UserError & {
  __typename?: 'InvalidOrderError';
  code: Scalars['String']['output'];
  /** The input field at fault, as a path ("lines.0.quantity"). */
  field?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
};

export type InvalidServiceCaseError = UserError & {
  __typename?: 'InvalidServiceCaseError';
  code: Scalars['String']['output'];
  field: Scalars['String']['output'];
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
  assignServiceCase: ServiceCaseResult;
  /** Cancels the whole order; refused once anything has shipped. */
  cancelOrder: CancelOrderResult;
  /** Cancels one line; refused once any of it has shipped. */
  cancelOrderLine: CancelOrderLineResult;
  commentOnServiceCase: ServiceCaseResult;
  createCustomer: Customer;
  /**
   * Places an order from a sales channel (a storefront) for the customer with the given email: found,
   * or created with the order (ON_SHIPMENT). The channel's reference makes it idempotent: the same
   * reference again answers DuplicateOrderError with the order placed before. Staff only.
   */
  placeChannelOrder: PlaceOrderResult;
  placeOrder: PlaceOrderResult;
  resolveServiceCase: ServiceCaseResult;
};


export type MutationAssignServiceCaseArgs = {
  assignee: Scalars['String']['input'];
  caseId: Scalars['ID']['input'];
};


export type MutationCancelOrderArgs = {
  input: CancelOrderInput;
};


export type MutationCancelOrderLineArgs = {
  input: CancelOrderLineInput;
};


export type MutationCommentOnServiceCaseArgs = {
  author: Scalars['String']['input'];
  body: Scalars['String']['input'];
  caseId: Scalars['ID']['input'];
};


export type MutationCreateCustomerArgs = {
  input: CreateCustomerInput;
};


export type MutationPlaceChannelOrderArgs = {
  input: PlaceChannelOrderInput;
};


export type MutationPlaceOrderArgs = {
  input: PlaceOrderInput;
};


export type MutationResolveServiceCaseArgs = {
  caseId: Scalars['ID']['input'];
  resolution: Scalars['String']['input'];
};

export type Order = {
  __typename?: 'Order';
  billingStatus: BillingStatus;
  cancellationReason?: Maybe<Scalars['String']['output']>;
  /** Set when the whole order was cancelled. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  channel: Scalars['String']['output'];
  currency: Scalars['String']['output'];
  customer: Customer;
  /** The order's id in its sales channel; unique per channel. */
  externalReference?: Maybe<Scalars['String']['output']>;
  fulfilmentStatus: FulfilmentStatus;
  id: Scalars['ID']['output'];
  lines: Array<OrderLine>;
  placedAt: Scalars['DateTime']['output'];
  /**
   * The order's told changes so far: the revision of the last orderUpdated event about it, so a
   * subscriber can tell the state it read from the changes that follow.
   */
  revision: Scalars['Int']['output'];
  /** Service cases about the order, oldest first. */
  serviceCases: ServiceCaseConnection;
  /** What happened to the order, oldest first. */
  timeline: TimelineEntryConnection;
  total: Money;
};


export type OrderServiceCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type OrderTimelineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of orders. */
export type OrderConnection = {
  __typename?: 'OrderConnection';
  edges: Array<OrderEdge>;
  pageInfo: PageInfo;
};

export type OrderEdge = {
  __typename?: 'OrderEdge';
  cursor: Scalars['String']['output'];
  node: Order;
};

export type OrderLine = {
  __typename?: 'OrderLine';
  /** Units inventory could not set aside; null until inventory has answered. */
  backorderedQuantity?: Maybe<Scalars['Int']['output']>;
  cancellationReason?: Maybe<Scalars['String']['output']>;
  /** Units cancelled; the line is due quantity minus cancelled quantity. */
  cancelledQuantity: Scalars['Int']['output'];
  /** Units credited by credit notes (returns and voided shipments). */
  creditedQuantity: Scalars['Int']['output'];
  /** Units in shipments the carrier reported delivered (DELIVERED or PROOF_OF_DELIVERY). */
  deliveredQuantity: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  invoicedQuantity: Scalars['Int']['output'];
  /** Quantity times unit price, before tax. */
  netAmount: Money;
  product: Product;
  quantity: Scalars['Int']['output'];
  /** Units inventory set aside for the line; null until inventory has answered. */
  reservedQuantity?: Maybe<Scalars['Int']['output']>;
  /** Units the warehouse received back in returns. */
  returnedQuantity: Scalars['Int']['output'];
  /** Units in shipments confirmed and not voided. */
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

export type OrderLineNotFoundError = UserError & {
  __typename?: 'OrderLineNotFoundError';
  code: Scalars['String']['output'];
  lineId: Scalars['ID']['output'];
  message: Scalars['String']['output'];
  orderId: Scalars['ID']['output'];
};

export type OrderNotFoundError = UserError & {
  __typename?: 'OrderNotFoundError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  orderId: Scalars['ID']['output'];
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

export type PlaceChannelOrderInput = {
  channel: Scalars['String']['input'];
  currency: Scalars['String']['input'];
  customer: ChannelCustomerInput;
  /** The order's id in the channel; required, as it is what makes a re-sent order a duplicate. */
  externalReference: Scalars['String']['input'];
  lines: Array<OrderLineInput>;
};

export type PlaceOrderInput = {
  channel: Scalars['String']['input'];
  currency: Scalars['String']['input'];
  customerId: Scalars['ID']['input'];
  externalReference?: InputMaybe<Scalars['String']['input']>;
  lines: Array<OrderLineInput>;
};

export type PlaceOrderResult = DuplicateOrderError | InvalidOrderError | Order | UnknownCustomerError | UnknownSkuError;

export type Product = {
  __typename?: 'Product';
  sku: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  customer?: Maybe<Customer>;
  /** By name. */
  customers: CustomerConnection;
  order?: Maybe<Order>;
  /** Newest first; of one customer when given. */
  orders: OrderConnection;
  serviceCase?: Maybe<ServiceCase>;
  /** Newest first; all statuses when none is given. */
  serviceCases: ServiceCaseConnection;
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryServiceCaseArgs = {
  id: Scalars['ID']['input'];
};


export type QueryServiceCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ServiceCaseStatus>;
};

/**
 * Something about a shipment or a return that needs a person: opened by carrier exceptions, failed
 * delivery attempts, held invoices, shipments of cancelled lines and returns received in other
 * quantities than requested; one open case per shipment (or return) and kind.
 */
export type ServiceCase = {
  __typename?: 'ServiceCase';
  assignee?: Maybe<Scalars['String']['output']>;
  carrier?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: ServiceCaseKind;
  /** System notes and agents' comments, oldest first. */
  notes: ServiceCaseNoteConnection;
  openedAt: Scalars['DateTime']['output'];
  order: Order;
  resolution?: Maybe<Scalars['String']['output']>;
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** True when it resolved itself: the shipment was delivered and its invoice issued, not held. */
  resolvedAutomatically: Scalars['Boolean']['output'];
  /** The return the case is about; null for a case about a shipment. */
  returnId?: Maybe<Scalars['ID']['output']>;
  /** The shipment, from the shipments subgraph: its status, milestones and invoice. */
  shipment?: Maybe<Shipment>;
  /** The shipment the case is about; null for a case about a return. */
  shipmentId?: Maybe<Scalars['ID']['output']>;
  status: ServiceCaseStatus;
  subject: Scalars['String']['output'];
  trackingNumber?: Maybe<Scalars['String']['output']>;
};


/**
 * Something about a shipment or a return that needs a person: opened by carrier exceptions, failed
 * delivery attempts, held invoices, shipments of cancelled lines and returns received in other
 * quantities than requested; one open case per shipment (or return) and kind.
 */
export type ServiceCaseNotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of service cases. */
export type ServiceCaseConnection = {
  __typename?: 'ServiceCaseConnection';
  edges: Array<ServiceCaseEdge>;
  pageInfo: PageInfo;
};

export type ServiceCaseEdge = {
  __typename?: 'ServiceCaseEdge';
  cursor: Scalars['String']['output'];
  node: ServiceCase;
};

export type ServiceCaseKind =
  | 'CARRIER_EXCEPTION'
  | 'DELIVERY_ATTEMPTED'
  | 'INVOICE_HELD'
  /** A return received in other quantities than requested, on at least one line. */
  | 'RETURN_QUANTITY_MISMATCH'
  | 'SHIPPED_AFTER_CANCELLATION';

export type ServiceCaseNotFoundError = UserError & {
  __typename?: 'ServiceCaseNotFoundError';
  caseId: Scalars['ID']['output'];
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type ServiceCaseNote = {
  __typename?: 'ServiceCaseNote';
  at: Scalars['DateTime']['output'];
  author: Scalars['String']['output'];
  body: Scalars['String']['output'];
};

/** A page of a case's notes; the case holds them all, so their number is free. */
export type ServiceCaseNoteConnection = {
  __typename?: 'ServiceCaseNoteConnection';
  edges: Array<ServiceCaseNoteEdge>;
  pageInfo: PageInfo;
  /** Notes on the whole case. */
  totalCount: Scalars['Int']['output'];
};

export type ServiceCaseNoteEdge = {
  __typename?: 'ServiceCaseNoteEdge';
  cursor: Scalars['String']['output'];
  node: ServiceCaseNote;
};

export type ServiceCaseResolvedError = UserError & {
  __typename?: 'ServiceCaseResolvedError';
  caseId: Scalars['ID']['output'];
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type ServiceCaseResult = InvalidServiceCaseError | ServiceCase | ServiceCaseNotFoundError | ServiceCaseResolvedError;

export type ServiceCaseStatus =
  | 'OPEN'
  | 'RESOLVED';

export type Shipment = {
  __typename?: 'Shipment';
  id: Scalars['ID']['output'];
};

export type ShippingRefundRule =
  /** Refunded with the first credit note against the invoice. */
  | 'ALWAYS'
  /** Shipping is never refunded. */
  | 'NEVER'
  /** Refunded once every unit of the invoice has been credited. */
  | 'ON_FULL_RETURN';

export type TimelineEntry = {
  __typename?: 'TimelineEntry';
  at: Scalars['DateTime']['output'];
  kind: TimelineKind;
  message: Scalars['String']['output'];
  /** The shipment, invoice or return the entry is about. */
  reference?: Maybe<Scalars['ID']['output']>;
};

/** A page of an order's timeline; the order's document holds it whole, so its length is free. */
export type TimelineEntryConnection = {
  __typename?: 'TimelineEntryConnection';
  edges: Array<TimelineEntryEdge>;
  pageInfo: PageInfo;
  /** Entries on the whole timeline. */
  totalCount: Scalars['Int']['output'];
};

export type TimelineEntryEdge = {
  __typename?: 'TimelineEntryEdge';
  cursor: Scalars['String']['output'];
  node: TimelineEntry;
};

export type TimelineKind =
  | 'ADJUSTMENT_NOTE_ISSUED'
  | 'CREDIT_NOTE_ISSUED'
  | 'INVOICE_HELD'
  | 'INVOICE_ISSUED'
  | 'INVOICE_RELEASED'
  | 'INVOICE_VOIDED'
  | 'LINE_CANCELLED'
  | 'MILESTONE'
  | 'ORDER_CANCELLED'
  | 'ORDER_PLACED'
  | 'RETURN_CANCELLED'
  | 'RETURN_CLOSED'
  | 'RETURN_RECEIVED'
  | 'RETURN_REQUESTED'
  | 'SERVICE_CASE_OPENED'
  | 'SERVICE_CASE_RESOLVED'
  | 'SHIPMENT_CONFIRMED'
  | 'SHIPMENT_VOIDED';

export type UnknownCustomerError = UserError & {
  __typename?: 'UnknownCustomerError';
  code: Scalars['String']['output'];
  customerId: Scalars['ID']['output'];
  message: Scalars['String']['output'];
};

/** A SKU inventory has not announced (orders learn products from inventory's events). */
export type UnknownSkuError = UserError & {
  __typename?: 'UnknownSkuError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  sku: Scalars['String']['output'];
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
  CancelOrderLineResult:
    | ( AlreadyCancelledError & { __typename: 'AlreadyCancelledError' } )
    | ( CannotCancelShippedError & { __typename: 'CannotCancelShippedError' } )
    | ( InvalidOrderError & { __typename: 'InvalidOrderError' } )
    | ( OrderRecord & { __typename: 'Order' } )
    | ( OrderLineNotFoundError & { __typename: 'OrderLineNotFoundError' } )
    | ( OrderNotFoundError & { __typename: 'OrderNotFoundError' } )
  ;
  CancelOrderResult:
    | ( AlreadyCancelledError & { __typename: 'AlreadyCancelledError' } )
    | ( CannotCancelShippedError & { __typename: 'CannotCancelShippedError' } )
    | ( InvalidOrderError & { __typename: 'InvalidOrderError' } )
    | ( OrderRecord & { __typename: 'Order' } )
    | ( OrderNotFoundError & { __typename: 'OrderNotFoundError' } )
  ;
  PlaceOrderResult:
    | ( Omit<DuplicateOrderError, 'existingOrder'> & { existingOrder: _RefType['Order'] } & { __typename: 'DuplicateOrderError' } )
    | ( InvalidOrderError & { __typename: 'InvalidOrderError' } )
    | ( OrderRecord & { __typename: 'Order' } )
    | ( UnknownCustomerError & { __typename: 'UnknownCustomerError' } )
    | ( UnknownSkuError & { __typename: 'UnknownSkuError' } )
  ;
  ServiceCaseResult:
    | ( InvalidServiceCaseError & { __typename: 'InvalidServiceCaseError' } )
    | ( ServiceCaseRecord & { __typename: 'ServiceCase' } )
    | ( ServiceCaseNotFoundError & { __typename: 'ServiceCaseNotFoundError' } )
    | ( ServiceCaseResolvedError & { __typename: 'ServiceCaseResolvedError' } )
  ;
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  UserError:
    | ( AlreadyCancelledError )
    | ( CannotCancelShippedError )
    | ( Omit<DuplicateOrderError, 'existingOrder'> & { existingOrder: _RefType['Order'] } )
    | ( InvalidOrderError )
    | ( InvalidServiceCaseError )
    | ( OrderLineNotFoundError )
    | ( OrderNotFoundError )
    | ( ServiceCaseNotFoundError )
    | ( ServiceCaseResolvedError )
    | ( UnknownCustomerError )
    | ( UnknownSkuError )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AlreadyCancelledError: ResolverTypeWrapper<AlreadyCancelledError>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  BillingPolicy: BillingPolicy;
  BillingStatus: BillingStatus;
  CancelOrderInput: CancelOrderInput;
  CancelOrderLineInput: CancelOrderLineInput;
  CancelOrderLineResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CancelOrderLineResult']>;
  CancelOrderResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CancelOrderResult']>;
  CannotCancelShippedError: ResolverTypeWrapper<CannotCancelShippedError>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ChannelCustomerInput: ChannelCustomerInput;
  CreateCustomerInput: CreateCustomerInput;
  Customer: ResolverTypeWrapper<CustomerRecord>;
  CustomerConnection: ResolverTypeWrapper<Omit<CustomerConnection, 'edges'> & { edges: Array<ResolversTypes['CustomerEdge']> }>;
  CustomerEdge: ResolverTypeWrapper<Omit<CustomerEdge, 'node'> & { node: ResolversTypes['Customer'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DuplicateOrderError: ResolverTypeWrapper<Omit<DuplicateOrderError, 'existingOrder'> & { existingOrder: ResolversTypes['Order'] }>;
  FulfilmentStatus: FulfilmentStatus;
  InvalidOrderError: ResolverTypeWrapper<InvalidOrderError>;
  InvalidServiceCaseError: ResolverTypeWrapper<InvalidServiceCaseError>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderRecord>;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'edges'> & { edges: Array<ResolversTypes['OrderEdge']> }>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderLine: ResolverTypeWrapper<OrderLineView>;
  OrderLineInput: OrderLineInput;
  OrderLineNotFoundError: ResolverTypeWrapper<OrderLineNotFoundError>;
  OrderNotFoundError: ResolverTypeWrapper<OrderNotFoundError>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PlaceChannelOrderInput: PlaceChannelOrderInput;
  PlaceOrderInput: PlaceOrderInput;
  PlaceOrderResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['PlaceOrderResult']>;
  Product: ResolverTypeWrapper<Product>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ServiceCase: ResolverTypeWrapper<ServiceCaseRecord>;
  ServiceCaseConnection: ResolverTypeWrapper<Omit<ServiceCaseConnection, 'edges'> & { edges: Array<ResolversTypes['ServiceCaseEdge']> }>;
  ServiceCaseEdge: ResolverTypeWrapper<Omit<ServiceCaseEdge, 'node'> & { node: ResolversTypes['ServiceCase'] }>;
  ServiceCaseKind: ServiceCaseKind;
  ServiceCaseNotFoundError: ResolverTypeWrapper<ServiceCaseNotFoundError>;
  ServiceCaseNote: ResolverTypeWrapper<NoteRecord>;
  ServiceCaseNoteConnection: ResolverTypeWrapper<Omit<ServiceCaseNoteConnection, 'edges'> & { edges: Array<ResolversTypes['ServiceCaseNoteEdge']> }>;
  ServiceCaseNoteEdge: ResolverTypeWrapper<Omit<ServiceCaseNoteEdge, 'node'> & { node: ResolversTypes['ServiceCaseNote'] }>;
  ServiceCaseResolvedError: ResolverTypeWrapper<ServiceCaseResolvedError>;
  ServiceCaseResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ServiceCaseResult']>;
  ServiceCaseStatus: ServiceCaseStatus;
  Shipment: ResolverTypeWrapper<Reference>;
  ShippingRefundRule: ShippingRefundRule;
  TimelineEntry: ResolverTypeWrapper<TimelineRecord>;
  TimelineEntryConnection: ResolverTypeWrapper<Omit<TimelineEntryConnection, 'edges'> & { edges: Array<ResolversTypes['TimelineEntryEdge']> }>;
  TimelineEntryEdge: ResolverTypeWrapper<Omit<TimelineEntryEdge, 'node'> & { node: ResolversTypes['TimelineEntry'] }>;
  TimelineKind: TimelineKind;
  UnknownCustomerError: ResolverTypeWrapper<UnknownCustomerError>;
  UnknownSkuError: ResolverTypeWrapper<UnknownSkuError>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AlreadyCancelledError: AlreadyCancelledError;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  CancelOrderInput: CancelOrderInput;
  CancelOrderLineInput: CancelOrderLineInput;
  CancelOrderLineResult: ResolversUnionTypes<ResolversParentTypes>['CancelOrderLineResult'];
  CancelOrderResult: ResolversUnionTypes<ResolversParentTypes>['CancelOrderResult'];
  CannotCancelShippedError: CannotCancelShippedError;
  Int: Scalars['Int']['output'];
  ChannelCustomerInput: ChannelCustomerInput;
  CreateCustomerInput: CreateCustomerInput;
  Customer: CustomerRecord;
  CustomerConnection: Omit<CustomerConnection, 'edges'> & { edges: Array<ResolversParentTypes['CustomerEdge']> };
  CustomerEdge: Omit<CustomerEdge, 'node'> & { node: ResolversParentTypes['Customer'] };
  DateTime: Scalars['DateTime']['output'];
  DuplicateOrderError: Omit<DuplicateOrderError, 'existingOrder'> & { existingOrder: ResolversParentTypes['Order'] };
  InvalidOrderError: InvalidOrderError;
  InvalidServiceCaseError: InvalidServiceCaseError;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Order: OrderRecord;
  OrderConnection: Omit<OrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['OrderEdge']> };
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderLine: OrderLineView;
  OrderLineInput: OrderLineInput;
  OrderLineNotFoundError: OrderLineNotFoundError;
  OrderNotFoundError: OrderNotFoundError;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  PlaceChannelOrderInput: PlaceChannelOrderInput;
  PlaceOrderInput: PlaceOrderInput;
  PlaceOrderResult: ResolversUnionTypes<ResolversParentTypes>['PlaceOrderResult'];
  Product: Product;
  Query: Record<PropertyKey, never>;
  ServiceCase: ServiceCaseRecord;
  ServiceCaseConnection: Omit<ServiceCaseConnection, 'edges'> & { edges: Array<ResolversParentTypes['ServiceCaseEdge']> };
  ServiceCaseEdge: Omit<ServiceCaseEdge, 'node'> & { node: ResolversParentTypes['ServiceCase'] };
  ServiceCaseNotFoundError: ServiceCaseNotFoundError;
  ServiceCaseNote: NoteRecord;
  ServiceCaseNoteConnection: Omit<ServiceCaseNoteConnection, 'edges'> & { edges: Array<ResolversParentTypes['ServiceCaseNoteEdge']> };
  ServiceCaseNoteEdge: Omit<ServiceCaseNoteEdge, 'node'> & { node: ResolversParentTypes['ServiceCaseNote'] };
  ServiceCaseResolvedError: ServiceCaseResolvedError;
  ServiceCaseResult: ResolversUnionTypes<ResolversParentTypes>['ServiceCaseResult'];
  Shipment: Reference;
  TimelineEntry: TimelineRecord;
  TimelineEntryConnection: Omit<TimelineEntryConnection, 'edges'> & { edges: Array<ResolversParentTypes['TimelineEntryEdge']> };
  TimelineEntryEdge: Omit<TimelineEntryEdge, 'node'> & { node: ResolversParentTypes['TimelineEntry'] };
  UnknownCustomerError: UnknownCustomerError;
  UnknownSkuError: UnknownSkuError;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
};

export type AlreadyCancelledErrorResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['AlreadyCancelledError'] = ResolversParentTypes['AlreadyCancelledError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lineId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CancelOrderLineResultResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['CancelOrderLineResult'] = ResolversParentTypes['CancelOrderLineResult']> = {
  __resolveType?: TypeResolveFn<'AlreadyCancelledError' | 'CannotCancelShippedError' | 'InvalidOrderError' | 'Order' | 'OrderLineNotFoundError' | 'OrderNotFoundError', ParentType, ContextType>;
};

export type CancelOrderResultResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['CancelOrderResult'] = ResolversParentTypes['CancelOrderResult']> = {
  __resolveType?: TypeResolveFn<'AlreadyCancelledError' | 'CannotCancelShippedError' | 'InvalidOrderError' | 'Order' | 'OrderNotFoundError', ParentType, ContextType>;
};

export type CannotCancelShippedErrorResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['CannotCancelShippedError'] = ResolversParentTypes['CannotCancelShippedError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lineId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  shippedQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  billingPolicy?: Resolver<ResolversTypes['BillingPolicy'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, Partial<CustomerOrdersArgs>>;
  shippingRefund?: Resolver<ResolversTypes['ShippingRefundRule'], ParentType, ContextType>;
};

export type CustomerConnectionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['CustomerConnection'] = ResolversParentTypes['CustomerConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CustomerEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type CustomerEdgeResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['CustomerEdge'] = ResolversParentTypes['CustomerEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
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

export type InvalidServiceCaseErrorResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['InvalidServiceCaseError'] = ResolversParentTypes['InvalidServiceCaseError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  assignServiceCase?: Resolver<ResolversTypes['ServiceCaseResult'], ParentType, ContextType, RequireFields<MutationAssignServiceCaseArgs, 'assignee' | 'caseId'>>;
  cancelOrder?: Resolver<ResolversTypes['CancelOrderResult'], ParentType, ContextType, RequireFields<MutationCancelOrderArgs, 'input'>>;
  cancelOrderLine?: Resolver<ResolversTypes['CancelOrderLineResult'], ParentType, ContextType, RequireFields<MutationCancelOrderLineArgs, 'input'>>;
  commentOnServiceCase?: Resolver<ResolversTypes['ServiceCaseResult'], ParentType, ContextType, RequireFields<MutationCommentOnServiceCaseArgs, 'author' | 'body' | 'caseId'>>;
  createCustomer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<MutationCreateCustomerArgs, 'input'>>;
  placeChannelOrder?: Resolver<ResolversTypes['PlaceOrderResult'], ParentType, ContextType, RequireFields<MutationPlaceChannelOrderArgs, 'input'>>;
  placeOrder?: Resolver<ResolversTypes['PlaceOrderResult'], ParentType, ContextType, RequireFields<MutationPlaceOrderArgs, 'input'>>;
  resolveServiceCase?: Resolver<ResolversTypes['ServiceCaseResult'], ParentType, ContextType, RequireFields<MutationResolveServiceCaseArgs, 'caseId' | 'resolution'>>;
};

export type OrderResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  billingStatus?: Resolver<ResolversTypes['BillingStatus'], ParentType, ContextType>;
  cancellationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  externalReference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fulfilmentStatus?: Resolver<ResolversTypes['FulfilmentStatus'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderLine']>, ParentType, ContextType>;
  placedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  serviceCases?: Resolver<ResolversTypes['ServiceCaseConnection'], ParentType, ContextType, Partial<OrderServiceCasesArgs>>;
  timeline?: Resolver<ResolversTypes['TimelineEntryConnection'], ParentType, ContextType, Partial<OrderTimelineArgs>>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OrderConnectionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type OrderEdgeResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
};

export type OrderLineResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = {
  backorderedQuantity?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  cancellationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cancelledQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  creditedQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deliveredQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoicedQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  netAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reservedQuantity?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  returnedQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shippedQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type OrderLineNotFoundErrorResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderLineNotFoundError'] = ResolversParentTypes['OrderLineNotFoundError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OrderNotFoundErrorResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderNotFoundError'] = ResolversParentTypes['OrderNotFoundError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PlaceOrderResultResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['PlaceOrderResult'] = ResolversParentTypes['PlaceOrderResult']> = {
  __resolveType?: TypeResolveFn<'DuplicateOrderError' | 'InvalidOrderError' | 'Order' | 'UnknownCustomerError' | 'UnknownSkuError', ParentType, ContextType>;
};

export type ProductResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = {
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerArgs, 'id'>>;
  customers?: Resolver<ResolversTypes['CustomerConnection'], ParentType, ContextType, Partial<QueryCustomersArgs>>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, Partial<QueryOrdersArgs>>;
  serviceCase?: Resolver<Maybe<ResolversTypes['ServiceCase']>, ParentType, ContextType, RequireFields<QueryServiceCaseArgs, 'id'>>;
  serviceCases?: Resolver<ResolversTypes['ServiceCaseConnection'], ParentType, ContextType, Partial<QueryServiceCasesArgs>>;
};

export type ServiceCaseResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ServiceCase'] = ResolversParentTypes['ServiceCase']> = {
  assignee?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  carrier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ServiceCaseKind'], ParentType, ContextType>;
  notes?: Resolver<ResolversTypes['ServiceCaseNoteConnection'], ParentType, ContextType, Partial<ServiceCaseNotesArgs>>;
  openedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  resolution?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  resolvedAutomatically?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  returnId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  shipment?: Resolver<Maybe<ResolversTypes['Shipment']>, ParentType, ContextType>;
  shipmentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ServiceCaseStatus'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  trackingNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ServiceCaseConnectionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ServiceCaseConnection'] = ResolversParentTypes['ServiceCaseConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ServiceCaseEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ServiceCaseEdgeResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ServiceCaseEdge'] = ResolversParentTypes['ServiceCaseEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ServiceCase'], ParentType, ContextType>;
};

export type ServiceCaseNotFoundErrorResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ServiceCaseNotFoundError'] = ResolversParentTypes['ServiceCaseNotFoundError']> = {
  caseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ServiceCaseNoteResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ServiceCaseNote'] = ResolversParentTypes['ServiceCaseNote']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ServiceCaseNoteConnectionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ServiceCaseNoteConnection'] = ResolversParentTypes['ServiceCaseNoteConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ServiceCaseNoteEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ServiceCaseNoteEdgeResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ServiceCaseNoteEdge'] = ResolversParentTypes['ServiceCaseNoteEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ServiceCaseNote'], ParentType, ContextType>;
};

export type ServiceCaseResolvedErrorResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ServiceCaseResolvedError'] = ResolversParentTypes['ServiceCaseResolvedError']> = {
  caseId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ServiceCaseResultResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ServiceCaseResult'] = ResolversParentTypes['ServiceCaseResult']> = {
  __resolveType?: TypeResolveFn<'InvalidServiceCaseError' | 'ServiceCase' | 'ServiceCaseNotFoundError' | 'ServiceCaseResolvedError', ParentType, ContextType>;
};

export type ShipmentResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Shipment'] = ResolversParentTypes['Shipment']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type TimelineEntryResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['TimelineEntry'] = ResolversParentTypes['TimelineEntry']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['TimelineKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type TimelineEntryConnectionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['TimelineEntryConnection'] = ResolversParentTypes['TimelineEntryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TimelineEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TimelineEntryEdgeResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['TimelineEntryEdge'] = ResolversParentTypes['TimelineEntryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['TimelineEntry'], ParentType, ContextType>;
};

export type UnknownCustomerErrorResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['UnknownCustomerError'] = ResolversParentTypes['UnknownCustomerError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UnknownSkuErrorResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['UnknownSkuError'] = ResolversParentTypes['UnknownSkuError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  __resolveType?: TypeResolveFn<'AlreadyCancelledError' | 'CannotCancelShippedError' | 'DuplicateOrderError' | 'InvalidOrderError' | 'InvalidServiceCaseError' | 'OrderLineNotFoundError' | 'OrderNotFoundError' | 'ServiceCaseNotFoundError' | 'ServiceCaseResolvedError' | 'UnknownCustomerError' | 'UnknownSkuError', ParentType, ContextType>;
};

export type Resolvers<ContextType = OrdersContext> = {
  AlreadyCancelledError?: AlreadyCancelledErrorResolvers<ContextType>;
  CancelOrderLineResult?: CancelOrderLineResultResolvers<ContextType>;
  CancelOrderResult?: CancelOrderResultResolvers<ContextType>;
  CannotCancelShippedError?: CannotCancelShippedErrorResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerConnection?: CustomerConnectionResolvers<ContextType>;
  CustomerEdge?: CustomerEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DuplicateOrderError?: DuplicateOrderErrorResolvers<ContextType>;
  InvalidOrderError?: InvalidOrderErrorResolvers<ContextType>;
  InvalidServiceCaseError?: InvalidServiceCaseErrorResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  OrderLineNotFoundError?: OrderLineNotFoundErrorResolvers<ContextType>;
  OrderNotFoundError?: OrderNotFoundErrorResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PlaceOrderResult?: PlaceOrderResultResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ServiceCase?: ServiceCaseResolvers<ContextType>;
  ServiceCaseConnection?: ServiceCaseConnectionResolvers<ContextType>;
  ServiceCaseEdge?: ServiceCaseEdgeResolvers<ContextType>;
  ServiceCaseNotFoundError?: ServiceCaseNotFoundErrorResolvers<ContextType>;
  ServiceCaseNote?: ServiceCaseNoteResolvers<ContextType>;
  ServiceCaseNoteConnection?: ServiceCaseNoteConnectionResolvers<ContextType>;
  ServiceCaseNoteEdge?: ServiceCaseNoteEdgeResolvers<ContextType>;
  ServiceCaseResolvedError?: ServiceCaseResolvedErrorResolvers<ContextType>;
  ServiceCaseResult?: ServiceCaseResultResolvers<ContextType>;
  Shipment?: ShipmentResolvers<ContextType>;
  TimelineEntry?: TimelineEntryResolvers<ContextType>;
  TimelineEntryConnection?: TimelineEntryConnectionResolvers<ContextType>;
  TimelineEntryEdge?: TimelineEntryEdgeResolvers<ContextType>;
  UnknownCustomerError?: UnknownCustomerErrorResolvers<ContextType>;
  UnknownSkuError?: UnknownSkuErrorResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
};

