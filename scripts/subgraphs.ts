/** The services and their subgraphs, their default ports and the URLs the composed supergraph names. */
export const SUBGRAPHS = [
  { name: "orders", port: 4001 },
  { name: "shipments", port: 4002 },
  { name: "inventory", port: 4003 },
  { name: "billing", port: 4004 },
  { name: "returns", port: 4005 },
  { name: "integrations", port: 4006 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]["name"];

export const GATEWAY_PORT = 4000;

export const defaultUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;
