import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { PlatformKeyEntity } from '../entities/platform-key.entity.js';

@Injectable()
export class PlatformKeyRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  /**
   * The stored key for `purpose`, storing `candidate` first when there is none. Insert-if-absent, so
   * instances starting together on one database all end up with the first key written.
   */
  async ensure(purpose: string, candidate: string): Promise<string> {
    const repo = this.connection.getRepository(PlatformKeyEntity);
    await repo.createQueryBuilder().insert().values({ purpose, privateKey: candidate }).orIgnore().execute();
    const stored = await repo.findOneByOrFail({ purpose });
    return stored.privateKey;
  }
}
