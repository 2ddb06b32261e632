import { Injectable, Logger } from '@nestjs/common';
import { AuthService, EventBus, type Session } from '@sandbridge/application';
import { Clock } from '@sandbridge/common';
import { DomainError } from '@sandbridge/domain';
import { CloseCode } from 'graphql-ws';
import { filter } from 'rxjs';

/** The socket graphql-ws hands the context (a `ws` WebSocket): it can be closed and says when it closes. */
export interface SubscriptionSocket {
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

// setTimeout takes at most 2^31-1 ms (24.8 days); a token may live 30 days.
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export const TOKEN_EXPIRED = 'Token expired: sign in again';
export const SESSION_ENDED = 'Session ended: sign in again';

/**
 * A graphql-ws connection authenticates once, with the token in its connectionParams, and may stay
 * open for days: this closes it (4401 Unauthorized, which graphql-ws clients do not retry with the
 * same parameters) when that token expires, and when its session ends — the account disabled or
 * deleted, its password changed, its sessions revoked, its role or tenant changed — as soon as the
 * event bus announces a change of the account (on any instance).
 */
@Injectable()
export class SubscriptionSessions {
  private readonly logger = new Logger(SubscriptionSessions.name);
  private readonly watched = new WeakSet<SubscriptionSocket>();

  constructor(
    private readonly auth: AuthService,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  /** Watches the connection's session from now until the socket closes (once per socket). */
  watch(socket: SubscriptionSocket, token: string, session: Session): void {
    if (this.watched.has(socket)) return;
    this.watched.add(socket);
    let timer: NodeJS.Timeout | undefined;
    const close = (reason: string): void => {
      stop();
      socket.close(CloseCode.Unauthorized, reason);
    };
    const untilExpiry = (): void => {
      const left = session.expiresAt.getTime() - this.clock.now().getTime();
      if (left <= 0) close(TOKEN_EXPIRED);
      else timer = setTimeout(untilExpiry, Math.min(left, LONGEST_TIMER_MS));
    };
    const changes = this.events.accountChanges$
      .pipe(filter((accountId) => accountId === session.actor.accountId))
      .subscribe(() => {
        this.auth.authenticate(token, { fresh: true }).then(
          () => undefined, // still valid (e.g. the account was enabled, or another field changed)
          (error: unknown) => {
            if (error instanceof DomainError) close(SESSION_ENDED);
            else
              this.logger.error(
                `Could not re-check the session of a subscription: ${error instanceof Error ? error.message : String(error)}`,
              );
          },
        );
      });
    const stop = (): void => {
      clearTimeout(timer);
      changes.unsubscribe();
    };
    socket.once('close', stop);
    untilExpiry();
  }
}
