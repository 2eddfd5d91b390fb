export { bufferedBody, readBody, readJsonBody } from "./body.ts";
export { HttpError, httpErrors } from "./errors.ts";
export { sendError, sendFailure, sendJson } from "./reply.ts";
export { boundPort, closeServer, firstHeader, listen, type RequestHandler } from "./server.ts";
