import { main } from "@waybill/service";
import { shipmentsService } from "./server.ts";

await main(shipmentsService);
