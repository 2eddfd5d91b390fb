import { main } from "@waybill/runtime";
import { billingService } from "./server.ts";

await main(billingService);
