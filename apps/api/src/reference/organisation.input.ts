import { Field, ID, InputType } from '@nestjs/graphql';
import { IdOf, JurisdictionCode, OptionalText, RequiredText } from '../graphql/validation.js';

@InputType()
export class CreateOrganisationInput {
  @Field(() => String)
  @RequiredText(2, 200)
  name: string;

  @Field(() => String)
  @JurisdictionCode()
  homeJurisdictionCode: string;
}

@InputType()
export class UpdateOrganisationInput {
  @Field(() => ID)
  @IdOf('organisation')
  id: string;

  @Field(() => String, { nullable: true })
  @OptionalText(2, 200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @JurisdictionCode({ optional: true })
  homeJurisdictionCode?: string | null;
}

@InputType()
export class OrganisationFilterInput {
  @Field(() => String, { nullable: true })
  @OptionalText(16)
  homeJurisdictionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, any case.' })
  @OptionalText(200)
  search?: string | null;
}
