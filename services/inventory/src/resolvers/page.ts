import { codedError } from "@waybill/graphql";

/** A list's `first` argument, checked: 1 to 500. */
export function pageSize(first: number | null | undefined, fallback: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > 500)
    throw codedError("BAD_USER_INPUT", "first must be between 1 and 500");
  return size;
}
