import { Injectable } from '@nestjs/common';
import { type Actor, DomainError, type Page, type PageRequest, Role } from '@sandbridge/domain';
import {
  type ClauseEntity,
  type StandardEntity,
  StandardRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { requireRole } from '../identity/access.js';

export interface CreateStandardCommand {
  code: string;
  title: string;
  publisher: string;
  clauses?: { id: string; ref: string; title: string }[] | null;
}

export interface AddClauseCommand {
  standardCode: string;
  id: string;
  ref: string;
  title: string;
}

@Injectable()
export class StandardService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly standards: StandardRepository,
  ) {}

  list(filter: { search?: string | null }, page: PageRequest): Promise<Page<StandardEntity>> {
    return this.standards.page(filter, page);
  }

  findByCode(code: string): Promise<StandardEntity | null> {
    return this.standards.findByCode(code);
  }

  /** For DataLoader: the clauses of each standard, one query. */
  async clausesOfStandards(standardIds: readonly string[]): Promise<ClauseEntity[][]> {
    const all = await this.standards.clausesOfStandards(standardIds);
    return standardIds.map((id) => all.filter((c) => c.standardId === id));
  }

  async findClausesByIds(ids: readonly string[]): Promise<(ClauseEntity | null)[]> {
    const found = new Map((await this.standards.findClausesByIds(ids)).map((c) => [c.id, c]));
    return ids.map((id) => found.get(id) ?? null);
  }

  create(actor: Actor, command: CreateStandardCommand): Promise<StandardEntity> {
    requireRole(actor, Role.ADMIN);
    return this.connection.withTransaction(async () => {
      if (await this.standards.findByCode(command.code))
        throw DomainError.conflict(`The standard ${command.code} already exists`);
      const clauses = command.clauses ?? [];
      const duplicate = clauses.findIndex((c, i) => clauses.findIndex((d) => d.id === c.id) !== i);
      if (duplicate >= 0)
        throw DomainError.badInput([{ path: `input.clauses.${duplicate}.id`, message: 'appears twice' }]);
      const existing = await this.standards.findClausesByIds(clauses.map((c) => c.id));
      if (existing.length) throw DomainError.conflict(`The clause ${existing[0].id} already exists`);
      const standard = await this.standards.insertStandard(command);
      for (const clause of clauses) await this.standards.insertClause({ ...clause, standardId: standard.id });
      return standard;
    });
  }

  addClause(actor: Actor, command: AddClauseCommand): Promise<ClauseEntity> {
    requireRole(actor, Role.ADMIN);
    return this.connection.withTransaction(async () => {
      const standard = await this.standards.findByCode(command.standardCode);
      if (!standard) throw DomainError.notFound('Standard', command.standardCode);
      if ((await this.standards.findClausesByIds([command.id])).length)
        throw DomainError.conflict(`The clause ${command.id} already exists`);
      return this.standards.insertClause({
        id: command.id,
        ref: command.ref,
        title: command.title,
        standardId: standard.id,
      });
    });
  }
}
