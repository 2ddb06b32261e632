// A mutation behind a form: runs it, and on failure puts BAD_USER_INPUT's field problems at their
// fields (applyFieldErrors) and keeps the error for the form's <ErrorNotice> (what no field took,
// CONFLICT with its refresh, INVALID_TRANSITION with its reason, anything else in words).
import { useState } from 'react';
import { type AnyVariables, type CombinedError, type TypedDocumentNode, useMutation } from 'urql';
import { applyFieldErrors, type FieldErrorTarget, type FieldProblem } from './errors';

export interface FormProblem {
  error: CombinedError;
  /** Field problems no field of the form took. */
  unplaced: FieldProblem[];
}

export function useFormMutation<TData, TVariables extends AnyVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  form: FieldErrorTarget,
  options: { prefix?: string } = {},
) {
  const [state, execute] = useMutation(document);
  const [problem, setProblem] = useState<FormProblem | null>(null);

  /** Sends the mutation; resolves with its data, or null when it failed (the problem is then shown). */
  async function submit(variables: TVariables): Promise<TData | null> {
    setProblem(null);
    const result = await execute(variables);
    if (result.error) {
      setProblem({ error: result.error, unplaced: applyFieldErrors(form, result.error, options.prefix) });
      return null;
    }
    return result.data ?? null;
  }

  return { submit, submitting: state.fetching, problem, clearProblem: () => setProblem(null) };
}
