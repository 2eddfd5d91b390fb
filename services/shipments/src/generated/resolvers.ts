import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ShipmentRecord, MilestoneRecord, CarrierChargeRecord } from '../store/records.ts';
import type { Reference } from '@waybill/graphql';
import type { ShipmentsContext } from '../context.ts';
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

export type CarrierCharge = {
  __typename?: 'CarrierCharge';
  amount: Money;
  carrier: Scalars['String']['output'];
  carrierChargeId: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  recordedAt: Scalars['DateTime']['output'];
  shipment: Shipment;
  type: CarrierChargeType;
};

/** A page of a shipment's carrier charges. */
export type CarrierChargeConnection = {
  __typename?: 'CarrierChargeConnection';
  edges: Array<CarrierChargeEdge>;
  pageInfo: PageInfo;
};

export type CarrierChargeEdge = {
  __typename?: 'CarrierChargeEdge';
  cursor: Scalars['String']['output'];
  node: CarrierCharge;
};

/** What a carrier bills for a shipment beyond its label: accessorials and corrections. */
export type CarrierChargeType =
  | 'ADDRESS_CORRECTION'
  | 'FUEL'
  | 'LABEL_CORRECTION'
  | 'LIFTGATE'
  | 'OTHER'
  | 'REDELIVERY'
  | 'RESIDENTIAL';

export type ConfirmShipmentInput = {
  carrier: Scalars['String']['input'];
  lines: Array<ShipmentLineInput>;
  orderId: Scalars['ID']['input'];
  service: Scalars['String']['input'];
  shippedAt: Scalars['DateTime']['input'];
  /** Decimal string in the order's currency. */
  shippingCharge: Scalars['String']['input'];
  trackingNumber: Scalars['String']['input'];
  /** The warehouse the goods left from. */
  warehouse: Scalars['String']['input'];
};

export type ConfirmShipmentResult = InvalidShipmentError | QuantityExceedsOrderedError | Shipment | UnknownOrderError;

/**
 * A charge refused: a bad amount or text (field names it), an id the carrier used for another
 * charge (CHARGE_ID_REUSED), or a voided shipment (SHIPMENT_VOIDED).
 */
export type InvalidCarrierChargeError = UserError & {
  __typename?: 'InvalidCarrierChargeError';
  code: Scalars['String']['output'];
  field?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
};

export type InvalidMilestoneError = UserError & {
  __typename?: 'InvalidMilestoneError';
  code: Scalars['String']['output'];
  field?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
};

export type InvalidShipmentError = UserError & {
  __typename?: 'InvalidShipmentError';
  code: Scalars['String']['output'];
  field?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
};

export type Milestone = {
  __typename?: 'Milestone';
  /** Units the carrier reported delivered, for DELIVERED. */
  deliveredQuantity?: Maybe<Scalars['Int']['output']>;
  detail?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** True when it arrived after a later milestone; kept in history, status unchanged. */
  late: Scalars['Boolean']['output'];
  location?: Maybe<Scalars['String']['output']>;
  occurredAt: Scalars['DateTime']['output'];
  /** Photo or document reference, for PROOF_OF_DELIVERY. */
  photoReference?: Maybe<Scalars['String']['output']>;
  /** Reason code, for EXCEPTION and DELIVERY_ATTEMPTED. */
  reasonCode?: Maybe<Scalars['String']['output']>;
  recordedAt: Scalars['DateTime']['output'];
  /** Who signed, for PROOF_OF_DELIVERY. */
  signedBy?: Maybe<Scalars['String']['output']>;
  type: MilestoneType;
};

/** A page of a shipment's milestones; the shipment holds them all, so their number is free. */
export type MilestoneConnection = {
  __typename?: 'MilestoneConnection';
  edges: Array<MilestoneEdge>;
  pageInfo: PageInfo;
  /** Milestones of the whole shipment. */
  totalCount: Scalars['Int']['output'];
};

export type MilestoneEdge = {
  __typename?: 'MilestoneEdge';
  cursor: Scalars['String']['output'];
  node: Milestone;
};

export type MilestoneType =
  | 'AVAILABLE_FOR_PICKUP'
  | 'DELIVERED'
  | 'DELIVERY_ATTEMPTED'
  | 'EXCEPTION'
  | 'IN_TRANSIT'
  | 'LABEL_CREATED'
  | 'OUT_FOR_DELIVERY'
  | 'PICKED_UP'
  | 'PROOF_OF_DELIVERY'
  | 'RETURNED_TO_SENDER';

/** An amount as a decimal string in the currency's minor-unit precision, with its ISO 4217 currency. */
export type Money = {
  __typename?: 'Money';
  amount: Scalars['String']['output'];
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** A warehouse confirms what left the building; partial shipments allowed. */
  confirmShipment: ConfirmShipmentResult;
  /**
   * A warehouse confirms a batch of shipments (a WMS wave), at most 500, in one transaction: one
   * result per input, in input order, each as confirmShipment would give it. A rejected input
   * leaves the others; a later input sees what the earlier ones shipped.
   */
  confirmShipments: Array<ConfirmShipmentResult>;
  /**
   * A carrier bills an accessorial or a label correction for a shipment. Recorded once per carrier
   * and carrier charge id: the same charge again answers the charge recorded; the same id with
   * another type or amount is refused (CHARGE_ID_REUSED).
   */
  recordCarrierCharge: RecordCarrierChargeResult;
  /**
   * A carrier milestone, for a shipment named by id or by carrier and tracking number. A milestone
   * for a tracking number no shipment has yet is parked and applied when the shipment is confirmed.
   */
  recordMilestone: RecordMilestoneResult;
  /**
   * Cancels a shipment's label before the carrier has it: only while no milestone beyond
   * LABEL_CREATED was recorded. Its quantities are left to ship again. Voiding a voided shipment
   * answers it unchanged.
   */
  voidShipment: VoidShipmentResult;
};


export type MutationConfirmShipmentArgs = {
  input: ConfirmShipmentInput;
};


export type MutationConfirmShipmentsArgs = {
  inputs: Array<ConfirmShipmentInput>;
};


export type MutationRecordCarrierChargeArgs = {
  input: RecordCarrierChargeInput;
};


export type MutationRecordMilestoneArgs = {
  input: RecordMilestoneInput;
};


export type MutationVoidShipmentArgs = {
  input: VoidShipmentInput;
};

export type Order = {
  __typename?: 'Order';
  id: Scalars['ID']['output'];
  /** Shipments of the order, oldest first. */
  shipments: ShipmentConnection;
};


export type OrderShipmentsArgs = {
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

/** A milestone kept until a shipment with its carrier and tracking number is confirmed. */
export type ParkedMilestone = {
  __typename?: 'ParkedMilestone';
  carrier: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  parkedAt: Scalars['DateTime']['output'];
  trackingNumber: Scalars['String']['output'];
  type: MilestoneType;
};

/** A page of parked milestones. */
export type ParkedMilestoneConnection = {
  __typename?: 'ParkedMilestoneConnection';
  edges: Array<ParkedMilestoneEdge>;
  pageInfo: PageInfo;
};

export type ParkedMilestoneEdge = {
  __typename?: 'ParkedMilestoneEdge';
  cursor: Scalars['String']['output'];
  node: ParkedMilestone;
};

export type ProofOfDelivery = {
  __typename?: 'ProofOfDelivery';
  occurredAt: Scalars['DateTime']['output'];
  photoReference?: Maybe<Scalars['String']['output']>;
  signedBy?: Maybe<Scalars['String']['output']>;
};

/** More than ordered minus cancelled minus already shipped. */
export type QuantityExceedsOrderedError = UserError & {
  __typename?: 'QuantityExceedsOrderedError';
  alreadyShipped: Scalars['Int']['output'];
  cancelled: Scalars['Int']['output'];
  code: Scalars['String']['output'];
  lineId: Scalars['ID']['output'];
  message: Scalars['String']['output'];
  ordered: Scalars['Int']['output'];
  requested: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Milestones that arrived before their shipment was known, oldest first. */
  parkedMilestones: ParkedMilestoneConnection;
  shipment?: Maybe<Shipment>;
  /** Shipments of the order, oldest first. */
  shipments: ShipmentConnection;
  /**
   * Shipments with this tracking number, newest first, of any carrier: at most 20, since carriers
   * recycle numbers. Spaces and case are ignored as carriers ignore them. What service agents and
   * customers search by.
   */
  shipmentsByTrackingNumber: Array<Shipment>;
};


export type QueryParkedMilestonesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryShipmentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryShipmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderId: Scalars['ID']['input'];
};


export type QueryShipmentsByTrackingNumberArgs = {
  trackingNumber: Scalars['String']['input'];
};

export type RecordCarrierChargeInput = {
  /** Decimal string in the shipment's currency, more than zero; for LABEL_CORRECTION the additional cost. */
  amount: Scalars['String']['input'];
  /** The carrier's own id of the charge, unique per carrier. */
  carrierChargeId: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  shipmentId: Scalars['ID']['input'];
  type: CarrierChargeType;
};

export type RecordCarrierChargeResult = CarrierCharge | InvalidCarrierChargeError | UnknownShipmentError;

export type RecordMilestoneInput = {
  carrier?: InputMaybe<Scalars['String']['input']>;
  /** Units the carrier reports delivered, for DELIVERED. */
  deliveredQuantity?: InputMaybe<Scalars['Int']['input']>;
  detail?: InputMaybe<Scalars['String']['input']>;
  location?: InputMaybe<Scalars['String']['input']>;
  occurredAt: Scalars['DateTime']['input'];
  /** Photo or document reference, for PROOF_OF_DELIVERY. */
  photoReference?: InputMaybe<Scalars['String']['input']>;
  /** Carrier reason code, for EXCEPTION and DELIVERY_ATTEMPTED. */
  reasonCode?: InputMaybe<Scalars['String']['input']>;
  /** Our shipment id; or give carrier and trackingNumber. */
  shipmentId?: InputMaybe<Scalars['ID']['input']>;
  /** Who signed, for PROOF_OF_DELIVERY. */
  signedBy?: InputMaybe<Scalars['String']['input']>;
  trackingNumber?: InputMaybe<Scalars['String']['input']>;
  type: MilestoneType;
};

export type RecordMilestoneResult = InvalidMilestoneError | ParkedMilestone | Shipment | UnknownShipmentError;

export type Shipment = {
  __typename?: 'Shipment';
  carrier: Scalars['String']['output'];
  /** What the carrier billed beyond the label, oldest first. */
  charges: CarrierChargeConnection;
  /** What the carrier billed for the shipment so far: the sum of its charges. */
  fulfilmentCost: Money;
  id: Scalars['ID']['output'];
  lines: Array<ShipmentLine>;
  /** Every milestone received, in the order it happened. */
  milestones: MilestoneConnection;
  order: Order;
  /** Who signed and the photo reference, once proof of delivery has arrived. */
  proofOfDelivery?: Maybe<ProofOfDelivery>;
  service: Scalars['String']['output'];
  shippedAt: Scalars['DateTime']['output'];
  /** The final shipping charge billed to the customer. */
  shippingCharge: Money;
  status: ShipmentStatus;
  /** Not unique: carriers recycle tracking numbers. */
  trackingNumber: Scalars['String']['output'];
  voidReason?: Maybe<Scalars['String']['output']>;
  /** When the label was cancelled before pickup; null for a shipment that was not voided. */
  voidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The warehouse the goods left from. */
  warehouse: Scalars['String']['output'];
};


export type ShipmentChargesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type ShipmentMilestonesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of shipments. */
export type ShipmentConnection = {
  __typename?: 'ShipmentConnection';
  edges: Array<ShipmentEdge>;
  pageInfo: PageInfo;
};

export type ShipmentEdge = {
  __typename?: 'ShipmentEdge';
  cursor: Scalars['String']['output'];
  node: Shipment;
};

export type ShipmentLine = {
  __typename?: 'ShipmentLine';
  /** The order line shipped. */
  lineId: Scalars['ID']['output'];
  quantity: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
};

export type ShipmentLineInput = {
  lineId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

/** The carrier already has the shipment (SHIPMENT_ALREADY_PICKED_UP): it can no longer be voided. */
export type ShipmentNotVoidableError = UserError & {
  __typename?: 'ShipmentNotVoidableError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  shipmentId: Scalars['ID']['output'];
  status: ShipmentStatus;
};

export type ShipmentStatus =
  | 'AVAILABLE_FOR_PICKUP'
  | 'DELIVERED'
  | 'DELIVERY_ATTEMPTED'
  | 'EXCEPTION'
  | 'IN_TRANSIT'
  | 'OUT_FOR_DELIVERY'
  | 'RETURNED_TO_SENDER'
  | 'SHIPPED'
  /** The label was cancelled before pickup: nothing shipped. */
  | 'VOIDED';

export type UnknownOrderError = UserError & {
  __typename?: 'UnknownOrderError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  orderId: Scalars['ID']['output'];
};

export type UnknownShipmentError = UserError & {
  __typename?: 'UnknownShipmentError';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
  shipmentId: Scalars['ID']['output'];
};

/** Expected failures of a mutation: a code and a message. */
export type UserError = {
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export type VoidShipmentInput = {
  reason: Scalars['String']['input'];
  shipmentId: Scalars['ID']['input'];
};

export type VoidShipmentResult = InvalidShipmentError | Shipment | ShipmentNotVoidableError | UnknownShipmentError;



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
  Shipment: Shipment;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
  Shipment:
    ( { __typename: 'Shipment' }
    & GraphQLRecursivePick<FederationTypes['Shipment'], {"id":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  ConfirmShipmentResult:
    | ( InvalidShipmentError & { __typename: 'InvalidShipmentError' } )
    | ( QuantityExceedsOrderedError & { __typename: 'QuantityExceedsOrderedError' } )
    | ( ShipmentRecord & { __typename: 'Shipment' } )
    | ( UnknownOrderError & { __typename: 'UnknownOrderError' } )
  ;
  RecordCarrierChargeResult:
    | ( CarrierChargeRecord & { __typename: 'CarrierCharge' } )
    | ( InvalidCarrierChargeError & { __typename: 'InvalidCarrierChargeError' } )
    | ( UnknownShipmentError & { __typename: 'UnknownShipmentError' } )
  ;
  RecordMilestoneResult:
    | ( InvalidMilestoneError & { __typename: 'InvalidMilestoneError' } )
    | ( ParkedMilestone & { __typename: 'ParkedMilestone' } )
    | ( ShipmentRecord & { __typename: 'Shipment' } )
    | ( UnknownShipmentError & { __typename: 'UnknownShipmentError' } )
  ;
  VoidShipmentResult:
    | ( InvalidShipmentError & { __typename: 'InvalidShipmentError' } )
    | ( ShipmentRecord & { __typename: 'Shipment' } )
    | ( ShipmentNotVoidableError & { __typename: 'ShipmentNotVoidableError' } )
    | ( UnknownShipmentError & { __typename: 'UnknownShipmentError' } )
  ;
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  UserError:
    | ( InvalidCarrierChargeError )
    | ( InvalidMilestoneError )
    | ( InvalidShipmentError )
    | ( QuantityExceedsOrderedError )
    | ( ShipmentNotVoidableError )
    | ( UnknownOrderError )
    | ( UnknownShipmentError )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CarrierCharge: ResolverTypeWrapper<CarrierChargeRecord>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CarrierChargeConnection: ResolverTypeWrapper<Omit<CarrierChargeConnection, 'edges'> & { edges: Array<ResolversTypes['CarrierChargeEdge']> }>;
  CarrierChargeEdge: ResolverTypeWrapper<Omit<CarrierChargeEdge, 'node'> & { node: ResolversTypes['CarrierCharge'] }>;
  CarrierChargeType: CarrierChargeType;
  ConfirmShipmentInput: ConfirmShipmentInput;
  ConfirmShipmentResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ConfirmShipmentResult']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  InvalidCarrierChargeError: ResolverTypeWrapper<InvalidCarrierChargeError>;
  InvalidMilestoneError: ResolverTypeWrapper<InvalidMilestoneError>;
  InvalidShipmentError: ResolverTypeWrapper<InvalidShipmentError>;
  Milestone: ResolverTypeWrapper<MilestoneRecord>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  MilestoneConnection: ResolverTypeWrapper<Omit<MilestoneConnection, 'edges'> & { edges: Array<ResolversTypes['MilestoneEdge']> }>;
  MilestoneEdge: ResolverTypeWrapper<Omit<MilestoneEdge, 'node'> & { node: ResolversTypes['Milestone'] }>;
  MilestoneType: MilestoneType;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<Reference>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ParkedMilestone: ResolverTypeWrapper<ParkedMilestone>;
  ParkedMilestoneConnection: ResolverTypeWrapper<ParkedMilestoneConnection>;
  ParkedMilestoneEdge: ResolverTypeWrapper<ParkedMilestoneEdge>;
  ProofOfDelivery: ResolverTypeWrapper<ProofOfDelivery>;
  QuantityExceedsOrderedError: ResolverTypeWrapper<QuantityExceedsOrderedError>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordCarrierChargeInput: RecordCarrierChargeInput;
  RecordCarrierChargeResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['RecordCarrierChargeResult']>;
  RecordMilestoneInput: RecordMilestoneInput;
  RecordMilestoneResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['RecordMilestoneResult']>;
  Shipment: ResolverTypeWrapper<ShipmentRecord>;
  ShipmentConnection: ResolverTypeWrapper<Omit<ShipmentConnection, 'edges'> & { edges: Array<ResolversTypes['ShipmentEdge']> }>;
  ShipmentEdge: ResolverTypeWrapper<Omit<ShipmentEdge, 'node'> & { node: ResolversTypes['Shipment'] }>;
  ShipmentLine: ResolverTypeWrapper<ShipmentLine>;
  ShipmentLineInput: ShipmentLineInput;
  ShipmentNotVoidableError: ResolverTypeWrapper<ShipmentNotVoidableError>;
  ShipmentStatus: ShipmentStatus;
  UnknownOrderError: ResolverTypeWrapper<UnknownOrderError>;
  UnknownShipmentError: ResolverTypeWrapper<UnknownShipmentError>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  VoidShipmentInput: VoidShipmentInput;
  VoidShipmentResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['VoidShipmentResult']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CarrierCharge: CarrierChargeRecord;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  CarrierChargeConnection: Omit<CarrierChargeConnection, 'edges'> & { edges: Array<ResolversParentTypes['CarrierChargeEdge']> };
  CarrierChargeEdge: Omit<CarrierChargeEdge, 'node'> & { node: ResolversParentTypes['CarrierCharge'] };
  ConfirmShipmentInput: ConfirmShipmentInput;
  ConfirmShipmentResult: ResolversUnionTypes<ResolversParentTypes>['ConfirmShipmentResult'];
  DateTime: Scalars['DateTime']['output'];
  InvalidCarrierChargeError: InvalidCarrierChargeError;
  InvalidMilestoneError: InvalidMilestoneError;
  InvalidShipmentError: InvalidShipmentError;
  Milestone: MilestoneRecord;
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
  MilestoneConnection: Omit<MilestoneConnection, 'edges'> & { edges: Array<ResolversParentTypes['MilestoneEdge']> };
  MilestoneEdge: Omit<MilestoneEdge, 'node'> & { node: ResolversParentTypes['Milestone'] };
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Order: Reference;
  PageInfo: PageInfo;
  ParkedMilestone: ParkedMilestone;
  ParkedMilestoneConnection: ParkedMilestoneConnection;
  ParkedMilestoneEdge: ParkedMilestoneEdge;
  ProofOfDelivery: ProofOfDelivery;
  QuantityExceedsOrderedError: QuantityExceedsOrderedError;
  Query: Record<PropertyKey, never>;
  RecordCarrierChargeInput: RecordCarrierChargeInput;
  RecordCarrierChargeResult: ResolversUnionTypes<ResolversParentTypes>['RecordCarrierChargeResult'];
  RecordMilestoneInput: RecordMilestoneInput;
  RecordMilestoneResult: ResolversUnionTypes<ResolversParentTypes>['RecordMilestoneResult'];
  Shipment: ShipmentRecord;
  ShipmentConnection: Omit<ShipmentConnection, 'edges'> & { edges: Array<ResolversParentTypes['ShipmentEdge']> };
  ShipmentEdge: Omit<ShipmentEdge, 'node'> & { node: ResolversParentTypes['Shipment'] };
  ShipmentLine: ShipmentLine;
  ShipmentLineInput: ShipmentLineInput;
  ShipmentNotVoidableError: ShipmentNotVoidableError;
  UnknownOrderError: UnknownOrderError;
  UnknownShipmentError: UnknownShipmentError;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  VoidShipmentInput: VoidShipmentInput;
  VoidShipmentResult: ResolversUnionTypes<ResolversParentTypes>['VoidShipmentResult'];
};

export type CarrierChargeResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['CarrierCharge'] = ResolversParentTypes['CarrierCharge']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  carrier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  carrierChargeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  shipment?: Resolver<ResolversTypes['Shipment'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['CarrierChargeType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CarrierChargeConnectionResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['CarrierChargeConnection'] = ResolversParentTypes['CarrierChargeConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CarrierChargeEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type CarrierChargeEdgeResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['CarrierChargeEdge'] = ResolversParentTypes['CarrierChargeEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CarrierCharge'], ParentType, ContextType>;
};

export type ConfirmShipmentResultResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['ConfirmShipmentResult'] = ResolversParentTypes['ConfirmShipmentResult']> = {
  __resolveType?: TypeResolveFn<'InvalidShipmentError' | 'QuantityExceedsOrderedError' | 'Shipment' | 'UnknownOrderError', ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type InvalidCarrierChargeErrorResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['InvalidCarrierChargeError'] = ResolversParentTypes['InvalidCarrierChargeError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InvalidMilestoneErrorResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['InvalidMilestoneError'] = ResolversParentTypes['InvalidMilestoneError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type InvalidShipmentErrorResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['InvalidShipmentError'] = ResolversParentTypes['InvalidShipmentError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MilestoneResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['Milestone'] = ResolversParentTypes['Milestone']> = {
  deliveredQuantity?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  late?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  photoReference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reasonCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  signedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['MilestoneType'], ParentType, ContextType>;
};

export type MilestoneConnectionResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['MilestoneConnection'] = ResolversParentTypes['MilestoneConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MilestoneEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MilestoneEdgeResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['MilestoneEdge'] = ResolversParentTypes['MilestoneEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Milestone'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  confirmShipment?: Resolver<ResolversTypes['ConfirmShipmentResult'], ParentType, ContextType, RequireFields<MutationConfirmShipmentArgs, 'input'>>;
  confirmShipments?: Resolver<Array<ResolversTypes['ConfirmShipmentResult']>, ParentType, ContextType, RequireFields<MutationConfirmShipmentsArgs, 'inputs'>>;
  recordCarrierCharge?: Resolver<ResolversTypes['RecordCarrierChargeResult'], ParentType, ContextType, RequireFields<MutationRecordCarrierChargeArgs, 'input'>>;
  recordMilestone?: Resolver<ResolversTypes['RecordMilestoneResult'], ParentType, ContextType, RequireFields<MutationRecordMilestoneArgs, 'input'>>;
  voidShipment?: Resolver<ResolversTypes['VoidShipmentResult'], ParentType, ContextType, RequireFields<MutationVoidShipmentArgs, 'input'>>;
};

export type OrderResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  shipments?: Resolver<ResolversTypes['ShipmentConnection'], ParentType, ContextType, Partial<OrderShipmentsArgs>>;
};

export type PageInfoResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ParkedMilestoneResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['ParkedMilestone'] = ResolversParentTypes['ParkedMilestone']> = {
  carrier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  parkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  trackingNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['MilestoneType'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ParkedMilestoneConnectionResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['ParkedMilestoneConnection'] = ResolversParentTypes['ParkedMilestoneConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ParkedMilestoneEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ParkedMilestoneEdgeResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['ParkedMilestoneEdge'] = ResolversParentTypes['ParkedMilestoneEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ParkedMilestone'], ParentType, ContextType>;
};

export type ProofOfDeliveryResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['ProofOfDelivery'] = ResolversParentTypes['ProofOfDelivery']> = {
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  photoReference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  signedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QuantityExceedsOrderedErrorResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['QuantityExceedsOrderedError'] = ResolversParentTypes['QuantityExceedsOrderedError']> = {
  alreadyShipped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cancelled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ordered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  parkedMilestones?: Resolver<ResolversTypes['ParkedMilestoneConnection'], ParentType, ContextType, Partial<QueryParkedMilestonesArgs>>;
  shipment?: Resolver<Maybe<ResolversTypes['Shipment']>, ParentType, ContextType, RequireFields<QueryShipmentArgs, 'id'>>;
  shipments?: Resolver<ResolversTypes['ShipmentConnection'], ParentType, ContextType, RequireFields<QueryShipmentsArgs, 'orderId'>>;
  shipmentsByTrackingNumber?: Resolver<Array<ResolversTypes['Shipment']>, ParentType, ContextType, RequireFields<QueryShipmentsByTrackingNumberArgs, 'trackingNumber'>>;
};

export type RecordCarrierChargeResultResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['RecordCarrierChargeResult'] = ResolversParentTypes['RecordCarrierChargeResult']> = {
  __resolveType?: TypeResolveFn<'CarrierCharge' | 'InvalidCarrierChargeError' | 'UnknownShipmentError', ParentType, ContextType>;
};

export type RecordMilestoneResultResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['RecordMilestoneResult'] = ResolversParentTypes['RecordMilestoneResult']> = {
  __resolveType?: TypeResolveFn<'InvalidMilestoneError' | 'ParkedMilestone' | 'Shipment' | 'UnknownShipmentError', ParentType, ContextType>;
};

export type ShipmentResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['Shipment'] = ResolversParentTypes['Shipment'], FederationReferenceType extends FederationReferenceTypes['Shipment'] = FederationReferenceTypes['Shipment']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Shipment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  carrier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  charges?: Resolver<ResolversTypes['CarrierChargeConnection'], ParentType, ContextType, Partial<ShipmentChargesArgs>>;
  fulfilmentCost?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['ShipmentLine']>, ParentType, ContextType>;
  milestones?: Resolver<ResolversTypes['MilestoneConnection'], ParentType, ContextType, Partial<ShipmentMilestonesArgs>>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  proofOfDelivery?: Resolver<Maybe<ResolversTypes['ProofOfDelivery']>, ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shippedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  shippingCharge?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShipmentStatus'], ParentType, ContextType>;
  trackingNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  voidReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  voidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  warehouse?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ShipmentConnectionResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['ShipmentConnection'] = ResolversParentTypes['ShipmentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ShipmentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ShipmentEdgeResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['ShipmentEdge'] = ResolversParentTypes['ShipmentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Shipment'], ParentType, ContextType>;
};

export type ShipmentLineResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['ShipmentLine'] = ResolversParentTypes['ShipmentLine']> = {
  lineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ShipmentNotVoidableErrorResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['ShipmentNotVoidableError'] = ResolversParentTypes['ShipmentNotVoidableError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shipmentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShipmentStatus'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UnknownOrderErrorResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['UnknownOrderError'] = ResolversParentTypes['UnknownOrderError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UnknownShipmentErrorResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['UnknownShipmentError'] = ResolversParentTypes['UnknownShipmentError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shipmentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  __resolveType?: TypeResolveFn<'InvalidCarrierChargeError' | 'InvalidMilestoneError' | 'InvalidShipmentError' | 'QuantityExceedsOrderedError' | 'ShipmentNotVoidableError' | 'UnknownOrderError' | 'UnknownShipmentError', ParentType, ContextType>;
};

export type VoidShipmentResultResolvers<ContextType = ShipmentsContext, ParentType extends ResolversParentTypes['VoidShipmentResult'] = ResolversParentTypes['VoidShipmentResult']> = {
  __resolveType?: TypeResolveFn<'InvalidShipmentError' | 'Shipment' | 'ShipmentNotVoidableError' | 'UnknownShipmentError', ParentType, ContextType>;
};

export type Resolvers<ContextType = ShipmentsContext> = {
  CarrierCharge?: CarrierChargeResolvers<ContextType>;
  CarrierChargeConnection?: CarrierChargeConnectionResolvers<ContextType>;
  CarrierChargeEdge?: CarrierChargeEdgeResolvers<ContextType>;
  ConfirmShipmentResult?: ConfirmShipmentResultResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  InvalidCarrierChargeError?: InvalidCarrierChargeErrorResolvers<ContextType>;
  InvalidMilestoneError?: InvalidMilestoneErrorResolvers<ContextType>;
  InvalidShipmentError?: InvalidShipmentErrorResolvers<ContextType>;
  Milestone?: MilestoneResolvers<ContextType>;
  MilestoneConnection?: MilestoneConnectionResolvers<ContextType>;
  MilestoneEdge?: MilestoneEdgeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ParkedMilestone?: ParkedMilestoneResolvers<ContextType>;
  ParkedMilestoneConnection?: ParkedMilestoneConnectionResolvers<ContextType>;
  ParkedMilestoneEdge?: ParkedMilestoneEdgeResolvers<ContextType>;
  ProofOfDelivery?: ProofOfDeliveryResolvers<ContextType>;
  QuantityExceedsOrderedError?: QuantityExceedsOrderedErrorResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecordCarrierChargeResult?: RecordCarrierChargeResultResolvers<ContextType>;
  RecordMilestoneResult?: RecordMilestoneResultResolvers<ContextType>;
  Shipment?: ShipmentResolvers<ContextType>;
  ShipmentConnection?: ShipmentConnectionResolvers<ContextType>;
  ShipmentEdge?: ShipmentEdgeResolvers<ContextType>;
  ShipmentLine?: ShipmentLineResolvers<ContextType>;
  ShipmentNotVoidableError?: ShipmentNotVoidableErrorResolvers<ContextType>;
  UnknownOrderError?: UnknownOrderErrorResolvers<ContextType>;
  UnknownShipmentError?: UnknownShipmentErrorResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  VoidShipmentResult?: VoidShipmentResultResolvers<ContextType>;
};

