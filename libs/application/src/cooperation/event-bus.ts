import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Clock } from '@sandbridge/common';
import { TransactionalConnection } from '@sandbridge/persistence';
import { Redis } from 'ioredis';
import { type Observable, Subject } from 'rxjs';
import type { EnrolmentEvent, SimulationProgressEvent } from './events.js';

const CHANNEL = 'sandbridge:events';
const SIMULATION_CHANNEL = 'sandbridge:simulation-events';
const ACCOUNT_CHANNEL = 'sandbridge:account-events';

/** An event to publish: what it is about and a summary; the rest defaults to null. */
export type NewEnrolmentEvent = Pick<
  EnrolmentEvent,
  'type' | 'programmeId' | 'enrolmentId' | 'organisationId' | 'summary'
> &
  Partial<Omit<EnrolmentEvent, 'id' | 'occurredAt'>>;

/**
 * Events after commit, as an rxjs stream (Vendure's event bus). `publish` inside a transaction
 * waits for the commit and is dropped on rollback. With REDIS_URL every instance publishes to one
 * Redis channel and emits what it receives, its own events included, so all instances see the same
 * stream; without it the stream stays in-process.
 */
@Injectable()
export class EventBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EventBus.name);
  private readonly subject = new Subject<EnrolmentEvent>();
  private readonly simulationSubject = new Subject<SimulationProgressEvent>();
  private readonly accountSubject = new Subject<string>();
  /** Tells this instance's own account changes from those of other instances on the Redis channel. */
  private readonly instanceId = randomUUID();
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get events$(): Observable<EnrolmentEvent> {
    return this.subject.asObservable();
  }

  /** Simulation progress, from every instance (the run may execute on another one). */
  get simulationEvents$(): Observable<SimulationProgressEvent> {
    return this.simulationSubject.asObservable();
  }

  /**
   * Ids of accounts whose sessions may have changed (password, disabled, revoked), from every
   * instance: caches of account state drop the account, open subscriptions re-check their token.
   */
  get accountChanges$(): Observable<string> {
    return this.accountSubject.asObservable();
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.redisUrl) return;
    this.publisher = new Redis(this.config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(this.config.redisUrl, { lazyConnect: true });
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
    this.subscriber.on('message', (channel: string, message: string) => {
      try {
        if (channel === SIMULATION_CHANNEL) this.simulationSubject.next(JSON.parse(message) as SimulationProgressEvent);
        else if (channel === ACCOUNT_CHANNEL)
          this.receiveAccountChange(JSON.parse(message) as { accountId: string; from: string });
        else this.subject.next(JSON.parse(message) as EnrolmentEvent);
      } catch (error) {
        this.logger.warn(`Dropped a malformed event from Redis: ${(error as Error).message}`);
      }
    });
    // Subscribed before the application serves anything: no event published later is missed.
    await this.subscriber.subscribe(CHANNEL, SIMULATION_CHANNEL, ACCOUNT_CHANNEL);
  }

  async onApplicationShutdown(): Promise<void> {
    this.subject.complete();
    this.simulationSubject.complete();
    this.accountSubject.complete();
    await Promise.all([this.publisher?.quit(), this.subscriber?.quit()]);
  }

  /** Publishes once the current transaction commits (at once outside one); never on rollback. */
  publish(event: NewEnrolmentEvent): void {
    const full: EnrolmentEvent = {
      id: randomUUID(),
      occurredAt: this.clock.now().toISOString(),
      actorAccountId: null,
      authorityId: null,
      action: null,
      fromState: null,
      toState: null,
      reportId: null,
      confidentiality: null,
      submittedTo: null,
      incidentId: null,
      ...event,
    };
    this.connection.afterCommit(() => this.deliver(full));
  }

  /** Publishes a simulation progress event once the current transaction commits; never on rollback. */
  publishSimulation(event: Omit<SimulationProgressEvent, 'occurredAt'>): void {
    const full: SimulationProgressEvent = { ...event, occurredAt: this.clock.now().toISOString() };
    this.connection.afterCommit(() => {
      if (!this.publisher) {
        this.simulationSubject.next(full);
        return;
      }
      this.publisher.publish(SIMULATION_CHANNEL, JSON.stringify(full)).catch((error: Error) => {
        this.logger.error(`Could not publish progress of simulation ${full.runId} to Redis: ${error.message}`);
      });
    });
  }

  /**
   * Announces, once the current transaction commits, that an account's sessions may have changed.
   * This instance hears it at once (so the caller's next request already sees the change); the
   * others through Redis.
   */
  publishAccountChange(accountId: string): void {
    this.connection.afterCommit(() => {
      this.accountSubject.next(accountId);
      this.publisher
        ?.publish(ACCOUNT_CHANNEL, JSON.stringify({ accountId, from: this.instanceId }))
        .catch((error: Error) => {
          // Other instances still drop their cached copy within its few seconds of life.
          this.logger.error(`Could not publish the change of account ${accountId} to Redis: ${error.message}`);
        });
    });
  }

  private receiveAccountChange(message: { accountId: string; from: string }): void {
    if (message.from !== this.instanceId && typeof message.accountId === 'string')
      this.accountSubject.next(message.accountId);
  }

  private deliver(event: EnrolmentEvent): void {
    if (!this.publisher) {
      this.subject.next(event);
      return;
    }
    this.publisher.publish(CHANNEL, JSON.stringify(event)).catch((error: Error) => {
      // The change is committed; the live stream is best effort. Say so loudly and keep serving.
      this.logger.error(`Could not publish event ${event.type} for ${event.enrolmentId} to Redis: ${error.message}`);
    });
  }
}
