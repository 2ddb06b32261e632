import { Injectable } from '@nestjs/common';
import { type Actor, AgreementAction, Role } from '@sandbridge/domain';
import { AgreementRepository } from '@sandbridge/persistence';
import { AgreementService } from '../agreements/agreement.service.js';
import type { DemoAgreement, DemoCriterionRef } from './demo-data.types.js';

export interface AgreementCast {
  /** Negotiator account ids by jurisdiction code. */
  negotiators: Record<string, string>;
  /** The id of a demo criterion (its ACTIVE version). */
  criterionId: (ref: DemoCriterionRef) => string;
  /** The UTC day `offset` days from today. */
  day: (offset: number) => string;
}

/**
 * The demo's recognition agreements, each taken through the real AgreementService by the parties'
 * demo negotiators: created and given its rules by the first party, proposed, then approved by the
 * parties it lists (all of them: IN_FORCE). Idempotent by name.
 */
@Injectable()
export class DemoAgreements {
  constructor(
    private readonly agreements: AgreementService,
    private readonly repository: AgreementRepository,
  ) {}

  async load(demo: DemoAgreement[], cast: AgreementCast): Promise<number> {
    let created = 0;
    for (const a of demo) {
      if (await this.repository.findByName(a.name)) continue;
      const negotiator = (jurisdictionCode: string): Actor => ({
        accountId: cast.negotiators[jurisdictionCode],
        role: Role.NEGOTIATOR,
        authorityId: null,
        organisationId: null,
        jurisdictionCode,
      });
      const drafter = negotiator(a.parties[0]);
      const agreement = await this.agreements.create(drafter, {
        name: a.name,
        kind: a.kind,
        parties: a.parties,
        effectiveFrom: cast.day(a.effectiveFromDays),
      });
      for (const { supplementary, ...rule } of a.rules) {
        await this.agreements.addRule(drafter, {
          agreementId: agreement.id,
          ...rule,
          supplementary: supplementary && {
            text: supplementary.text,
            criteria: supplementary.criteria.map(cast.criterionId),
          },
        });
      }
      await this.agreements.transition(drafter, agreement.id, AgreementAction.PROPOSE);
      for (const party of a.approvals)
        await this.agreements.transition(negotiator(party), agreement.id, AgreementAction.APPROVE);
      created++;
    }
    return created;
  }
}
