import { main } from "@waybill/service";
import { integrationsService } from "./server.ts";

await main(integrationsService);
