import { Injectable } from '@nestjs/common';
import {
  type Actor,
  CriterionStatus,
  DomainError,
  type Page,
  type PageRequest,
  Relation,
  Role,
} from '@sandbridge/domain';
import {
  type CriterionEntity,
  type CrosswalkEntity,
  type CrosswalkFilter,
  CrosswalkRepository,
  CriterionRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';

export interface CreateCrosswalkCommand {
  fromCriterionId: string;
  toCriterionId: string;
  relation: Relation;
  note?: string | null;
}

/**
 * Explicit correspondences between criteria of two authorities. Either side's regulators may
 * declare one (or an administrator); both ends must be visible, non-draft criteria.
 */
@Injectable()
export class CrosswalkService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly crosswalks: CrosswalkRepository,
    private readonly criteria: CriterionRepository,
  ) {}

  list(filter: CrosswalkFilter, page: PageRequest): Promise<Page<CrosswalkEntity>> {
    return this.crosswalks.page(filter, page);
  }

  create(actor: Actor, command: CreateCrosswalkCommand): Promise<CrosswalkEntity> {
    return this.connection.withTransaction(async () => {
      const [from, to] = await Promise.all([
        this.criteria.findById(command.fromCriterionId),
        this.criteria.findById(command.toCriterionId),
      ]);
      // A draft the caller may not see does not exist for it (docs/domain.md#roles-and-visibility): same answer as an unknown id.
      if (!from || !this.canSee(actor, from)) throw DomainError.notFound('Criterion', command.fromCriterionId);
      if (!to || !this.canSee(actor, to)) throw DomainError.notFound('Criterion', command.toCriterionId);
      this.requireEitherSide(actor, from.authorityId, to.authorityId);
      if (from.authorityId === to.authorityId) {
        throw DomainError.badInput([
          { path: 'input.toCriterionId', message: 'must belong to another authority than fromCriterionId' },
        ]);
      }
      const drafts = (
        [
          ['fromCriterionId', from],
          ['toCriterionId', to],
        ] as const
      ).filter(([, c]) => c.status === CriterionStatus.DRAFT);
      if (drafts.length) {
        throw DomainError.badInput(
          drafts.map(([field]) => ({
            path: `input.${field}`,
            message: 'is a DRAFT: only a published version can correspond to another criterion',
          })),
        );
      }
      if (await this.crosswalks.findPair(from.id, to.id))
        throw DomainError.conflict('A crosswalk between these two criteria, in this direction, already exists');
      return this.crosswalks.insert({
        fromCriterionId: from.id,
        toCriterionId: to.id,
        relation: command.relation,
        note: command.note ?? '',
      });
    });
  }

  delete(actor: Actor, id: string): Promise<CrosswalkEntity> {
    return this.connection.withTransaction(async () => {
      const crosswalk = await this.crosswalks.findById(id);
      if (!crosswalk) throw DomainError.notFound('Crosswalk', id);
      const [from, to] = await this.criteria
        .findByIds([crosswalk.fromCriterionId, crosswalk.toCriterionId])
        .then((found) => [
          found.find((c) => c.id === crosswalk.fromCriterionId)!,
          found.find((c) => c.id === crosswalk.toCriterionId)!,
        ]);
      this.requireEitherSide(actor, from.authorityId, to.authorityId);
      await this.crosswalks.delete(id);
      return crosswalk;
    });
  }

  private canSee(actor: Actor, criterion: CriterionEntity): boolean {
    return (
      criterion.status !== CriterionStatus.DRAFT ||
      actor.role === Role.ADMIN ||
      (actor.role === Role.REGULATOR && actor.authorityId === criterion.authorityId)
    );
  }

  private requireEitherSide(actor: Actor, a: string, b: string): void {
    if (actor.role === Role.ADMIN) return;
    if (actor.role === Role.REGULATOR && (actor.authorityId === a || actor.authorityId === b)) return;
    throw DomainError.forbidden('Only a regulator of one of the two authorities may declare or remove this crosswalk');
  }
}
