/** A refusal the simulator answers with, as OKX would: code, message and HTTP status. */
export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus = 200,
  ) {
    super(message);
  }
}

export const fail = (code: string, message: string, httpStatus = 200): never => {
  throw new SimError(code, message, httpStatus);
};

/** 51000, OKX's "Parameter {name} error". */
export const badParam = (name: string): never => fail('51000', `Parameter ${name} error`, 400);
