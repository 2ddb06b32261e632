import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sandbridge/common';
import { DomainError } from '@sandbridge/domain';
import { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

type Counter = [limiter: RateLimiterAbstract, key: string];

/**
 * Failed sign-ins counted per account (the e-mail as typed, known or not, so the limit tells no
 * one which e-mails have accounts) and per client address, in fixed windows: in memory, or in Redis
 * with REDIS_URL so that every instance shares the counts (falling back to memory while Redis is
 * unreachable rather than refusing or failing sign-ins).
 *
 * An attempt reserves one failure on each counter before the password is checked, so concurrent
 * guesses cannot all slip under the limit; a success hands the reservations back (and clears the
 * account's count), a refusal hands back what it took: an attempt over a limit counts nothing and
 * checks no password.
 */
@Injectable()
export class LoginThrottle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(LoginThrottle.name);
  private redis: Redis | null = null;
  private byAccount!: RateLimiterAbstract;
  private byAddress!: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.createLimiters();
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.redisUrl) return;
    this.redis = new Redis(this.config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    this.redis.on('error', (error: Error) => this.logger.warn(`Redis for failed sign-in counts: ${error.message}`));
    await this.redis.connect();
    this.createLimiters(this.redis);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit();
  }

  /**
   * Runs `attempt` unless the account or the address is over its limit, which is TOO_MANY_REQUESTS
   * with the seconds until the window ends. A null result is a failed attempt and is counted.
   */
  async guard<T>(email: string, clientAddress: string | null, attempt: () => Promise<T | null>): Promise<T | null> {
    const account: Counter = [this.byAccount, accountKey(email)];
    const counters: Counter[] = clientAddress ? [account, [this.byAddress, addressKey(clientAddress)]] : [account];
    const taken: Counter[] = [];
    for (const counter of counters) {
      const [limiter, key] = counter;
      try {
        await limiter.consume(key);
        taken.push(counter);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        await Promise.all([counter, ...taken].map(([l, k]) => l.reward(k, 1)));
        throw DomainError.tooManyRequests(
          'Too many failed sign-in attempts: try again later',
          error.msBeforeNext / 1000,
        );
      }
    }
    const succeeded = await attempt().catch(async (error: unknown) => {
      // Not a wrong password but a failure (the database, say): nothing to hold against the caller.
      await Promise.all(taken.map(([l, k]) => l.reward(k, 1)));
      throw error;
    });
    if (succeeded !== null)
      await Promise.all([
        account[0].delete(account[1]),
        ...taken.filter((c) => c !== account).map(([l, k]) => l.reward(k, 1)),
      ]);
    return succeeded;
  }

  private createLimiters(redis?: Redis): void {
    const { perAccount, perAddress, windowSeconds } = this.config.auth.loginLimits;
    const prefix = `${this.config.queue.prefix}:login-failures`;
    const limiter = (points: number, name: string): RateLimiterAbstract => {
      const options = { points, duration: windowSeconds, keyPrefix: `${prefix}:${name}` };
      const memory = new RateLimiterMemory(options);
      return redis ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory }) : memory;
    };
    this.byAccount = limiter(perAccount, 'account');
    this.byAddress = limiter(perAddress, 'address');
  }
}

/** The e-mail as the account is looked up (trimmed, lower-case), hashed: keys hold no addresses. */
function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
}

/**
 * The client address as counted: an IPv4 address as it is (IPv4-mapped IPv6 included), an IPv6
 * address by its /64 network, since one subscriber is usually handed a whole /64 to pick from.
 */
export function addressKey(address: string): string {
  const bare = address.split('%')[0];
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped) return mapped[1];
  if (!isIPv6(bare)) return bare;
  const [head, tail] = bare.split('::');
  const groups = head ? head.split(':') : [];
  if (tail !== undefined)
    groups.push(
      ...Array<string>(Math.max(0, 8 - groups.length - (tail ? tail.split(':').length : 0))).fill('0'),
      ...(tail ? tail.split(':') : []),
    );
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
