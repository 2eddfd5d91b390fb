import { boundPort, closeServer, createLogger, listen, withTraceContext } from "@waybill/runtime";
import { gatewayConfig } from "./config.ts";
import { createGateway } from "./server.ts";

const config = gatewayConfig();
const logger = createLogger("gateway", config.LOG_LEVEL);
const gateway = await createGateway(config, logger);
const server = await listen(withTraceContext(gateway.handler), config.PORT, config.HOST);
logger.info({ port: boundPort(server) }, "gateway listening");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void closeServer(server)
      .then(() => gateway.stop())
      .then(() => process.exit(0));
  });
}
