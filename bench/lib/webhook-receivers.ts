// Run as a child process by bench/webhook-fanout.ts: `count` webhook receivers on free loopback
// ports, answering 204 at once, so that they do not share the sender's event loop. Prints the
// ports as one JSON line and serves until killed.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const count = Number(process.argv[2] ?? "100");
const ports: number[] = [];
for (let index = 0; index < count; index += 1) {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(204).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  ports.push((server.address() as AddressInfo).port);
}
process.stdout.write(`${JSON.stringify(ports)}\n`);
