import { Injectable } from '@nestjs/common';
import { type Actor, DomainError, type Page, type PageRequest, Role } from '@sandbridge/domain';
import {
  type AuthorityEntity,
  type AuthorityFilter,
  AuthorityRepository,
  JurisdictionRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { requireAuthorityAdmin, requireRole } from '../identity/access.js';

export interface CreateAuthorityCommand {
  jurisdictionCode: string;
  name: string;
  acronym: string;
  sectors?: string[] | null;
  website?: string | null;
}

export interface UpdateAuthorityCommand {
  id: string;
  name?: string | null;
  acronym?: string | null;
  sectors?: string[] | null;
  website?: string | null;
}

@Injectable()
export class AuthorityService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly authorities: AuthorityRepository,
    private readonly jurisdictions: JurisdictionRepository,
  ) {}

  findById(id: string): Promise<AuthorityEntity | null> {
    return this.authorities.findById(id);
  }

  async findByIds(ids: readonly string[]): Promise<(AuthorityEntity | null)[]> {
    const found = new Map((await this.authorities.findByIds(ids)).map((a) => [a.id, a]));
    return ids.map((id) => found.get(id) ?? null);
  }

  /** For DataLoader: the authorities of each jurisdiction code, in one query. */
  async findByJurisdictionCodes(codes: readonly string[]): Promise<AuthorityEntity[][]> {
    const all = await this.authorities.findByJurisdictionCodes(codes);
    return codes.map((code) => all.filter((a) => a.jurisdictionCode === code));
  }

  list(filter: AuthorityFilter, page: PageRequest): Promise<Page<AuthorityEntity>> {
    return this.authorities.page(filter, page);
  }

  create(actor: Actor, command: CreateAuthorityCommand): Promise<AuthorityEntity> {
    requireRole(actor, Role.ADMIN);
    return this.connection.withTransaction(async () => {
      if (!(await this.jurisdictions.findByCode(command.jurisdictionCode))) {
        throw DomainError.notFound('Jurisdiction', command.jurisdictionCode);
      }
      if (await this.authorities.findByName(command.jurisdictionCode, command.name)) {
        throw DomainError.conflict(
          `${command.jurisdictionCode} already has an authority named ${JSON.stringify(command.name)}`,
        );
      }
      return this.authorities.insert({
        jurisdictionCode: command.jurisdictionCode,
        name: command.name,
        acronym: command.acronym,
        sectors: uniqueSorted(command.sectors ?? []),
        website: command.website ?? null,
      });
    });
  }

  /** An administrator, or a regulator of the authority itself, keeps its profile up to date. */
  update(actor: Actor, command: UpdateAuthorityCommand): Promise<AuthorityEntity> {
    return this.connection.withTransaction(async () => {
      const authority = await this.authorities.findById(command.id);
      if (!authority) throw DomainError.notFound('Authority', command.id);
      requireAuthorityAdmin(actor, authority.id);
      if (command.name != null && command.name !== authority.name) {
        if (await this.authorities.findByName(authority.jurisdictionCode, command.name)) {
          throw DomainError.conflict(
            `${authority.jurisdictionCode} already has an authority named ${JSON.stringify(command.name)}`,
          );
        }
        authority.name = command.name;
      }
      if (command.acronym != null) authority.acronym = command.acronym;
      if (command.sectors != null) authority.sectors = uniqueSorted(command.sectors);
      if (command.website !== undefined) authority.website = command.website;
      return this.authorities.save(authority);
    });
  }
}

function uniqueSorted(values: string[]): string[] {
  return [...new Set(values)].sort();
}
