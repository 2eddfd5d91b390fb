import type { CaseNote } from "../service-cases.ts";
import type { SalesforceClient } from "./client.ts";
import { queryAll, soqlString } from "./query.ts";

/** CaseComment.CommentBody holds 4,000 characters. */
const BODY_MAX = 4_000;

/** The key a comment carries at its end, so a comment sent once is found and not sent again. */
const keyOf = (index: number) => `[Waybill note ${index}]`;
const KEY = /\[Waybill note (\d+)\]\s*$/;

function commentBody(note: CaseNote, index: number): string {
  const tail = `\n\n${note.author}, ${note.at} ${keyOf(index)}`;
  const room = BODY_MAX - tail.length;
  const body = note.body.length > room ? `${note.body.slice(0, room - 1)}…` : note.body;
  return body + tail;
}

/**
 * Sends the case's notes after the first (which is the case's subject) as CaseComments, each
 * once: the Case's comments are looked up first and those already carrying a note's key are not
 * sent again, so a lost answer or a repeated change creates nothing twice. Returns how many were
 * sent.
 */
export async function sendComments(
  client: SalesforceClient,
  parentId: string,
  notes: readonly CaseNote[],
): Promise<number> {
  if (notes.length <= 1) return 0;
  const existing = await queryAll<{ CommentBody: string | null }>(
    client,
    `SELECT Id, CommentBody FROM CaseComment WHERE ParentId = ${soqlString(parentId)}`,
  );
  const sent = new Set(
    existing.flatMap((comment) => {
      const match = KEY.exec(comment.CommentBody ?? "");
      return match ? [Number(match[1])] : [];
    }),
  );
  let count = 0;
  for (const [index, note] of notes.entries()) {
    if (index === 0 || sent.has(index)) continue;
    await client.send("POST", "/sobjects/CaseComment", {
      ParentId: parentId,
      CommentBody: commentBody(note, index),
      IsPublished: false,
    });
    count += 1;
  }
  return count;
}
