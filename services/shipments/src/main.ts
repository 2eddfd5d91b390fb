import { main } from "@waybill/runtime";
import { shipmentsService } from "./server.ts";

await main(shipmentsService);
