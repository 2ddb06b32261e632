import { Injectable } from '@nestjs/common';
import { type Actor, DomainError, type Page, type PageRequest, Role } from '@sandbridge/domain';
import {
  JurisdictionRepository,
  type OrganisationEntity,
  type OrganisationFilter,
  OrganisationRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { requireRole } from '../identity/access.js';

export interface CreateOrganisationCommand {
  name: string;
  homeJurisdictionCode: string;
}

export interface UpdateOrganisationCommand {
  id: string;
  name?: string | null;
  homeJurisdictionCode?: string | null;
}

@Injectable()
export class OrganisationService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly organisations: OrganisationRepository,
    private readonly jurisdictions: JurisdictionRepository,
  ) {}

  /** An innovator sees only its own organisation (docs/domain.md#roles-and-visibility); others see all. */
  async findById(actor: Actor, id: string): Promise<OrganisationEntity | null> {
    if (actor.role === Role.INNOVATOR && actor.organisationId !== id) return null;
    return this.organisations.findById(id);
  }

  async findByIds(ids: readonly string[]): Promise<(OrganisationEntity | null)[]> {
    const found = new Map((await this.organisations.findByIds(ids)).map((o) => [o.id, o]));
    return ids.map((id) => found.get(id) ?? null);
  }

  list(actor: Actor, filter: OrganisationFilter, page: PageRequest): Promise<Page<OrganisationEntity>> {
    const scoped = actor.role === Role.INNOVATOR ? { ...filter, ids: [actor.organisationId!] } : filter;
    return this.organisations.page(scoped, page);
  }

  create(actor: Actor, command: CreateOrganisationCommand): Promise<OrganisationEntity> {
    requireRole(actor, Role.ADMIN);
    return this.connection.withTransaction(async () => {
      await this.requireJurisdiction(command.homeJurisdictionCode);
      if (await this.organisations.findByName(command.name)) {
        throw DomainError.conflict(`An organisation named ${JSON.stringify(command.name)} already exists`);
      }
      return this.organisations.insert(command);
    });
  }

  update(actor: Actor, command: UpdateOrganisationCommand): Promise<OrganisationEntity> {
    requireRole(actor, Role.ADMIN, Role.INNOVATOR);
    return this.connection.withTransaction(async () => {
      const organisation = await this.organisations.findById(command.id);
      // An innovator sees its own organisation only: another one is answered as missing.
      if (!organisation || (actor.role === Role.INNOVATOR && actor.organisationId !== organisation.id))
        throw DomainError.notFound('Organisation', command.id);
      if (command.name != null && command.name !== organisation.name) {
        // Only an administrator, who sees every organisation, is told of a clash: an innovator may not
        // learn that an organisation it cannot see exists, so its rename is never refused for a name.
        if (actor.role === Role.ADMIN) {
          const other = await this.organisations.findByName(command.name);
          if (other && other.id !== organisation.id)
            throw DomainError.conflict(`An organisation named ${JSON.stringify(command.name)} already exists`);
        }
        organisation.name = command.name;
      }
      if (command.homeJurisdictionCode != null) {
        await this.requireJurisdiction(command.homeJurisdictionCode);
        organisation.homeJurisdictionCode = command.homeJurisdictionCode;
      }
      return this.organisations.save(organisation);
    });
  }

  private async requireJurisdiction(code: string): Promise<void> {
    if (!(await this.jurisdictions.findByCode(code))) throw DomainError.notFound('Jurisdiction', code);
  }
}
