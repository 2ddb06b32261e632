import { Injectable } from '@nestjs/common';
import type { FieldProblem, ResultInput } from '@sandbridge/domain';
import { type EvidenceEntity, EvidenceReferenceRepository } from '@sandbridge/persistence';

/** What a result says of its evidence: a stored file by id, or a bare reference with its hash. */
export interface EvidenceClaim {
  evidenceId?: string | null;
  evidenceReference?: string | null;
  evidenceSha256?: string | null;
}

/** A result's evidence once the file it names was checked: what is stored and evaluated. */
export interface ResolvedEvidence {
  evidenceId: string | null;
  evidenceReference: string | null;
  evidenceSha256: string | null;
  /** What evaluation reads of the file (its title and expiry day); null for a bare reference. */
  evidenceFile: ResultInput['evidenceFile'];
}

/**
 * The check every result that names stored evidence passes (docs/domain.md#evidence): the file must
 * be the owner's — the enrolling organisation's — or it is answered as if it did not exist ("no such
 * evidence", never whose it is); a hash stated with it must be the stored file's; without one the
 * stored hash is used, and without a reference the file's title.
 */
@Injectable()
export class EvidenceReferences {
  constructor(private readonly evidence: EvidenceReferenceRepository) {}

  /** The organisation's evidence among these ids, by id: one statement for all of them. */
  async ownedBy(
    organisationId: string,
    ids: readonly (string | null | undefined)[],
  ): Promise<Map<string, EvidenceEntity>> {
    const named = ids.filter((id): id is string => !!id);
    if (!named.length) return new Map();
    const found = await this.evidence.findByIds(named);
    return new Map(found.filter((e) => e.organisationId === organisationId).map((e) => [e.id, e]));
  }

  /**
   * Each claim resolved against `owned` (from `ownedBy`), in order; the problems found are added to
   * `problems` under `${path}.${index}`.
   */
  resolve<C extends EvidenceClaim>(
    claims: readonly C[],
    owned: ReadonlyMap<string, EvidenceEntity>,
    path: string,
    problems: FieldProblem[],
  ): ResolvedEvidence[] {
    return claims.map((c, i) => resolveClaim(c, owned, `${path}.${i}`, problems));
  }
}

/** One claim: see EvidenceReferences. */
export function resolveClaim(
  claim: EvidenceClaim,
  owned: ReadonlyMap<string, EvidenceEntity>,
  path: string,
  problems: FieldProblem[],
): ResolvedEvidence {
  const bare: ResolvedEvidence = {
    evidenceId: null,
    evidenceReference: claim.evidenceReference ?? null,
    evidenceSha256: claim.evidenceSha256 ?? null,
    evidenceFile: null,
  };
  if (!claim.evidenceId) return bare;
  const file = owned.get(claim.evidenceId);
  if (!file) {
    problems.push({ path: `${path}.evidenceId`, message: 'no such evidence' });
    return bare;
  }
  if (claim.evidenceSha256 != null && claim.evidenceSha256 !== file.sha256) {
    problems.push({
      path: `${path}.evidenceSha256`,
      message: `is not the SHA-256 of the evidence named (${file.sha256})`,
    });
    return bare;
  }
  return {
    evidenceId: file.id,
    evidenceReference: claim.evidenceReference ?? file.title,
    evidenceSha256: file.sha256,
    evidenceFile: { title: file.title, expiryDay: file.expiryDay },
  };
}
