import { main } from "@waybill/service";
import { returnsService } from "./server.ts";

await main(returnsService);
