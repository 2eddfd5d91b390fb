// `npm run reconcile -- --from 2026-11-01 --to 2026-12-01 [--json]`: the reconciliation report of
// the orders placed in [from, to), through the running gateway, as a table or as JSON.
import { parseArgs } from "node:util";
import { call } from "./gateway-client.ts";

const REPORT = `query Reconciliation($from: DateTime!, $to: DateTime!) {
  reconciliation(from: $from, to: $to) {
    from to generatedAt
    orders {
      order { id } placedAt charged { amount currency }
      lines {
        lineId sku ordered cancelled reserved backordered shipped invoiced toInvoice returned credited
        movements { kind quantity }
      }
    }
    discrepancies { key kind order { id } lineId reference detail owner healable }
    exceptions { id kind owner order { id } lineId reference detail raisedAt }
  }
}`;

type Line = {
  lineId: string;
  sku: string;
  movements: { kind: string; quantity: number }[];
} & Record<(typeof FIGURES)[number], number>;
type Report = {
  from: string;
  to: string;
  generatedAt: string;
  orders: {
    order: { id: string };
    charged: { amount: string; currency: string } | null;
    lines: Line[];
  }[];
  discrepancies: {
    kind: string;
    order: { id: string };
    detail: string;
    owner: string;
    healable: boolean;
  }[];
  exceptions: { id: string; kind: string; owner: string; detail: string }[];
};

const FIGURES = [
  "ordered",
  "cancelled",
  "reserved",
  "shipped",
  "invoiced",
  "toInvoice",
  "returned",
  "credited",
] as const;

/** A date or an instant; a bare date is midnight UTC. */
function instant(value: string | undefined, name: string): string {
  const parsed = value ? new Date(value) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime()))
    throw new Error(`--${name} must be a date or an instant (2026-11-01, 2026-11-01T12:00:00Z)`);
  return parsed.toISOString();
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ")).join("\n");
}

const { values } = parseArgs({
  options: { from: { type: "string" }, to: { type: "string" }, json: { type: "boolean" } },
});
const { reconciliation: report } = await call<{ reconciliation: Report }>(REPORT, {
  from: instant(values.from, "from"),
  to: instant(values.to, "to"),
});
if (values.json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const header = ["order", "line", "sku", ...FIGURES, "movements", "charged"];
  const rows = report.orders.flatMap((order) =>
    order.lines.map((line) => [
      order.order.id,
      line.lineId,
      line.sku,
      ...FIGURES.map((figure) => String(line[figure])),
      line.movements.map((m) => `${m.kind} ${m.quantity}`).join(", "),
      order.charged ? `${order.charged.amount} ${order.charged.currency}` : "",
    ]),
  );
  console.log(`Orders placed from ${report.from} to ${report.to} (as of ${report.generatedAt})\n`);
  console.log(rows.length ? table([header, ...rows]) : "No orders in the period.");
  console.log(`\n${report.discrepancies.length} discrepancies`);
  for (const d of report.discrepancies)
    console.log(
      `  ${d.kind}  ${d.order.id}  ${d.owner}${d.healable ? " (healable)" : ""}  ${d.detail}`,
    );
  console.log(`${report.exceptions.length} handed to their owner`);
  for (const e of report.exceptions) console.log(`  ${e.kind}  ${e.owner}  ${e.detail}  [${e.id}]`);
}
