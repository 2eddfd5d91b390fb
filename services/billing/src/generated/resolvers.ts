import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { InvoiceRecord, InvoiceLineView, CreditNoteRecord, ChargeLineView, AdjustmentNoteRecord } from '../store/records.ts';
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

/** A debit note re-billing a carrier charge that arrived after its invoice was issued. Numbered gapless in its own yearly series. */
export type AdjustmentNote = {
  __typename?: 'AdjustmentNote';
  /** Before tax. */
  amount: Money;
  /** The carrier charge it re-bills. */
  chargeId: Scalars['ID']['output'];
  customerId: Scalars['ID']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  invoice: Invoice;
  issuedAt: Scalars['DateTime']['output'];
  /** AN-2026-000001 */
  number: Scalars['String']['output'];
  order: Order;
  tax: Money;
  /** Percent, as a decimal string: the invoice's shipping rate. */
  taxRate: Scalars['String']['output'];
  total: Money;
  type: CarrierChargeType;
};

/** A page of adjustment notes. */
export type AdjustmentNoteConnection = {
  __typename?: 'AdjustmentNoteConnection';
  edges: Array<AdjustmentNoteEdge>;
  pageInfo: PageInfo;
};

export type AdjustmentNoteEdge = {
  __typename?: 'AdjustmentNoteEdge';
  cursor: Scalars['String']['output'];
  node: AdjustmentNote;
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
  /** Voided before issue: the shipment was voided, or every unit came back first. */
  voided: Scalars['Int']['output'];
};

export type BillingPolicy =
  | 'ON_DELIVERY'
  | 'ON_PROOF_OF_DELIVERY'
  | 'ON_SHIPMENT';

/** What a carrier bills for a shipment beyond its label: accessorials and corrections. */
export type CarrierChargeType =
  | 'ADDRESS_CORRECTION'
  | 'FUEL'
  | 'LABEL_CORRECTION'
  | 'LIFTGATE'
  | 'OTHER'
  | 'REDELIVERY'
  | 'RESIDENTIAL';

/** A carrier charge re-billed to the customer, taxed like shipping. */
export type ChargeLine = {
  __typename?: 'ChargeLine';
  /** Before tax. */
  amount: Money;
  chargeId: Scalars['ID']['output'];
  description?: Maybe<Scalars['String']['output']>;
  tax: Money;
  /** Percent, as a decimal string: the invoice's shipping rate. */
  taxRate: Scalars['String']['output'];
  type: CarrierChargeType;
};

/** A credit note against one issued invoice, at its price and tax. Numbered gapless in its own yearly series. */
export type CreditNote = {
  __typename?: 'CreditNote';
  /** Re-billed carrier charges taken back (a void takes back all of them). */
  charges: Array<ChargeLine>;
  customerId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  invoice: Invoice;
  issuedAt: Scalars['DateTime']['output'];
  /** The units credited of each invoice line. */
  lines: Array<CreditNoteLine>;
  /** CN-2026-000001 */
  number: Scalars['String']['output'];
  order: Order;
  reason: CreditReason;
  return?: Maybe<Return>;
  /** The return it credits (reason RETURN). */
  returnId?: Maybe<Scalars['ID']['output']>;
  /** The invoice's shipping charge refunded, before tax: 0 unless the customer's rule or a void says so. */
  shippingRefund: Money;
  /** Sum of the lines' net amounts, the shipping refund and the charges, before tax. */
  subtotal: Money;
  taxTotal: Money;
  total: Money;
};

/** A page of credit notes. */
export type CreditNoteConnection = {
  __typename?: 'CreditNoteConnection';
  edges: Array<CreditNoteEdge>;
  pageInfo: PageInfo;
};

export type CreditNoteEdge = {
  __typename?: 'CreditNoteEdge';
  cursor: Scalars['String']['output'];
  node: CreditNote;
};

export type CreditNoteLine = {
  __typename?: 'CreditNoteLine';
  /** The order line credited. */
  lineId: Scalars['ID']['output'];
  netAmount: Money;
  quantity: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
  taxAmount: Money;
  /** The invoiced tax rate, in percent. */
  taxRate: Scalars['String']['output'];
  /** The invoiced unit price. */
  unitPrice: Money;
};

/** Why a credit note was raised. */
export type CreditReason =
  /** Goods of a received return. */
  | 'RETURN'
  /** The invoice's shipment was voided: everything left of the invoice. */
  | 'VOID';

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
  /** Carrier charges re-billed after issue, oldest first. */
  adjustmentNotes: Array<AdjustmentNote>;
  /** Carrier charges re-billed on the invoice before its issue, taxed like shipping. */
  charges: Array<ChargeLine>;
  /** Holds on the collection of an issued invoice (a carrier exception or a short delivery after issue); it stays ISSUED. */
  collectionHolds: Array<Hold>;
  /** True while a collection hold is in force. */
  collectionOnHold: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** Credit notes against this invoice, oldest first. */
  creditNotes: Array<CreditNote>;
  /** What its credit notes took back, tax included; the total once it is fully credited. */
  creditedTotal: Money;
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
  /** Sum of line net amounts, the shipping charge and the charges, before tax. */
  subtotal: Money;
  taxTotal: Money;
  total: Money;
  /** Issued without anyone releasing a hold by hand. */
  touchless: Scalars['Boolean']['output'];
  /** When its shipment was voided: VOID before issue; once issued, a credit note takes all of it back. */
  voidedAt?: Maybe<Scalars['DateTime']['output']>;
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
  /** Adjustment (debit) notes of the order, oldest first. */
  adjustmentNotes: AdjustmentNoteConnection;
  /** What the order's issued invoices and adjustment notes bill, tax included; null until billing knows the order. */
  billedTotal?: Maybe<Money>;
  /** Credit notes of the order, oldest first. */
  creditNotes: CreditNoteConnection;
  /** What the order's credit notes take back, tax included. */
  creditedTotal?: Maybe<Money>;
  id: Scalars['ID']['output'];
  /** Invoices of the order, oldest first. */
  invoices: InvoiceConnection;
  /** Billed minus credited. */
  netBilled?: Maybe<Money>;
  /** For staff: shipping charged to the customer against what carriers charged for it. */
  shippingMargin?: Maybe<ShippingMargin>;
};


export type OrderAdjustmentNotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type OrderCreditNotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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
  /** Newest first; issued at or after `from` and before `to`, when given. */
  adjustmentNotes: AdjustmentNoteConnection;
  /** Figures for invoices created since the given instant (default: the last 30 days). */
  billingFigures: BillingFigures;
  creditNote?: Maybe<CreditNote>;
  /** Newest first; issued at or after `from` and before `to`, when given. */
  creditNotes: CreditNoteConnection;
  invoice?: Maybe<Invoice>;
  /** Newest first; by order, by status, or both. */
  invoices: InvoiceConnection;
};


export type QueryAdjustmentNotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryBillingFiguresArgs = {
  since?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryCreditNoteArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCreditNotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
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

export type Return = {
  __typename?: 'Return';
  /** The credit notes billing raised for this return, one per invoice it reached. */
  creditNotes: Array<CreditNote>;
  id: Scalars['ID']['output'];
};

export type Shipment = {
  __typename?: 'Shipment';
  id: Scalars['ID']['output'];
  /** The invoice for this shipment, once billing has created it. */
  invoice?: Maybe<Invoice>;
};

/** Shipping charged against shipping paid, before tax, in the order's currency. */
export type ShippingMargin = {
  __typename?: 'ShippingMargin';
  /** Shipping charges and re-billed carrier charges, less what credit notes refunded; voided shipments count nothing. */
  charged: Money;
  /** What carriers charged: per shipment, the fulfilment cost told with its latest charge. */
  cost: Money;
  margin: Money;
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
  AdjustmentNote: AdjustmentNote;
  CreditNote: CreditNote;
  Invoice: Invoice;
  Order: Order;
  Return: Return;
  Shipment: Shipment;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  AdjustmentNote:
    ( { __typename: 'AdjustmentNote' }
    & GraphQLRecursivePick<FederationTypes['AdjustmentNote'], {"id":true}> );
  CreditNote:
    ( { __typename: 'CreditNote' }
    & GraphQLRecursivePick<FederationTypes['CreditNote'], {"id":true}> );
  Invoice:
    ( { __typename: 'Invoice' }
    & GraphQLRecursivePick<FederationTypes['Invoice'], {"id":true}> );
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
  Return:
    ( { __typename: 'Return' }
    & GraphQLRecursivePick<FederationTypes['Return'], {"id":true}> );
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
  AdjustmentNote: ResolverTypeWrapper<AdjustmentNoteRecord>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AdjustmentNoteConnection: ResolverTypeWrapper<Omit<AdjustmentNoteConnection, 'edges'> & { edges: Array<ResolversTypes['AdjustmentNoteEdge']> }>;
  AdjustmentNoteEdge: ResolverTypeWrapper<Omit<AdjustmentNoteEdge, 'node'> & { node: ResolversTypes['AdjustmentNote'] }>;
  BillingFigures: ResolverTypeWrapper<BillingFigures>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  BillingPolicy: BillingPolicy;
  CarrierChargeType: CarrierChargeType;
  ChargeLine: ResolverTypeWrapper<ChargeLineView>;
  CreditNote: ResolverTypeWrapper<CreditNoteRecord>;
  CreditNoteConnection: ResolverTypeWrapper<Omit<CreditNoteConnection, 'edges'> & { edges: Array<ResolversTypes['CreditNoteEdge']> }>;
  CreditNoteEdge: ResolverTypeWrapper<Omit<CreditNoteEdge, 'node'> & { node: ResolversTypes['CreditNote'] }>;
  CreditNoteLine: ResolverTypeWrapper<InvoiceLineView>;
  CreditReason: CreditReason;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Hold: ResolverTypeWrapper<Hold>;
  HoldReason: HoldReason;
  Invoice: ResolverTypeWrapper<InvoiceRecord>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
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
  Return: ResolverTypeWrapper<Reference>;
  Shipment: ResolverTypeWrapper<Reference>;
  ShippingMargin: ResolverTypeWrapper<ShippingMargin>;
  UnknownInvoiceError: ResolverTypeWrapper<UnknownInvoiceError>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AdjustmentNote: AdjustmentNoteRecord;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  AdjustmentNoteConnection: Omit<AdjustmentNoteConnection, 'edges'> & { edges: Array<ResolversParentTypes['AdjustmentNoteEdge']> };
  AdjustmentNoteEdge: Omit<AdjustmentNoteEdge, 'node'> & { node: ResolversParentTypes['AdjustmentNote'] };
  BillingFigures: BillingFigures;
  Int: Scalars['Int']['output'];
  ChargeLine: ChargeLineView;
  CreditNote: CreditNoteRecord;
  CreditNoteConnection: Omit<CreditNoteConnection, 'edges'> & { edges: Array<ResolversParentTypes['CreditNoteEdge']> };
  CreditNoteEdge: Omit<CreditNoteEdge, 'node'> & { node: ResolversParentTypes['CreditNote'] };
  CreditNoteLine: InvoiceLineView;
  DateTime: Scalars['DateTime']['output'];
  Hold: Hold;
  Invoice: InvoiceRecord;
  Boolean: Scalars['Boolean']['output'];
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
  Return: Reference;
  Shipment: Reference;
  ShippingMargin: ShippingMargin;
  UnknownInvoiceError: UnknownInvoiceError;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
};

export type AdjustmentNoteResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['AdjustmentNote'] = ResolversParentTypes['AdjustmentNote'], FederationReferenceType extends FederationReferenceTypes['AdjustmentNote'] = FederationReferenceTypes['AdjustmentNote']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AdjustmentNote']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  chargeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['CarrierChargeType'], ParentType, ContextType>;
};

export type AdjustmentNoteConnectionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['AdjustmentNoteConnection'] = ResolversParentTypes['AdjustmentNoteConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AdjustmentNoteEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AdjustmentNoteEdgeResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['AdjustmentNoteEdge'] = ResolversParentTypes['AdjustmentNoteEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AdjustmentNote'], ParentType, ContextType>;
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
  voided?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChargeLineResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['ChargeLine'] = ResolversParentTypes['ChargeLine']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  chargeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['CarrierChargeType'], ParentType, ContextType>;
};

export type CreditNoteResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['CreditNote'] = ResolversParentTypes['CreditNote'], FederationReferenceType extends FederationReferenceTypes['CreditNote'] = FederationReferenceTypes['CreditNote']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CreditNote']> | FederationReferenceType, FederationReferenceType, ContextType>;
  charges?: Resolver<Array<ResolversTypes['ChargeLine']>, ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['CreditNoteLine']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['CreditReason'], ParentType, ContextType>;
  return?: Resolver<Maybe<ResolversTypes['Return']>, ParentType, ContextType>;
  returnId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  shippingRefund?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type CreditNoteConnectionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['CreditNoteConnection'] = ResolversParentTypes['CreditNoteConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CreditNoteEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type CreditNoteEdgeResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['CreditNoteEdge'] = ResolversParentTypes['CreditNoteEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CreditNote'], ParentType, ContextType>;
};

export type CreditNoteLineResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['CreditNoteLine'] = ResolversParentTypes['CreditNoteLine']> = {
  lineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  netAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
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
  adjustmentNotes?: Resolver<Array<ResolversTypes['AdjustmentNote']>, ParentType, ContextType>;
  charges?: Resolver<Array<ResolversTypes['ChargeLine']>, ParentType, ContextType>;
  collectionHolds?: Resolver<Array<ResolversTypes['Hold']>, ParentType, ContextType>;
  collectionOnHold?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  creditNotes?: Resolver<Array<ResolversTypes['CreditNote']>, ParentType, ContextType>;
  creditedTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
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
  voidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
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
  adjustmentNotes?: Resolver<ResolversTypes['AdjustmentNoteConnection'], ParentType, ContextType, Partial<OrderAdjustmentNotesArgs>>;
  billedTotal?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  creditNotes?: Resolver<ResolversTypes['CreditNoteConnection'], ParentType, ContextType, Partial<OrderCreditNotesArgs>>;
  creditedTotal?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoices?: Resolver<ResolversTypes['InvoiceConnection'], ParentType, ContextType, Partial<OrderInvoicesArgs>>;
  netBilled?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  shippingMargin?: Resolver<Maybe<ResolversTypes['ShippingMargin']>, ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  adjustmentNotes?: Resolver<ResolversTypes['AdjustmentNoteConnection'], ParentType, ContextType, Partial<QueryAdjustmentNotesArgs>>;
  billingFigures?: Resolver<ResolversTypes['BillingFigures'], ParentType, ContextType, Partial<QueryBillingFiguresArgs>>;
  creditNote?: Resolver<Maybe<ResolversTypes['CreditNote']>, ParentType, ContextType, RequireFields<QueryCreditNoteArgs, 'id'>>;
  creditNotes?: Resolver<ResolversTypes['CreditNoteConnection'], ParentType, ContextType, Partial<QueryCreditNotesArgs>>;
  invoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType, RequireFields<QueryInvoiceArgs, 'id'>>;
  invoices?: Resolver<ResolversTypes['InvoiceConnection'], ParentType, ContextType, Partial<QueryInvoicesArgs>>;
};

export type ReleaseInvoiceResultResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['ReleaseInvoiceResult'] = ResolversParentTypes['ReleaseInvoiceResult']> = {
  __resolveType?: TypeResolveFn<'Invoice' | 'InvoiceNotHeldError' | 'UnknownInvoiceError', ParentType, ContextType>;
};

export type ReturnResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Return'] = ResolversParentTypes['Return'], FederationReferenceType extends FederationReferenceTypes['Return'] = FederationReferenceTypes['Return']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Return']> | FederationReferenceType, FederationReferenceType, ContextType>;
  creditNotes?: Resolver<Array<ResolversTypes['CreditNote']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ShipmentResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Shipment'] = ResolversParentTypes['Shipment'], FederationReferenceType extends FederationReferenceTypes['Shipment'] = FederationReferenceTypes['Shipment']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Shipment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType>;
};

export type ShippingMarginResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['ShippingMargin'] = ResolversParentTypes['ShippingMargin']> = {
  charged?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  cost?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  margin?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
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
  AdjustmentNote?: AdjustmentNoteResolvers<ContextType>;
  AdjustmentNoteConnection?: AdjustmentNoteConnectionResolvers<ContextType>;
  AdjustmentNoteEdge?: AdjustmentNoteEdgeResolvers<ContextType>;
  BillingFigures?: BillingFiguresResolvers<ContextType>;
  ChargeLine?: ChargeLineResolvers<ContextType>;
  CreditNote?: CreditNoteResolvers<ContextType>;
  CreditNoteConnection?: CreditNoteConnectionResolvers<ContextType>;
  CreditNoteEdge?: CreditNoteEdgeResolvers<ContextType>;
  CreditNoteLine?: CreditNoteLineResolvers<ContextType>;
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
  Return?: ReturnResolvers<ContextType>;
  Shipment?: ShipmentResolvers<ContextType>;
  ShippingMargin?: ShippingMarginResolvers<ContextType>;
  UnknownInvoiceError?: UnknownInvoiceErrorResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
};

