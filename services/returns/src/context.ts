import type { ServiceRuntime } from "@waybill/runtime";
import {
  returnsRepository,
  type ReturnsLoaders,
  type ReturnsRepository,
} from "./store/repository.ts";

/** What every returns resolver receives. */
export interface ReturnsContext {
  runtime: ServiceRuntime;
  repo: ReturnsRepository;
  loaders: ReturnsLoaders;
}

export function createContext(runtime: ServiceRuntime): ReturnsContext {
  const repo = returnsRepository(runtime.store);
  return { runtime, repo, loaders: repo.loaders() };
}
