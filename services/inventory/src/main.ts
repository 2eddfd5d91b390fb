import { main } from "@waybill/service";
import { inventoryConfig } from "./config.ts";
import { inventoryService } from "./server.ts";

await main(inventoryService(inventoryConfig()));
