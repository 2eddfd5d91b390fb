import { main } from "@waybill/runtime";
import { ordersService } from "./server.ts";

await main(ordersService);
