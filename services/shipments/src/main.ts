import { main } from "@waybill/service";
import { shipmentsConfig } from "./config.ts";
import { shipmentsService } from "./server.ts";

await main(shipmentsService(shipmentsConfig()));
