import { performance } from 'node:perf_hooks';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sandbridge/common';
import { AccountRepository, type AccountSessionState } from '@sandbridge/persistence';
import type { Subscription } from 'rxjs';
import { EventBus } from '../cooperation/event-bus.js';

/** Bounds the memory the cache may take when many accounts are signed in at once. */
const MAX_ENTRIES = 10_000;

interface Entry {
  state: Promise<AccountSessionState | null>;
  /** performance.now() after which the entry is read again. */
  until: number;
}

/**
 * What every request's token is checked against: the account's session epoch, whether it is
 * disabled, its role and tenant. Served from memory for SESSION_CACHE_MS at most, so a signed-in
 * request costs no database read in the common case; a change made through the API (password,
 * disable, revoke) reaches every instance at once through the event bus, which drops the entry, and
 * a change made behind the API's back (a row edited or deleted in the database) is seen when the
 * entry expires. Concurrent misses for one account share one read.
 */
@Injectable()
export class AccountSessions implements OnModuleInit, OnModuleDestroy {
  private readonly entries = new Map<string, Entry>();
  private changes: Subscription | null = null;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly events: EventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.changes = this.events.accountChanges$.subscribe((accountId) => this.forget(accountId));
  }

  onModuleDestroy(): void {
    this.changes?.unsubscribe();
  }

  /** The account's session state (null: no such account); `fresh` reads the database whatever is cached. */
  state(accountId: string, { fresh = false }: { fresh?: boolean } = {}): Promise<AccountSessionState | null> {
    const ttl = this.config.auth.sessionCacheMs;
    if (ttl === 0) return this.accounts.findSessionState(accountId);
    const now = performance.now();
    const cached = this.entries.get(accountId);
    if (cached && !fresh && cached.until > now) return cached.state;
    const state = this.accounts.findSessionState(accountId);
    const entry: Entry = { state, until: now + ttl };
    this.entries.delete(accountId); // re-inserted last: the Map's order is the eviction order
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(accountId, entry);
    // A failed read is not remembered; the caller sees the failure.
    state.catch(() => {
      if (this.entries.get(accountId) === entry) this.entries.delete(accountId);
    });
    return state;
  }

  /** Drops what is remembered of the account: the next request reads it again. */
  forget(accountId: string): void {
    this.entries.delete(accountId);
  }
}
