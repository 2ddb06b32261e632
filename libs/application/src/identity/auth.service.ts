import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig, Clock } from '@sandbridge/common';
import { type Actor, DomainError, passwordProblem, Role } from '@sandbridge/domain';
import {
  AccountRepository,
  type AccountEntity,
  type AccountSessionState,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { EventBus } from '../cooperation/event-bus.js';
import { AccountSessions } from './account-sessions.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  account: AccountEntity;
}

/** A verified token: who is asking, which session, and when the token stops working. */
export interface Session {
  actor: Actor;
  sessionId: string;
  expiresAt: Date;
}

export interface ChangePasswordCommand {
  currentPassword: string;
  newPassword: string;
}

/**
 * What a token says. `sid` names the session (one sign-in); `sev` is the account's session epoch
 * when it was issued: raising the epoch ends every token issued before. Role and tenant are
 * compared with the account's on every request, so a moved account's old tokens stop working too.
 */
interface TokenClaims {
  sub: string;
  sid: string;
  sev: number;
  role: Role;
  aut?: string | null;
  org?: string | null;
  jur?: string | null;
  iat: number;
  exp: number;
}

const WRONG_CREDENTIALS = 'Wrong e-mail or password';
const SESSION_ENDED = 'This session has ended (signed out, password changed or account disabled): sign in again';

// Verifying against a real hash when the e-mail is unknown keeps the response time from telling
// which e-mail addresses have accounts.
let decoyHash: Promise<string> | null = null;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: AccountSessions,
    private readonly throttle: LoginThrottle,
    private readonly connection: TransactionalConnection,
    private readonly events: EventBus,
  ) {}

  /**
   * Signs in. A wrong password, an unknown e-mail and a disabled account give the same answer (and
   * cost the same hash verification); failures are limited per e-mail and per client address.
   */
  async login(email: string, password: string, clientAddress: string | null = null): Promise<LoginResult> {
    const account = await this.throttle.guard(email, clientAddress, async () => {
      const found = await this.accounts.findByEmail(email.trim());
      decoyHash ??= this.hasher.hash('decoy password for unknown accounts');
      const valid = await this.hasher.verify(password, found?.passwordHash ?? (await decoyHash));
      return valid && found && !found.disabledAt ? found : null;
    });
    if (!account) throw DomainError.unauthenticated(WRONG_CREDENTIALS);
    return this.issue(account);
  }

  /**
   * Changes the caller's own password, ending every token issued before (the one in use included),
   * and returns a fresh token for this client. A wrong current password counts as a failed sign-in:
   * a stolen token cannot be used to guess the password.
   */
  async changePassword(
    actor: Actor,
    command: ChangePasswordCommand,
    clientAddress: string | null = null,
  ): Promise<LoginResult> {
    const problem = passwordProblem(command.newPassword);
    if (problem) throw DomainError.badInput([{ path: 'input.newPassword', message: problem }]);
    if (command.newPassword === command.currentPassword) {
      throw DomainError.badInput([{ path: 'input.newPassword', message: 'must differ from the current password' }]);
    }
    const account = await this.accounts.findById(actor.accountId);
    if (!account) throw DomainError.unauthenticated(SESSION_ENDED);
    const verified = await this.throttle.guard(
      account.email,
      clientAddress,
      async () => (await this.hasher.verify(command.currentPassword, account.passwordHash)) || null,
    );
    if (!verified)
      throw DomainError.badInput([{ path: 'input.currentPassword', message: 'is not your current password' }]);
    const passwordHash = await this.hasher.hash(command.newPassword);
    const changed = await this.connection.withTransaction(async () => {
      const updated = await this.accounts.endSessions(account.id, { passwordHash });
      if (!updated) throw DomainError.unauthenticated(SESSION_ENDED);
      this.events.publishAccountChange(account.id);
      return updated;
    });
    return this.issue(changed);
  }

  /** A new token for the account in its current session epoch. */
  private async issue(account: AccountEntity): Promise<LoginResult> {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAt = issuedAt + this.config.auth.jwtTtlSeconds;
    const claims: TokenClaims = {
      sub: account.id,
      sid: randomUUID(),
      sev: account.sessionEpoch,
      role: account.role,
      aut: account.authorityId,
      org: account.organisationId,
      jur: account.jurisdictionCode,
      iat: issuedAt,
      exp: expiresAt,
    };
    const token = await this.jwt.signAsync(claims);
    return { token, expiresAt: new Date(expiresAt * 1000), account };
  }

  /**
   * The session a bearer token stands for; UNAUTHENTICATED when it is invalid, has no expiry or has
   * expired, or its session has ended (account deleted or disabled, epoch raised, role or tenant
   * changed). `fresh` reads the account from the database rather than the short cache.
   */
  async authenticate(token: string, { fresh = false }: { fresh?: boolean } = {}): Promise<Session> {
    let claims: Partial<TokenClaims>;
    try {
      claims = await this.jwt.verifyAsync<Partial<TokenClaims> & object>(token, {
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
    } catch {
      throw DomainError.unauthenticated('The token is invalid or has expired: sign in again');
    }
    // jsonwebtoken accepts a token without `exp` as never expiring: tokens here always expire.
    if (!isClaims(claims)) throw DomainError.unauthenticated('The token is invalid: sign in again');
    const state = await this.sessions.state(claims.sub, { fresh });
    if (!state || !matches(claims, state)) throw DomainError.unauthenticated(SESSION_ENDED);
    return {
      actor: {
        accountId: claims.sub,
        role: claims.role,
        authorityId: claims.aut ?? null,
        organisationId: claims.org ?? null,
        jurisdictionCode: claims.jur ?? null,
      },
      sessionId: claims.sid,
      expiresAt: new Date(claims.exp * 1000),
    };
  }

  /** The actor a bearer token stands for (see `authenticate`). */
  async actorFromToken(token: string): Promise<Actor> {
    return (await this.authenticate(token)).actor;
  }

  /** Creates the first ADMIN from ADMIN_EMAIL / ADMIN_PASSWORD when no account has that e-mail. */
  async ensureAdmin(): Promise<void> {
    const admin = this.config.auth.admin;
    if (!admin) return;
    if (await this.accounts.findByEmail(admin.email)) return;
    await this.accounts.insert({
      email: admin.email,
      displayName: 'Administrator',
      passwordHash: await this.hasher.hash(admin.password),
      role: Role.ADMIN,
      authorityId: null,
      organisationId: null,
      jurisdictionCode: null,
    });
    this.logger.log(`Created the first administrator account ${admin.email}`);
  }
}

function isClaims(claims: Partial<TokenClaims>): claims is TokenClaims {
  return (
    typeof claims.sub === 'string' &&
    typeof claims.sid === 'string' &&
    Number.isInteger(claims.sev) &&
    Number.isFinite(claims.iat) &&
    Number.isFinite(claims.exp) &&
    Object.values(Role).includes(claims.role as Role)
  );
}

/** The token was issued in the account's current session epoch, to the account as it is now. */
function matches(claims: TokenClaims, state: AccountSessionState): boolean {
  return (
    !state.disabledAt &&
    state.sessionEpoch === claims.sev &&
    state.role === claims.role &&
    state.authorityId === (claims.aut ?? null) &&
    state.organisationId === (claims.org ?? null) &&
    state.jurisdictionCode === (claims.jur ?? null)
  );
}
