import { main } from "@waybill/runtime";
import { inventoryConfig } from "./config.ts";
import { inventoryService } from "./server.ts";

await main(inventoryService(inventoryConfig()));
