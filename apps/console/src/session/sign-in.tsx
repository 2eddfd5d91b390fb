import { useId, useState, type FormEvent } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { ErrorNotice } from "../ui/states.tsx";
import { useSession, type SignInFailure } from "./session.tsx";

/**
 * Signs in with what the gateway accepts as a bearer credential: an API key (`wb_…`) or a JWT from
 * the identity provider it trusts. The gateway checks it; nothing is decided here.
 */
export function SignIn() {
  const { viewer, signIn } = useSession();
  const location = useLocation();
  const [credential, setCredential] = useState("");
  const [failure, setFailure] = useState<SignInFailure | undefined>();
  const [busy, setBusy] = useState(false);
  const hintId = useId();
  if (viewer) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from ?? "/"} replace />;
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(await signIn(credential));
    setBusy(false);
  };
  return (
    <main id="main" className="sign-in">
      <h1>Sign in to Waybill</h1>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor="credential">API key or token</label>
        <input
          id="credential"
          name="credential"
          type="password"
          autoComplete="off"
          required
          aria-describedby={hintId}
          value={credential}
          onChange={(event) => setCredential(event.target.value)}
        />
        <p id={hintId} className="hint">
          An API key from your administrator, or a token from your identity provider. It is kept in
          this tab only.
        </p>
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {failure && <ErrorNotice error={failure} />}
    </main>
  );
}
