import type { SalesforceClient } from "./client.ts";

/** A SOQL string literal: quotes and backslashes escaped as SOQL reads them. */
export const soqlString = (value: string) => `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;

type QueryPage<T> = { done: boolean; nextRecordsUrl?: string; records: T[] };

/**
 * Runs a SOQL query and hands over each batch as it arrives, following `nextRecordsUrl` until
 * `done`; `onPage` may stop early by returning false.
 */
export async function queryPages<T>(
  client: SalesforceClient,
  soql: string,
  onPage: (records: T[]) => Promise<boolean>,
): Promise<void> {
  let path: string | undefined = `/query?q=${encodeURIComponent(soql)}`;
  while (path) {
    const { json } = await client.send("GET", path);
    const page = json as QueryPage<T>;
    if (!(await onPage(page.records))) return;
    path = page.done ? undefined : page.nextRecordsUrl;
  }
}

/** Every record a SOQL query answers, all batches. */
export async function queryAll<T>(client: SalesforceClient, soql: string): Promise<T[]> {
  const records: T[] = [];
  await queryPages<T>(client, soql, (page) => {
    records.push(...page);
    return Promise.resolve(true);
  });
  return records;
}
