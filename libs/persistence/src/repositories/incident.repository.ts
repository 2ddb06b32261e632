import { Injectable } from '@nestjs/common';
import { isUuid } from '@sandbridge/domain';
import { rowsWhereAny } from '../database/rows-by-key.js';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { IncidentEntity } from '../entities/incident.entity.js';

@Injectable()
export class IncidentRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get repo() {
    return this.connection.getRepository(IncidentEntity);
  }

  findById(id: string): Promise<IncidentEntity | null> {
    return isUuid(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
  }

  /** Incidents of these enrolments, oldest first. */
  ofEnrolments(enrolmentIds: readonly string[]): Promise<IncidentEntity[]> {
    return rowsWhereAny(this.connection.manager, IncidentEntity, 'enrolmentId', enrolmentIds, [
      ['reportedAt', 'ASC'],
      ['id', 'ASC'],
    ]);
  }

  insert(values: Omit<IncidentEntity, 'id' | 'reportedAt' | 'enrolment'>): Promise<IncidentEntity> {
    return this.repo.save(this.repo.create(values));
  }
}
