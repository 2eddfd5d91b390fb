import { useId, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { formatTime } from "../format/time.ts";
import type { CaseResultFragment, CaseViewFragment } from "../generated/graphql.ts";
import { useSession } from "../session/session.tsx";
import { ErrorNotice } from "../ui/states.tsx";
import { StatusBadge } from "../ui/status.tsx";
import { ASSIGN_CASE, COMMENT_ON_CASE, RESOLVE_CASE } from "./case-documents.ts";

/** A refusal the API answered with as a result (a resolved case, say), shown with its code. */
function refusalOf(result: CaseResultFragment | undefined) {
  return result && result.__typename !== "ServiceCase" && "code" in result
    ? { code: result.code, message: result.message }
    : undefined;
}

/**
 * A case with its notes, and what an agent does with it: assign, comment, resolve. `onChange` reads
 * the cases again after a change the API accepted.
 */
export function CaseCard({
  serviceCase,
  onChange,
}: {
  serviceCase: CaseViewFragment;
  onChange: () => void;
}) {
  const { viewer } = useSession();
  const [assigned, assign] = useMutation(ASSIGN_CASE);
  const [commented, comment] = useMutation(COMMENT_ON_CASE);
  const [resolved, resolve] = useMutation(RESOLVE_CASE);
  const [note, setNote] = useState("");
  const [resolution, setResolution] = useState("");
  const ids = { title: useId(), note: useId(), resolution: useId() };
  const open = serviceCase.status === "OPEN";
  const canWrite = viewer?.scopes.includes("cases:write") ?? false;
  const caseId = serviceCase.id;
  const failure =
    assigned.error ??
    commented.error ??
    resolved.error ??
    refusalOf(assigned.data?.assignServiceCase) ??
    refusalOf(commented.data?.commentOnServiceCase) ??
    refusalOf(resolved.data?.resolveServiceCase);

  const accepted = (result: CaseResultFragment | undefined) => {
    const ok = result?.__typename === "ServiceCase";
    if (ok) onChange();
    return ok;
  };
  const submitAssign = async () => {
    const result = await assign({ caseId, assignee: viewer?.subject ?? "" });
    accepted(result.data?.assignServiceCase);
  };
  const submitNote = async (event: FormEvent) => {
    event.preventDefault();
    const result = await comment({ caseId, author: viewer?.subject ?? "", body: note });
    if (accepted(result.data?.commentOnServiceCase)) setNote("");
  };
  const submitResolution = async (event: FormEvent) => {
    event.preventDefault();
    const result = await resolve({ caseId, resolution });
    accepted(result.data?.resolveServiceCase);
  };
  return (
    <section className="card" aria-labelledby={ids.title}>
      <h3 id={ids.title}>
        {serviceCase.subject} <StatusBadge status={serviceCase.status} />
      </h3>
      <p className="muted">
        {serviceCase.kind.replaceAll("_", " ").toLowerCase()}
        {serviceCase.trackingNumber && `, ${serviceCase.trackingNumber}`}, opened{" "}
        {formatTime(serviceCase.openedAt)}
        {serviceCase.assignee ? `, assigned to ${serviceCase.assignee}` : ", unassigned"}
      </p>
      {serviceCase.resolution && (
        <p>
          Resolved {serviceCase.resolvedAt && formatTime(serviceCase.resolvedAt)}:{" "}
          {serviceCase.resolution}
        </p>
      )}
      {serviceCase.notes.edges.length > 0 && (
        <ul className="notes" aria-label="Notes">
          {serviceCase.notes.edges.map(({ node }, index) => (
            <li key={`${node.at}-${index}`}>
              <strong>{node.author}</strong> <time dateTime={node.at}>{formatTime(node.at)}</time>
              <p>{node.body}</p>
            </li>
          ))}
        </ul>
      )}
      {failure && <ErrorNotice error={failure} />}
      {open && canWrite && (
        <div className="case-actions">
          {serviceCase.assignee !== viewer?.subject && (
            <button type="button" disabled={assigned.fetching} onClick={() => void submitAssign()}>
              Assign to me
            </button>
          )}
          <form onSubmit={(event) => void submitNote(event)}>
            <label htmlFor={ids.note}>Note</label>
            <textarea
              id={ids.note}
              required
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
            <button type="submit" disabled={commented.fetching}>
              Add note
            </button>
          </form>
          <form onSubmit={(event) => void submitResolution(event)}>
            <label htmlFor={ids.resolution}>Resolution</label>
            <input
              id={ids.resolution}
              required
              value={resolution}
              onChange={(event) => setResolution(event.target.value)}
            />
            <button type="submit" disabled={resolved.fetching}>
              Resolve case
            </button>
          </form>
        </div>
      )}
    </section>
  );
}
