import type { ReactNode } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router-dom";
import { OrderPage } from "./agent/order-page.tsx";
import { HeldInvoicesPage } from "./finance/held-invoices-page.tsx";
import { SearchPage } from "./agent/search-page.tsx";
import { SessionProvider, useSession, type Viewer } from "./session/session.tsx";
import { SignIn } from "./session/sign-in.tsx";
import { Layout } from "./ui/layout.tsx";
import { Empty, Loading } from "./ui/states.tsx";

/** Where each role starts. */
function home(viewer: Viewer): string {
  if (viewer.role === "FINANCE") return "/finance/holds";
  if (viewer.scopes.includes("cases:read")) return "/orders";
  return "/unavailable";
}

/** Pages behind sign-in: a visitor without a session is sent to sign in and brought back. */
function SignedIn({ children }: { children: ReactNode }) {
  const { viewer, restoring } = useSession();
  const location = useLocation();
  if (restoring) return <Loading what="your session" />;
  if (!viewer) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return children;
}

function Home() {
  const { viewer } = useSession();
  return viewer ? <Navigate to={home(viewer)} replace /> : null;
}

export function App() {
  return (
    <BrowserRouter basename="/console">
      <SessionProvider>
        <Routes>
          <Route path="/sign-in" element={<SignIn />} />
          <Route
            element={
              <SignedIn>
                <Layout />
              </SignedIn>
            }
          >
            <Route index element={<Home />} />
            <Route path="orders" element={<SearchPage />} />
            <Route path="orders/:orderId" element={<OrderPage />} />
            <Route path="finance/holds" element={<HeldInvoicesPage />} />
            <Route
              path="unavailable"
              element={<Empty>The console has no pages for your role yet.</Empty>}
            />
            <Route path="*" element={<Empty>There is no such page.</Empty>} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
