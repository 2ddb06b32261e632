import { Injectable } from '@nestjs/common';
import { type Actor, DomainError, type Page, type PageRequest, RegulatoryApproach, Role } from '@sandbridge/domain';
import {
  type JurisdictionEntity,
  type JurisdictionFilter,
  JurisdictionRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { requireRole } from '../identity/access.js';

export interface CreateJurisdictionCommand {
  code: string;
  name: string;
  approach: RegulatoryApproach;
}

export interface UpdateJurisdictionCommand {
  code: string;
  name?: string | null;
  approach?: RegulatoryApproach | null;
}

@Injectable()
export class JurisdictionService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly jurisdictions: JurisdictionRepository,
  ) {}

  findByCode(code: string): Promise<JurisdictionEntity | null> {
    return this.jurisdictions.findByCode(code);
  }

  /** For DataLoader: one query for many codes, answers in the order asked (null where unknown). */
  async findByCodes(codes: readonly string[]): Promise<(JurisdictionEntity | null)[]> {
    const found = new Map((await this.jurisdictions.findByCodes(codes)).map((j) => [j.code, j]));
    return codes.map((code) => found.get(code) ?? null);
  }

  list(filter: JurisdictionFilter, page: PageRequest): Promise<Page<JurisdictionEntity>> {
    return this.jurisdictions.page(filter, page);
  }

  create(actor: Actor, command: CreateJurisdictionCommand): Promise<JurisdictionEntity> {
    requireRole(actor, Role.ADMIN);
    return this.connection.withTransaction(async () => {
      if (await this.jurisdictions.findByCode(command.code)) {
        throw DomainError.conflict(`The jurisdiction ${command.code} already exists`);
      }
      return this.jurisdictions.insert(command);
    });
  }

  update(actor: Actor, command: UpdateJurisdictionCommand): Promise<JurisdictionEntity> {
    requireRole(actor, Role.ADMIN);
    return this.connection.withTransaction(async () => {
      const jurisdiction = await this.jurisdictions.findByCode(command.code);
      if (!jurisdiction) throw DomainError.notFound('Jurisdiction', command.code);
      if (command.name != null) jurisdiction.name = command.name;
      if (command.approach != null) jurisdiction.approach = command.approach;
      return this.jurisdictions.save(jurisdiction);
    });
  }
}
