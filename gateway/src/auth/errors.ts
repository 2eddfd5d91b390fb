/** A caller that could not be authenticated; the message says why without revealing secrets. */
export class AuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthError";
  }
}
