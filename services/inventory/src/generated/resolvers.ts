import type { GraphQLResolveInfo } from 'graphql';
import type { ProductRecord } from '../store/records.ts';
import type { InventoryContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

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
  createProduct: CreateProductResult;
  /** Goods received into a warehouse. */
  receiveStock: ReceiveStockResult;
};


export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


export type MutationReceiveStockArgs = {
  input: ReceiveStockInput;
};

/** A stock-keeping unit and its stock in every warehouse. */
export type Product = {
  __typename?: 'Product';
  /** Available to promise across warehouses: on hand minus reserved. */
  available: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  /** On hand across warehouses. */
  onHand: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
  stock: Array<StockLevel>;
};

export type Query = {
  __typename?: 'Query';
  product?: Maybe<Product>;
  products: Array<Product>;
};


export type QueryProductArgs = {
  sku: Scalars['String']['input'];
};


export type QueryProductsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ReceiveStockInput = {
  quantity: Scalars['Int']['input'];
  sku: Scalars['String']['input'];
  warehouse: Scalars['String']['input'];
};

export type ReceiveStockResult = InvalidStockInputError | Product | UnknownProductError;

export type StockLevel = {
  __typename?: 'StockLevel';
  available: Scalars['Int']['output'];
  onHand: Scalars['Int']['output'];
  reserved: Scalars['Int']['output'];
  warehouse: Scalars['String']['output'];
};

export type UnknownProductError = UserError & {
  __typename?: 'UnknownProductError';
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
  Product: Product;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"sku":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
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
};

/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  UserError:
    | ( DuplicateProductError )
    | ( InvalidStockInputError )
    | ( UnknownProductError )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CreateProductInput: CreateProductInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CreateProductResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CreateProductResult']>;
  DuplicateProductError: ResolverTypeWrapper<DuplicateProductError>;
  InvalidStockInputError: ResolverTypeWrapper<InvalidStockInputError>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Product: ResolverTypeWrapper<ProductRecord>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReceiveStockInput: ReceiveStockInput;
  ReceiveStockResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ReceiveStockResult']>;
  StockLevel: ResolverTypeWrapper<StockLevel>;
  UnknownProductError: ResolverTypeWrapper<UnknownProductError>;
  UserError: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['UserError']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CreateProductInput: CreateProductInput;
  String: Scalars['String']['output'];
  CreateProductResult: ResolversUnionTypes<ResolversParentTypes>['CreateProductResult'];
  DuplicateProductError: DuplicateProductError;
  InvalidStockInputError: InvalidStockInputError;
  Mutation: Record<PropertyKey, never>;
  Product: ProductRecord;
  Int: Scalars['Int']['output'];
  Query: Record<PropertyKey, never>;
  ReceiveStockInput: ReceiveStockInput;
  ReceiveStockResult: ResolversUnionTypes<ResolversParentTypes>['ReceiveStockResult'];
  StockLevel: StockLevel;
  UnknownProductError: UnknownProductError;
  UserError: ResolversInterfaceTypes<ResolversParentTypes>['UserError'];
  Boolean: Scalars['Boolean']['output'];
};

export type CreateProductResultResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['CreateProductResult'] = ResolversParentTypes['CreateProductResult']> = {
  __resolveType?: TypeResolveFn<'DuplicateProductError' | 'InvalidStockInputError' | 'Product', ParentType, ContextType>;
};

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
  createProduct?: Resolver<ResolversTypes['CreateProductResult'], ParentType, ContextType, RequireFields<MutationCreateProductArgs, 'input'>>;
  receiveStock?: Resolver<ResolversTypes['ReceiveStockResult'], ParentType, ContextType, RequireFields<MutationReceiveStockArgs, 'input'>>;
};

export type ProductResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  onHand?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stock?: Resolver<Array<ResolversTypes['StockLevel']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryProductArgs, 'sku'>>;
  products?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryProductsArgs, 'first'>>;
};

export type ReceiveStockResultResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['ReceiveStockResult'] = ResolversParentTypes['ReceiveStockResult']> = {
  __resolveType?: TypeResolveFn<'InvalidStockInputError' | 'Product' | 'UnknownProductError', ParentType, ContextType>;
};

export type StockLevelResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockLevel'] = ResolversParentTypes['StockLevel']> = {
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onHand?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warehouse?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UnknownProductErrorResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['UnknownProductError'] = ResolversParentTypes['UnknownProductError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  __resolveType?: TypeResolveFn<'DuplicateProductError' | 'InvalidStockInputError' | 'UnknownProductError', ParentType, ContextType>;
};

export type Resolvers<ContextType = InventoryContext> = {
  CreateProductResult?: CreateProductResultResolvers<ContextType>;
  DuplicateProductError?: DuplicateProductErrorResolvers<ContextType>;
  InvalidStockInputError?: InvalidStockInputErrorResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReceiveStockResult?: ReceiveStockResultResolvers<ContextType>;
  StockLevel?: StockLevelResolvers<ContextType>;
  UnknownProductError?: UnknownProductErrorResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
};

