/**
 * A stored id that resolves to nothing this caller may see: a programme's lead authority, a result's
 * criterion. The parent was visible, so the reference must be too; when it is not, an invariant is
 * broken on the server's side. It reaches the client as INTERNAL_SERVER_ERROR (the error filter and
 * formatError log it with this message and its stack), never as data that looks valid.
 */
export class DanglingReferenceError extends Error {
  constructor(
    readonly loader: string,
    readonly id: string,
  ) {
    super(`Dangling reference: the ${loader} loader has no row for ${JSON.stringify(id)} (for this caller)`);
    this.name = 'DanglingReferenceError';
  }
}
