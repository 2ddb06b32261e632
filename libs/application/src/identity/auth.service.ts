import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig, Clock } from '@sandbridge/common';
import { type Actor, DomainError, Role } from '@sandbridge/domain';
import { AccountRepository, type AccountEntity } from '@sandbridge/persistence';
import { PasswordHasher } from './password-hasher.js';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  account: AccountEntity;
}

interface TokenClaims {
  sub: string;
  role: Role;
  aut?: string | null;
  org?: string | null;
  jur?: string | null;
}

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
  ) {}

  async login(email: string, password: string): Promise<LoginResult> {
    const account = await this.accounts.findByEmail(email.trim());
    decoyHash ??= this.hasher.hash('decoy password for unknown accounts');
    const valid = await this.hasher.verify(password, account?.passwordHash ?? (await decoyHash));
    if (!account || !valid) throw DomainError.unauthenticated('Wrong e-mail or password');
    const claims: TokenClaims = {
      sub: account.id,
      role: account.role as Role,
      aut: account.authorityId,
      org: account.organisationId,
      jur: account.jurisdictionCode,
    };
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAt = issuedAt + this.config.auth.jwtTtlSeconds;
    const token = await this.jwt.signAsync({ ...claims, iat: issuedAt, exp: expiresAt });
    return { token, expiresAt: new Date(expiresAt * 1000), account };
  }

  /** The actor a bearer token stands for; UNAUTHENTICATED when it is invalid or expired. */
  async actorFromToken(token: string): Promise<Actor> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & object>(token, { clockTimestamp: Math.floor(this.clock.now().getTime() / 1000) });
    } catch {
      throw DomainError.unauthenticated('The token is invalid or has expired: sign in again');
    }
    if (!Object.values(Role).includes(claims.role)) throw DomainError.unauthenticated('The token is invalid: sign in again');
    return {
      accountId: claims.sub,
      role: claims.role,
      authorityId: claims.aut ?? null,
      organisationId: claims.org ?? null,
      jurisdictionCode: claims.jur ?? null,
    };
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
