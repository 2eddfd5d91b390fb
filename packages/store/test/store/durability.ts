/** Contract: committed data survives closing the store and, embedded, a `kill -9` of the process. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { expect, it } from "vitest";
import { freshStore, type Adapter } from "./harness.ts";

const WRITER = fileURLToPath(new URL("../fixtures/store-writer.ts", import.meta.url));

export function durabilityContract(adapter: Adapter): void {
  it("keeps documents and indexes across close and reopen", async () => {
    const fixture = await freshStore(adapter);
    const at = new Date("2025-03-04T05:06:07.089Z");
    const users = fixture.store.collection("users");
    await users.createIndex({ keys: { email: 1 }, unique: true });
    await users.insertOne({ _id: "u1", email: "a@x", tags: ["vip"], at });
    const reopened = (await fixture.reopen()).collection("users");
    expect(await reopened.findOne({ tags: "vip" })).toEqual({
      _id: "u1",
      email: "a@x",
      tags: ["vip"],
      at,
    });
    expect(await reopened.findOne({ at })).toMatchObject({ _id: "u1" });
    await expect(reopened.insertOne({ _id: "u2", email: "a@x" })).rejects.toMatchObject({
      code: 11000,
    });
  });

  it.runIf(adapter.name === "embedded")(
    "keeps every acknowledged commit when the process is killed with SIGKILL",
    async () => {
      const fixture = await freshStore(adapter);
      await fixture.store.close(); // the child process owns the database until it dies
      const child = spawn(process.execPath, [WRITER, fixture.dataDir, fixture.database], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on("exit", (_code, signal) => resolve(signal)),
      );
      const acknowledged: string[] = [];
      for await (const line of createInterface({ input: child.stdout })) {
        acknowledged.push(line);
        if (acknowledged.length === 200) child.kill("SIGKILL");
      }
      expect(await exited, `writer died before it was killed: ${stderr}`).toBe("SIGKILL");
      expect(acknowledged.length).toBeGreaterThanOrEqual(200);

      const store = await fixture.reopen();
      const [orders, outbox] = [store.collection("orders"), store.collection("outbox")];
      const stored = new Set((await orders.find({})).map((doc) => doc._id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      // Each commit wrote to both collections: none may be half there.
      expect(await outbox.countDocuments({})).toBe(stored.size);
    },
  );
}
