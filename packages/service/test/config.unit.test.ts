import { ConfigError, readConfig } from "@waybill/config";
import { describe, expect, it } from "vitest";
import { serviceEnv } from "../src/config.ts";

const base = { PORT: "4004", NATS_URL: "nats://nats:4222" };

describe("service configuration: NATS_STREAM_REPLICAS", () => {
  it("keeps one copy of each stream unless told otherwise", () => {
    expect(readConfig(serviceEnv, base).NATS_STREAM_REPLICAS).toBe(1);
  });

  it("takes 3 or 5 copies for a cluster", () => {
    for (const count of [1, 3, 5])
      expect(
        readConfig(serviceEnv, { ...base, NATS_STREAM_REPLICAS: String(count) })
          .NATS_STREAM_REPLICAS,
      ).toBe(count);
  });

  it("refuses an even or out-of-range count, naming the variable", () => {
    for (const count of ["2", "4", "0", "7", "three"])
      expect(() => readConfig(serviceEnv, { ...base, NATS_STREAM_REPLICAS: count }), count).toThrow(
        ConfigError,
      );
    expect(() => readConfig(serviceEnv, { ...base, NATS_STREAM_REPLICAS: "2" })).toThrow(
      /NATS_STREAM_REPLICAS/,
    );
  });
});

describe("service configuration: MONGODB_URL", () => {
  it("takes a replica set's seed list, which is no WHATWG URL", () => {
    const url = "mongodb://mongo:27017,mongo-2:27017,mongo-3:27017/?replicaSet=rs0&w=majority";
    expect(readConfig(serviceEnv, { ...base, MONGODB_URL: url }).MONGODB_URL).toBe(url);
    const srv = "mongodb+srv://waybill:secret@cluster0.example.net/?w=majority";
    expect(readConfig(serviceEnv, { ...base, MONGODB_URL: srv }).MONGODB_URL).toBe(srv);
  });

  it("refuses what is not a MongoDB connection string, naming the variable", () => {
    for (const url of ["http://mongo:27017", "mongo:27017", "mongodb://"])
      expect(() => readConfig(serviceEnv, { ...base, MONGODB_URL: url }), url).toThrow(
        /MONGODB_URL/,
      );
  });
});
