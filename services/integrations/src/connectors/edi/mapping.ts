import { z } from "zod";

const text = (max: number) => z.string().min(1).max(max);
/** X12 and EDIFACT both forbid their separators in data; ids stay plain. */
const code = (max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9 ._/-]+$/, "letters, digits, space and . _ / - only")
    .max(max);

/** How the partner identifies one SKU: X12 product/service id qualifiers (LIN, IT1). */
const identifier = z
  .object({
    /** BP buyer's part number, IN buyer's item number, UP UPC, EN EAN, VN vendor's item number. */
    qualifier: z.enum(["BP", "IN", "UP", "EN", "VN"]),
    id: code(48),
  })
  .strict();

const common = {
  /** The partner's name in file names and the key of its control-number counter. */
  partner: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "1-32 letters, digits, _ or -"),
  /** Where interchanges are written, each atomically (temp file, then rename). */
  outbound: z.object({ directory: text(4096) }).strict(),
  /** SKU → the identifiers the partner wants on every line of that item, in that order. */
  items: z.record(text(64), z.array(identifier).min(1)),
  /** `shipping` and carrier charge types (LIFTGATE, ...) → SAC02 / ALC code the partner reads. */
  charges: z.record(text(64), code(10)),
};

const x12Partner = z
  .object({
    format: z.literal("x12"),
    ...common,
    isa: z
      .object({
        senderQualifier: code(2).length(2),
        senderId: code(15),
        receiverQualifier: code(2).length(2),
        receiverId: code(15),
        /** ISA15: production or test. */
        usage: z.enum(["P", "T"]),
      })
      .strict(),
    gs: z.object({ senderCode: code(15), receiverCode: code(15) }).strict(),
    /** CDD01 adjustment reason codes (code list 426) the partner agreed for 812s. */
    adjustmentReasons: z.object({ credit: code(2), debit: code(2) }).strict(),
    /** Where the partner's 997 functional acknowledgements arrive. */
    inbound: z.object({ directory: text(4096) }).strict(),
  })
  .strict();

const edifactPartner = z
  .object({
    format: z.literal("edifact"),
    ...common,
    unb: z
      .object({
        senderId: code(35),
        senderQualifier: code(4).optional(),
        receiverId: code(35),
        receiverQualifier: code(4).optional(),
        /** UNB0035: 1 marks a test interchange. */
        test: z.boolean(),
      })
      .strict(),
  })
  .strict();

export const ediPartner = z.discriminatedUnion("format", [x12Partner, edifactPartner]);

/**
 * Trading partners as data, per Waybill customer id. A customer with no entry does not trade by
 * EDI: its documents are skipped, not parked.
 */
export const ediMapping = z
  .object({
    partners: z.record(text(64), ediPartner),
  })
  .strict();

export type EdiMapping = z.infer<typeof ediMapping>;
export type EdiPartner = z.infer<typeof ediPartner>;
export type X12Partner = z.infer<typeof x12Partner>;
export type EdifactPartner = z.infer<typeof edifactPartner>;
export type ItemIdentifier = z.infer<typeof identifier>;
