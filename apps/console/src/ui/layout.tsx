import { NavLink, Outlet } from "react-router-dom";
import { useSession, type Viewer } from "../session/session.tsx";

type Link = { to: string; label: string; shows(viewer: Viewer): boolean };

/** Staff who work orders and cases; the API refuses cases to everyone else. */
const servesCustomers = (viewer: Viewer) => viewer.scopes.includes("cases:read");

/** Finance releases holds; the API refuses it to everyone without invoices:write. */
const releasesHolds = (viewer: Viewer) => viewer.scopes.includes("invoices:write");

/** The pages each role may use, as the API's scopes allow them. */
const LINKS: Link[] = [
  { to: "/orders", label: "Orders", shows: servesCustomers },
  { to: "/finance/holds", label: "Held invoices", shows: releasesHolds },
];

/** Every signed-in page: a skip link, the navigation for the viewer's role, and the page. */
export function Layout() {
  const { viewer, signOut } = useSession();
  if (!viewer) return null;
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Waybill</span>
        <nav aria-label="Main">
          <ul>
            {LINKS.filter((link) => link.shows(viewer)).map((link) => (
              <li key={link.to}>
                <NavLink to={link.to}>{link.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          {viewer.subject} <span className="role">({viewer.role.toLowerCase()})</span>
        </span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
