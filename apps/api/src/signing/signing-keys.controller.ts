import { Controller, Get, Header } from '@nestjs/common';
import { type JwkSet, SigningKeyService } from '@sandbridge/application';

/**
 * The platform's public signing key(s) as a JWK set, public on purpose: a notified body or another
 * authority checks a signed checkpoint or document offline against it.
 */
@Controller('.well-known')
export class SigningKeysController {
  constructor(private readonly signing: SigningKeyService) {}

  @Get('sandbridge-keys')
  @Header('Cache-Control', 'public, max-age=300')
  keys(): JwkSet {
    return this.signing.publicJwks();
  }
}
