/** One condition of a search: `field` `condition` `value` (eq, gteq, in, ...). */
export type Filter = { field: string; value: string; condition: "eq" | "gteq" | "gt" | "in" };

/**
 * A search of a `getList` endpoint: its filter groups ANDed; a group is one filter, or several
 * ORed (the REST API can say (A or B) and C, never (A and B) or C).
 */
export type SearchCriteria = {
  filters: readonly (Filter | readonly Filter[])[];
  sortOrders?: readonly { field: string; direction: "ASC" | "DESC" }[];
  pageSize?: number;
  currentPage?: number;
};

/**
 * A search as the `searchCriteria` query string the REST API's `getList` endpoints read
 * (`searchCriteria[filter_groups][0][filters][0][field]=...`); a page is 1-based.
 */
export function searchQuery(criteria: SearchCriteria): string {
  const params = new URLSearchParams();
  criteria.filters.forEach((entry, group) => {
    const filters: readonly Filter[] = "field" in entry ? [entry] : entry;
    filters.forEach((filter, index) => {
      const prefix = `searchCriteria[filter_groups][${group}][filters][${index}]`;
      params.append(`${prefix}[field]`, filter.field);
      params.append(`${prefix}[value]`, filter.value);
      params.append(`${prefix}[condition_type]`, filter.condition);
    });
  });
  (criteria.sortOrders ?? []).forEach((order, index) => {
    params.append(`searchCriteria[sortOrders][${index}][field]`, order.field);
    params.append(`searchCriteria[sortOrders][${index}][direction]`, order.direction);
  });
  if (criteria.pageSize !== undefined)
    params.append("searchCriteria[pageSize]", String(criteria.pageSize));
  if (criteria.currentPage !== undefined)
    params.append("searchCriteria[currentPage]", String(criteria.currentPage));
  // Magento's own tools write the brackets as they are; both forms are read alike.
  return params.toString().replace(/%5B/g, "[").replace(/%5D/g, "]");
}

/** What a `getList` endpoint answers: a page of items and the count of all that match. */
export type SearchResult<T> = { items: T[]; total_count: number };
