import { z } from "zod";

/**
 * A MongoDB connection string. Not a WHATWG URL: a replica set's seed list names several hosts
 * (`mongodb://mongo:27017,mongo-2:27017/?replicaSet=rs0`), which `new URL` refuses.
 */
export const mongodbUrl = z
  .string()
  .regex(
    /^mongodb(\+srv)?:\/\/[^\s/]+(\/\S*)?$/,
    "a mongodb:// or mongodb+srv:// connection string, for example mongodb://mongo:27017/?replicaSet=rs0",
  );
