import { main } from "@waybill/service";
import { billingService } from "./server.ts";

await main(billingService);
