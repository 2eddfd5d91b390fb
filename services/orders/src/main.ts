import { main } from "@waybill/service";
import { ordersService } from "./server.ts";

await main(ordersService);
