import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { InvoiceRecord, InvoiceLineView } from '../store/records.ts';
import type { Reference } from '@waybill/graphql';
import type { BillingContext } from '../context.ts';
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

/** What finance watches: how fast invoices follow shipments, and how many need a person. */
export type BillingFigures = {
  __typename?: 'BillingFigures';
  drafts: Scalars['Int']['output'];
  invoicesIssued: Scalars['Int']['output'];
  medianSecondsToInvoice?: Maybe<Scalars['Int']['output']>;
  onHold: Scalars['Int']['output'];
  p95SecondsToInvoice?: Maybe<Scalars['Int']['output']>;
  since: Scalars['DateTime']['output'];
  touchlessIssued: Scalars['Int']['output'];
  /** Share of issued invoices no one had to release, in percent with one decimal ("97.5"). */
  touchlessShare?: Maybe<Scalars['String']['output']>;
};

export type BillingPolicy =
  | 'ON_DELIVERY'
  | 'ON_PROOF_OF_DELIVERY'
  | 'ON_SHIPMENT';

export type Hold = {
  __typename?: 'Hold';
  comment?: Maybe<Scalars['String']['output']>;
  detail: Scalars['String']['output'];
  heldAt: Scalars['DateTime']['output'];
  reason: HoldReason;
  releasedAt?: Maybe<Scalars['DateTime']['output']>;
  /** FINANCE or AUTOMATIC, once released. */
  releasedBy?: Maybe<Scalars['String']['output']>;
};

export type HoldReason =
  /** The carrier reported an exception. */
  | 'CARRIER_EXCEPTION'
  /** Delivered, but no proof of delivery within the grace period. */
  | 'POD_MISSING'
  /** The carrier delivered a different quantity than shipped. */
  | 'QUANTITY_MISMATCH';

/** An invoice for one shipment: only what shipped, plus the shipping charge. */
export type Invoice = {
  __typename?: 'Invoice';
  /** Holds on the collection of an issued invoice (a carrier exception or a short delivery after issue); it stays ISSUED. */
  collectionHolds: Array<Hold>;
  /** True while a collection hold is in force. */
  collectionOnHold: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  customerId: Scalars['ID']['output'];
  /** Every hold, active or released, oldest first. */
  holds: Array<Hold>;
  id: Scalars['ID']['output'];
  issuedAt?: Maybe<Scalars['DateTime']['output']>;
  lines: Array<InvoiceLine>;
  /** Gapless within its series; null until issued. */
  number?: Maybe<Scalars['String']['output']>;
  order: Order;
  /** The customer's billing policy when the shipment was invoiced. */
  policy: BillingPolicy;
  /** Seconds from the shipment leaving the warehouse to the invoice being issued. */
  secondsToInvoice?: Maybe<Scalars['Int']['output']>;
  shipment: Shipment;
  shippedAt: Scalars['DateTime']['output'];
  shippingCharge: Money;
  status: InvoiceStatus;
  /** Sum of line net amounts and the shipping charge, before tax. */
  subtotal: Money;
  taxTotal: Money;
  total: Money;
  /** Issued without anyone releasing a hold by hand. */
  touchless: Scalars['Boolean']['output'];
};

/** A page of invoices. */
export type InvoiceConnection = {
  __typename?: 'InvoiceConnection';
  edges: Array<InvoiceEdge>;
  pageInfo: PageInfo;
};

export type InvoiceEdge = {
  __typename?: 'InvoiceEdge';
  cursor: Scalars['String']['output'];
  node: Invoice;
};

export type InvoiceLine = {
  __typename?: 'InvoiceLine';
  /** The order line billed. */
  lineId: Scalars['ID']['output'];
  netAmount: Money;
  quantity: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
  taxAmount: Money;
  /** Percent, as a decimal string. */
  taxRate: Scalars['String']['output'];
  unitPrice: Money;
};

export type InvoiceNotHeldError = UserError & {
  __typename?: 'InvoiceNotHeldError';
  code: Scalars['String']['output'];
  invoiceId: Scalars['ID']['output'];
  message: Scalars['String']['output'];
};

export type InvoiceStatus =
  | 'DRAFT'
  | 'ISSUED'
  | 'ON_HOLD'
  | 'VOID';

/** An amount as a decimal string in the currency's minor-unit precision, with its ISO 4217 currency. */
export type Money = {
  __typename?: 'Money';
  amount: Scalars['String']['output'];
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Finance releases an invoice's holds (one reason, or all): before issue, its own holds, and a
   * released invoice is issued when its policy allows; once issued, the holds on its collection.
   */
  releaseInvoice: ReleaseInvoiceResult;
};


export type MutationReleaseInvoiceArgs = {
  input: ReleaseInvoiceInput;
};

export type Order = {
  __typename?: 'Order';
  id: Scalars['ID']['output'];
  /** Invoices of the order, oldest first. */
  invoices: InvoiceConnection;
};


export type OrderInvoicesArgs = {
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

export type Query = {
  __typename?: 'Query';
  /** Figures for invoices created since the given instant (default: the last 30 days). */
  billingFigures: BillingFigures;
  invoice?: Maybe<Invoice>;
  /** Newest first; by order, by status, or both. */
  invoices: InvoiceConnection;
};


export type QueryBillingFiguresArgs = {
  since?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryInvoiceArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<InvoiceStatus>;
};

export type ReleaseInvoiceInput = {
  comment: Scalars['String']['input'];
  invoiceId: Scalars['ID']['input'];
  /** Only this reason; all active holds when absent. */
  reason?: InputMaybe<HoldReason>;
};

export type ReleaseInvoiceResult = Invoice | InvoiceNotHeldError | UnknownInvoiceError;

export type Shipment = {
  __typename?: 'Shipment';
  id: Scalars['ID']['output'];
  /** The invoice for this shipment, once billing has created it. */
  invoice?: Maybe<Invoice>;
};

export type UnknownInvoiceError = UserError & {
  __typename?: 'UnknownInvoiceError';
  code: Scalars['String']['output'];
  invoiceId: Scalars['ID']['output'];
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
  Invoice: Invoice;
  Order: Order;
  Shipment: Shipment;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Invoice:
    ( { __typename: 'Invoice' }
    & GraphQLRecursivePick<FederationTypes['Invoice'], {"id":true}> );
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
  Shipment:
    ( { __typename: 'Shipment' }
    & GraphQLRecursivePick<FederationTypes['Shipment'], {"id":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  ReleaseInvoiceResult:
    | ( InvoiceRecord & { __typename: 'Invoice' } )
    | ( InvoiceNotHeldError & { __typename: 'InvoiceNotHeldError' } )
    | ( UnknownInvoiceError & { __typename: 'UnknownInvoiceError' } )
  ;
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  UserError:
    | ( InvoiceNotHeldError )
    | ( UnknownInvoiceError )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  BillingFigures: ResolverTypeWrapper<BillingFigures>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  BillingPolicy: BillingPolicy;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Hold: ResolverTypeWrapper<Hold>;
  HoldReason: HoldReason;
  Invoice: ResolverTypeWrapper<InvoiceRecord>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  InvoiceConnection: ResolverTypeWrapper<Omit<InvoiceConnection, 'edges'> & { edges: Array<ResolversTypes['InvoiceEdge']> }>;
  InvoiceEdge: ResolverTypeWrapper<Omit<InvoiceEdge, 'node'> & { node: ResolversTypes['Invoice'] }>;
  InvoiceLine: ResolverTypeWrapper<InvoiceLineView>;
  InvoiceNotHeldError: ResolverTypeWrapper<InvoiceNotHeldError>;
  InvoiceStatus: InvoiceStatus;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<Reference>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReleaseInvoiceInput: ReleaseInvoiceInput;
  ReleaseInvoiceResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ReleaseInvoiceResult']>;
  Shipment: ResolverTypeWrapper<Reference>;
  UnknownInvoiceError: ResolverTypeWrapper<UnknownInvoiceError>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  BillingFigures: BillingFigures;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  DateTime: Scalars['DateTime']['output'];
  Hold: Hold;
  Invoice: InvoiceRecord;
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  InvoiceConnection: Omit<InvoiceConnection, 'edges'> & { edges: Array<ResolversParentTypes['InvoiceEdge']> };
  InvoiceEdge: Omit<InvoiceEdge, 'node'> & { node: ResolversParentTypes['Invoice'] };
  InvoiceLine: InvoiceLineView;
  InvoiceNotHeldError: InvoiceNotHeldError;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Order: Reference;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  ReleaseInvoiceInput: ReleaseInvoiceInput;
  ReleaseInvoiceResult: ResolversUnionTypes<ResolversParentTypes>['ReleaseInvoiceResult'];
  Shipment: Reference;
  UnknownInvoiceError: UnknownInvoiceError;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
};

export type BillingFiguresResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillingFigures'] = ResolversParentTypes['BillingFigures']> = {
  drafts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  invoicesIssued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medianSecondsToInvoice?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  onHold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  p95SecondsToInvoice?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  since?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  touchlessIssued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  touchlessShare?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type HoldResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Hold'] = ResolversParentTypes['Hold']> = {
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  heldAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['HoldReason'], ParentType, ContextType>;
  releasedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  releasedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type InvoiceResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Invoice'] = ResolversParentTypes['Invoice'], FederationReferenceType extends FederationReferenceTypes['Invoice'] = FederationReferenceTypes['Invoice']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Invoice']> | FederationReferenceType, FederationReferenceType, ContextType>;
  collectionHolds?: Resolver<Array<ResolversTypes['Hold']>, ParentType, ContextType>;
  collectionOnHold?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  holds?: Resolver<Array<ResolversTypes['Hold']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['InvoiceLine']>, ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  policy?: Resolver<ResolversTypes['BillingPolicy'], ParentType, ContextType>;
  secondsToInvoice?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  shipment?: Resolver<ResolversTypes['Shipment'], ParentType, ContextType>;
  shippedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  shippingCharge?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvoiceStatus'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  touchless?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InvoiceConnectionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['InvoiceConnection'] = ResolversParentTypes['InvoiceConnection']> = {
  edges?: Resolver<Array<ResolversTypes['InvoiceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type InvoiceEdgeResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['InvoiceEdge'] = ResolversParentTypes['InvoiceEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
};

export type InvoiceLineResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['InvoiceLine'] = ResolversParentTypes['InvoiceLine']> = {
  lineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  netAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type InvoiceNotHeldErrorResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['InvoiceNotHeldError'] = ResolversParentTypes['InvoiceNotHeldError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  invoiceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  releaseInvoice?: Resolver<ResolversTypes['ReleaseInvoiceResult'], ParentType, ContextType, RequireFields<MutationReleaseInvoiceArgs, 'input'>>;
};

export type OrderResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoices?: Resolver<ResolversTypes['InvoiceConnection'], ParentType, ContextType, Partial<OrderInvoicesArgs>>;
};

export type PageInfoResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  billingFigures?: Resolver<ResolversTypes['BillingFigures'], ParentType, ContextType, Partial<QueryBillingFiguresArgs>>;
  invoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType, RequireFields<QueryInvoiceArgs, 'id'>>;
  invoices?: Resolver<ResolversTypes['InvoiceConnection'], ParentType, ContextType, Partial<QueryInvoicesArgs>>;
};

export type ReleaseInvoiceResultResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['ReleaseInvoiceResult'] = ResolversParentTypes['ReleaseInvoiceResult']> = {
  __resolveType?: TypeResolveFn<'Invoice' | 'InvoiceNotHeldError' | 'UnknownInvoiceError', ParentType, ContextType>;
};

export type ShipmentResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Shipment'] = ResolversParentTypes['Shipment'], FederationReferenceType extends FederationReferenceTypes['Shipment'] = FederationReferenceTypes['Shipment']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Shipment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType>;
};

export type UnknownInvoiceErrorResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['UnknownInvoiceError'] = ResolversParentTypes['UnknownInvoiceError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  invoiceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  __resolveType?: TypeResolveFn<'InvoiceNotHeldError' | 'UnknownInvoiceError', ParentType, ContextType>;
};

export type Resolvers<ContextType = BillingContext> = {
  BillingFigures?: BillingFiguresResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Hold?: HoldResolvers<ContextType>;
  Invoice?: InvoiceResolvers<ContextType>;
  InvoiceConnection?: InvoiceConnectionResolvers<ContextType>;
  InvoiceEdge?: InvoiceEdgeResolvers<ContextType>;
  InvoiceLine?: InvoiceLineResolvers<ContextType>;
  InvoiceNotHeldError?: InvoiceNotHeldErrorResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReleaseInvoiceResult?: ReleaseInvoiceResultResolvers<ContextType>;
  Shipment?: ShipmentResolvers<ContextType>;
  UnknownInvoiceError?: UnknownInvoiceErrorResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
};

