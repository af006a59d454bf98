import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

// One shared guard around every handler: an exception is logged with its stack and answered
// as an error (requests) or swallowed (notifications); the server goes on serving.

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

/** A failure the client should hear about with a specific error code (unknown document, bad position …). */
export class RequestError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export function requestFailed(message: string): RequestError {
  return new RequestError(LSPErrorCodes.RequestFailed, message);
}

export function invalidParams(message: string): RequestError {
  return new RequestError(ErrorCodes.InvalidParams, message);
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

export function guardRequest<P, R, T>(
  log: Logger,
  method: string,
  handler: (params: P, token: T) => R | Promise<R>,
): (params: P, token: T) => Promise<R | ResponseError<void>> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof RequestError) return new ResponseError(error.code, error.message);
      log.error(`${method} failed: ${describeError(error)}`);
      return new ResponseError(ErrorCodes.InternalError, `Throughline could not answer ${method}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

export function guardNotification<P>(log: Logger, method: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      const result = handler(params);
      if (result instanceof Promise) result.catch((error: unknown) => log.error(`${method} failed: ${describeError(error)}`));
    } catch (error) {
      log.error(`${method} failed: ${describeError(error)}`);
    }
  };
}
