// What choosing a file of the library does to a result's evidence fields: its id and hash fill them,
// its title the reference unless the person typed one; un-choosing it clears what it had filled.
export interface EvidenceFields {
  evidenceId: string;
  evidenceReference: string;
  evidenceSha256: string;
}

interface Choice {
  id: string;
  title: string;
  sha256: string;
}

export function withChosenEvidence(fields: EvidenceFields, before: Choice | null, next: Choice | null): EvidenceFields {
  const filledByBefore = (reference: string) => reference.trim() === '' || reference === before?.title;
  if (next)
    return {
      evidenceId: next.id,
      evidenceSha256: next.sha256,
      evidenceReference: filledByBefore(fields.evidenceReference) ? next.title : fields.evidenceReference,
    };
  return {
    evidenceId: '',
    evidenceSha256: before && fields.evidenceSha256 === before.sha256 ? '' : fields.evidenceSha256,
    evidenceReference: before && fields.evidenceReference === before.title ? '' : fields.evidenceReference,
  };
}
