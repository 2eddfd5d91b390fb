/**
 * The credential of the tab's session. It lives in sessionStorage: gone when the tab closes, never
 * shared with other tabs, and never written to a cookie the browser would send by itself.
 */
const KEY = "waybill.credential";

export const storedCredential = (): string | undefined =>
  window.sessionStorage.getItem(KEY) ?? undefined;

export function storeCredential(credential: string | undefined): void {
  if (credential === undefined) window.sessionStorage.removeItem(KEY);
  else window.sessionStorage.setItem(KEY, credential);
}
