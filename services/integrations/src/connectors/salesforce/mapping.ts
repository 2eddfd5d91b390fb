import { z } from "zod";

/** A User (005) or Queue (00G) id, 15 or 18 characters: what Case.OwnerId takes. */
const ownerId = z
  .string()
  .regex(
    /^00[5G][A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/,
    "must be a User (005...) or Queue (00G...) id",
  );

const fieldName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*__c$/, "must be a custom field's API name (Name__c)");

const picklist = z.string().min(1).max(255);

/**
 * How Waybill's service cases become the org's Cases, per tenant. An assignee without an owner
 * parks the case's change for master data; nothing is guessed.
 */
export const salesforceMapping = z
  .object({
    /** Waybill's case status → the Case Status picklist value it is sent as. */
    statuses: z.object({ OPEN: picklist, RESOLVED: picklist }).strict(),
    /**
     * Case Status values that mean an agent resolved the case in Salesforce: a Case changed to one
     * of them resolves the Waybill case (with `Waybill_Resolution__c` as the resolution).
     */
    closedStatuses: z.array(picklist).min(1),
    /** Waybill assignee → the User or Queue that owns the Case. */
    owners: z.record(z.string().min(1), ownerId),
    /** The owner of cases nobody is assigned to yet; the org's assignment rules when absent. */
    unassignedOwner: ownerId.optional(),
    /** Case Origin picklist value for cases from Waybill. */
    origin: picklist.optional(),
    /** Waybill case kind (CARRIER_EXCEPTION, ...) → Case Type picklist value. */
    types: z.record(z.string().min(1), picklist).default({}),
    /**
     * Custom Case fields the org has for the shipment context (beside the Description, which
     * always carries it): each one named is filled.
     */
    contextFields: z
      .object({
        carrier: fieldName.optional(),
        trackingNumber: fieldName.optional(),
        shipmentStatus: fieldName.optional(),
        invoiceNumber: fieldName.optional(),
        invoiceStatus: fieldName.optional(),
        orderReference: fieldName.optional(),
      })
      .strict()
      .default({}),
  })
  .strict()
  .refine((mapping) => mapping.closedStatuses.includes(mapping.statuses.RESOLVED), {
    message: "closedStatuses must include statuses.RESOLVED",
    path: ["closedStatuses"],
  });

export type SalesforceMapping = z.infer<typeof salesforceMapping>;
