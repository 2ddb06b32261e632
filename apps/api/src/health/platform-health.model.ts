import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DatabaseKind, HealthStatus, RedisState } from '@sandbridge/application';

registerEnumType(HealthStatus, {
  name: 'HealthStatus',
  description: 'OK; DEGRADED (working, but something needs attention); DOWN (not working).',
});
registerEnumType(DatabaseKind, {
  name: 'DatabaseKind',
  description: 'EMBEDDED: PGlite in the API process (DATABASE_URL unset); POSTGRESQL: a PostgreSQL server.',
});
registerEnumType(RedisState, {
  name: 'RedisState',
  description: 'NOT_CONFIGURED (REDIS_URL unset: everything runs in the API process), UP or DOWN.',
});

@ObjectType('DatabaseHealth', { description: 'The database: whether it answers, how fast, and its migrations.' })
export class DatabaseHealthModel {
  @Field(() => HealthStatus)
  status: HealthStatus;

  @Field(() => Boolean)
  up: boolean;

  @Field(() => DatabaseKind)
  kind: DatabaseKind;

  @Field(() => Float, { nullable: true, description: 'Round trip of `SELECT 1`, in ms; null when down.' })
  roundTripMs: number | null;

  @Field(() => Int, { nullable: true })
  migrationsApplied: number | null;

  @Field(() => Int, { nullable: true, description: 'Migrations this version has that the database has not run.' })
  migrationsPending: number | null;

  @Field(() => String, { nullable: true, description: 'What is wrong, in words (never a host, URL or secret).' })
  problem: string | null;
}

@ObjectType('RedisHealth', {
  description: 'Redis (REDIS_URL): the simulation queue and the event bus across instances.',
})
export class RedisHealthModel {
  @Field(() => HealthStatus)
  status: HealthStatus;

  @Field(() => RedisState)
  state: RedisState;

  @Field(() => Float, { nullable: true, description: 'Round trip of PING, in ms; null unless UP.' })
  roundTripMs: number | null;

  @Field(() => String, { nullable: true })
  problem: string | null;
}

@ObjectType('WorkersHealth', {
  description: 'Simulation workers and job queues. The Redis figures are null without Redis.',
})
export class WorkersHealthModel {
  @Field(() => HealthStatus)
  status: HealthStatus;

  @Field(() => Int, { description: 'Simulation runs this API process is executing now.' })
  runsInThisProcess: number;

  @Field(() => Int, { nullable: true, description: 'Worker processes connected to the simulation queue.' })
  queueWorkers: number | null;

  @Field(() => Int, { nullable: true, description: 'Chunks held by a worker that renewed its lock in time.' })
  chunksRunning: number | null;

  @Field(() => Int, { nullable: true, description: 'Chunks waiting in the queue for a worker.' })
  chunksWaiting: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Chunks whose worker stopped renewing its lock: back in the queue at the next stalled check.',
  })
  chunksStalled: number | null;

  @Field(() => Int, { nullable: true, description: 'Simulation runs QUEUED (null when the database is down).' })
  runsQueued: number | null;

  @Field(() => Int, { nullable: true, description: 'Simulation runs RUNNING.' })
  runsRunning: number | null;

  @Field(() => Int, { nullable: true, description: 'Chunks of the queued and running runs not stored yet.' })
  chunksRemaining: number | null;

  @Field(() => String, { nullable: true })
  problem: string | null;
}

@ObjectType('ProcessHealth', { description: 'The API process answering.' })
export class ProcessHealthModel {
  @Field(() => HealthStatus)
  status: HealthStatus;

  @Field(() => Int)
  uptimeSeconds: number;

  @Field(() => String, { description: 'The Sandbridge version (package.json).' })
  version: string;

  @Field(() => String)
  nodeVersion: string;

  @Field(() => Float, { description: 'Resident set size, in bytes.' })
  rssBytes: number;

  @Field(() => Float)
  heapUsedBytes: number;
}

@ObjectType('PlatformHealth', {
  description: 'The platform health page: each part with its status, and the worst of them.',
})
export class PlatformHealthModel {
  @Field(() => HealthStatus)
  status: HealthStatus;

  @Field(() => Date)
  checkedAt: Date;

  @Field(() => DatabaseHealthModel)
  database: DatabaseHealthModel;

  @Field(() => RedisHealthModel)
  redis: RedisHealthModel;

  @Field(() => WorkersHealthModel)
  workers: WorkersHealthModel;

  @Field(() => ProcessHealthModel)
  process: ProcessHealthModel;
}
