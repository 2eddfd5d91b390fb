import { setTimeout as sleep } from "node:timers/promises";
import type { ParseOptions } from "graphql";
import type { Principal } from "@waybill/auth";
import { HttpError } from "@waybill/http";
import type { Logger } from "@waybill/observability";
import type { IdempotencyRecords, StoredResponse } from "./records.ts";
import { keyedMutation, REPLAYED_HEADER, requestHash } from "./request.ts";

/** A GraphQL answer as sent over HTTP. */
export interface GraphQLAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What the gateway counts: answers replayed, and keys refused (reused, or still in progress). */
export type IdempotencyOutcome = "replayed" | "reused" | "in_progress";

interface Options {
  records: IdempotencyRecords;
  parseOptions: ParseOptions;
  logger: Logger;
  count?: (outcome: IdempotencyOutcome) => void;
  /** How long a request waits for another holding its key before 409; 10 s by default. */
  waitMs?: number;
}

const POLL_MS = 50;

/**
 * Runs a mutation that carries an idempotency key at most once per principal and key. The first
 * request claims the key in the store; its answer is kept when execution began (the body has
 * `data`, even with errors) and given back up to the TTL; when it ended before execution (invalid
 * document, limits, variables) the key is released. A request with the same key and the same
 * hash waits for the first and replays its answer; with another hash it is refused (422).
 * Queries and requests without a key just run.
 */
export function idempotentExecution(options: Options) {
  const { records, logger } = options;
  const waitMs = options.waitMs ?? 10_000;
  const count = options.count ?? (() => undefined);

  const replay = (response: StoredResponse): GraphQLAnswer => {
    count("replayed");
    return {
      status: response.status,
      headers: { "content-type": response.contentType, [REPLAYED_HEADER]: "true" },
      body: response.body,
    };
  };

  const runClaimed = async (
    subject: string,
    key: string,
    claim: string,
    execute: () => Promise<GraphQLAnswer>,
  ): Promise<GraphQLAnswer> => {
    let answer: GraphQLAnswer;
    try {
      answer = await execute();
    } catch (error) {
      await records.release(subject, key, claim);
      throw error;
    }
    try {
      if (!executionBegan(answer.body)) await records.release(subject, key, claim);
      else
        await records.complete(subject, key, claim, {
          status: answer.status,
          contentType: answer.headers["content-type"] ?? "application/json; charset=utf-8",
          body: answer.body,
        });
    } catch (error) {
      // The mutation ran: answer it. Retries see the key in progress until it expires.
      logger.error({ err: error }, "could not keep the answer to an idempotency key");
    }
    return answer;
  };

  return async (
    principal: Principal,
    key: string | undefined,
    body: unknown,
    execute: () => Promise<GraphQLAnswer>,
  ): Promise<GraphQLAnswer> => {
    const mutation = key === undefined ? undefined : keyedMutation(body, options.parseOptions);
    if (key === undefined || !mutation) return execute();
    const hash = requestHash(mutation);
    const { subject } = principal;
    const deadline = Date.now() + waitMs;
    for (;;) {
      const outcome = await records.claim(subject, key, hash);
      if (outcome.claimed) return runClaimed(subject, key, outcome.claim, execute);
      let record: typeof outcome.record | null = outcome.record;
      while (record?.state === "in_progress" && record.requestHash === hash) {
        if (Date.now() >= deadline) {
          count("in_progress");
          throw new HttpError(
            409,
            "IDEMPOTENCY_KEY_IN_PROGRESS",
            "a request with this idempotency key is still being processed; retry later",
            { "retry-after": "1" },
          );
        }
        await sleep(POLL_MS);
        record = await records.find(subject, key);
      }
      // Released (it never executed) or expired while we waited: claim it afresh.
      if (!record) continue;
      if (record.requestHash !== hash) {
        count("reused");
        throw new HttpError(
          422,
          "IDEMPOTENCY_KEY_REUSED",
          "this idempotency key was used for a different request; use a new key",
        );
      }
      if (record.response) return replay(record.response);
      throw new Error("a completed idempotency record has no response");
    }
  };
}

/** A GraphQL response with a `data` entry: execution began (GraphQL over HTTP, request errors). */
function executionBegan(body: string): boolean {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === "object" && parsed !== null && "data" in parsed;
  } catch {
    return false;
  }
}
