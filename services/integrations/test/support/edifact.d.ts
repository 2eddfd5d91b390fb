// The `edifact` package (node-edifact) ships no types: the part of its Reader the tests use.
declare module "edifact" {
  /** Parses a UN/EDIFACT interchange into segments, validating them against its definitions. */
  export class Reader {
    constructor(config?: { autoDetectEncoding?: boolean });
    /** Each segment's elements, each element its components. */
    parse(document: string): { name: string; elements: string[][] }[];
  }
}
