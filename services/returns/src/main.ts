import { main } from "@waybill/runtime";
import { returnsService } from "./server.ts";

await main(returnsService);
