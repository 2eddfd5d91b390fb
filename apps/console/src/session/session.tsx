import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { Provider } from "urql";
import { consoleClient, type ConsoleClient } from "../api/client.ts";
import type { ViewerQuery } from "../generated/graphql.ts";
import { storedCredential, storeCredential } from "./credential.ts";
import { VIEWER } from "./viewer.ts";

export type Viewer = ViewerQuery["viewer"];

/** Why signing in failed, with the code the gateway gave. */
export type SignInFailure = { code: string; message: string };

type SessionState = {
  viewer: Viewer | undefined;
  /** The signed-in connection's subscription socket. */
  socket: ConsoleClient["socket"] | undefined;
  /** True while a stored credential is being checked at start-up. */
  restoring: boolean;
  signIn: (credential: string) => Promise<SignInFailure | undefined>;
  signOut: () => void;
};

const SessionContext = createContext<SessionState | undefined>(undefined);

/** Asks the gateway who the credential belongs to; the answer decides everything shown. */
async function whoIs(credential: string): Promise<Viewer | SignInFailure> {
  const connection = consoleClient(credential);
  const { client } = connection;
  try {
    const result = await client.query(VIEWER, {}, { requestPolicy: "network-only" }).toPromise();
    if (result.data) return result.data.viewer;
    const error = result.error?.graphQLErrors[0];
    const code = error?.extensions.code;
    return {
      code: typeof code === "string" ? code : "NETWORK_ERROR",
      message: error?.message ?? result.error?.message ?? "the gateway did not answer",
    };
  } finally {
    connection.dispose();
  }
}

const isViewer = (answer: Viewer | SignInFailure): answer is Viewer => "role" in answer;

/**
 * The signed-in session: the credential, the viewer the gateway answered for it, and a GraphQL
 * client that sends it. Without a viewer the console shows only the sign-in page.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [credential, setCredential] = useState(storedCredential);
  const [viewer, setViewer] = useState<Viewer | undefined>(undefined);
  const [restoring, setRestoring] = useState(credential !== undefined);
  const connection = useMemo(
    () => (credential ? consoleClient(credential) : undefined),
    [credential],
  );
  useEffect(() => () => connection?.dispose(), [connection]);

  useEffect(() => {
    if (!credential || viewer) return;
    let current = true;
    void whoIs(credential).then((answer) => {
      if (!current) return;
      if (isViewer(answer)) setViewer(answer);
      else {
        storeCredential(undefined);
        setCredential(undefined);
      }
      setRestoring(false);
    });
    return () => {
      current = false;
    };
  }, [credential, viewer]);

  const state = useMemo<SessionState>(
    () => ({
      viewer,
      restoring,
      socket: connection?.socket,
      async signIn(given) {
        const trimmed = given.trim();
        const answer = await whoIs(trimmed);
        if (!isViewer(answer)) return answer;
        storeCredential(trimmed);
        setCredential(trimmed);
        setViewer(answer);
        return undefined;
      },
      signOut() {
        storeCredential(undefined);
        setCredential(undefined);
        setViewer(undefined);
      },
    }),
    [viewer, restoring, connection],
  );
  const content = connection ? <Provider value={connection.client}>{children}</Provider> : children;
  return <SessionContext.Provider value={state}>{content}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}
