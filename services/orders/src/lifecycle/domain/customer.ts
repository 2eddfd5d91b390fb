const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_TEXT = 200;

/** A customer's email as stored and matched: trimmed, lower case. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** The problem with a customer's name or email, if any. */
export function customerProblem(
  name: string,
  email: string,
): { field: "name" | "email"; message: string } | null {
  if (!name) return { field: "name", message: "name must not be empty" };
  if (name.length > MAX_TEXT)
    return { field: "name", message: `name has at most ${MAX_TEXT} characters` };
  if (!EMAIL.test(email) || email.length > MAX_TEXT)
    return { field: "email", message: "email is not an email address" };
  return null;
}
