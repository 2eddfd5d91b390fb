import { main } from "@waybill/runtime";
import { inventoryService } from "./server.ts";

await main(inventoryService);
