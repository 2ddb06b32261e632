import { Injectable } from '@nestjs/common';
import { type Actor, DomainError, type Page, type PageRequest, RiskClass, Role } from '@sandbridge/domain';
import {
  type AiSystemEntity,
  type AiSystemFilter,
  AiSystemRepository,
  OrganisationRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';

export interface RegisterAiSystemCommand {
  /** Defaults to the innovator's own organisation; an administrator must name one. */
  organisationId?: string | null;
  name: string;
  sector: string;
  intendedPurpose: string;
  riskClass: RiskClass;
}

/** Absent or null = unchanged. */
export type UpdateAiSystemCommand = { id: string } & {
  [K in keyof Omit<RegisterAiSystemCommand, 'organisationId'>]?: RegisterAiSystemCommand[K] | null;
};

/**
 * AI systems belong to their organisation: innovators manage their own; nobody else's innovators
 * ever see them. Regulators see systems through the enrolments of their programmes.
 */
@Injectable()
export class AiSystemService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly systems: AiSystemRepository,
    private readonly organisations: OrganisationRepository,
  ) {}

  async findById(actor: Actor, id: string): Promise<AiSystemEntity | null> {
    const system = await this.systems.findById(id);
    return system && this.canSee(actor, system) ? system : null;
  }

  /** For DataLoader under a record the caller may already see (an enrolment): no visibility check. */
  async findByIdsUnchecked(ids: readonly string[]): Promise<(AiSystemEntity | null)[]> {
    const found = new Map((await this.systems.findByIds(ids)).map((s) => [s.id, s]));
    return ids.map((id) => found.get(id) ?? null);
  }

  list(actor: Actor, filter: AiSystemFilter, page: PageRequest): Promise<Page<AiSystemEntity>> {
    if (actor.role === Role.INNOVATOR)
      return this.systems.page({ ...filter, organisationId: actor.organisationId }, page);
    if (actor.role !== Role.ADMIN)
      throw DomainError.forbidden(
        'AI systems are listed for their own organisation’s innovators and for administrators',
      );
    return this.systems.page(filter, page);
  }

  register(actor: Actor, command: RegisterAiSystemCommand): Promise<AiSystemEntity> {
    const organisationId = this.owningOrganisation(actor, command.organisationId);
    return this.connection.withTransaction(async () => {
      if (!(await this.organisations.findById(organisationId)))
        throw DomainError.notFound('Organisation', organisationId);
      if (await this.systems.findByName(organisationId, command.name)) {
        throw DomainError.conflict(`This organisation already has an AI system named ${JSON.stringify(command.name)}`);
      }
      return this.systems.insert({
        organisationId,
        name: command.name,
        sector: command.sector,
        intendedPurpose: command.intendedPurpose,
        riskClass: command.riskClass,
      });
    });
  }

  update(actor: Actor, command: UpdateAiSystemCommand): Promise<AiSystemEntity> {
    return this.connection.withTransaction(async () => {
      const system = await this.systems.findById(command.id);
      if (!system || !this.canSee(actor, system)) throw DomainError.notFound('AI system', command.id);
      this.owningOrganisation(actor, system.organisationId);
      if (command.name != null && command.name !== system.name) {
        if (await this.systems.findByName(system.organisationId, command.name)) {
          throw DomainError.conflict(
            `This organisation already has an AI system named ${JSON.stringify(command.name)}`,
          );
        }
        system.name = command.name;
      }
      if (command.sector != null) system.sector = command.sector;
      if (command.intendedPurpose != null) system.intendedPurpose = command.intendedPurpose;
      if (command.riskClass != null) system.riskClass = command.riskClass;
      return this.systems.save(system);
    });
  }

  private canSee(actor: Actor, system: AiSystemEntity): boolean {
    return (
      actor.role === Role.ADMIN || (actor.role === Role.INNOVATOR && actor.organisationId === system.organisationId)
    );
  }

  private owningOrganisation(actor: Actor, requested: string | null | undefined): string {
    if (actor.role === Role.INNOVATOR) {
      // Another organisation is invisible to an innovator: answered as missing, like an unknown id.
      if (requested && requested !== actor.organisationId) throw DomainError.notFound('Organisation', requested);
      return actor.organisationId!;
    }
    if (actor.role === Role.ADMIN) {
      if (!requested)
        throw DomainError.badInput([
          { path: 'input.organisationId', message: 'is required when an administrator registers a system' },
        ]);
      return requested;
    }
    throw DomainError.forbidden(`Only innovators register AI systems; you are ${actor.role}`);
  }
}
