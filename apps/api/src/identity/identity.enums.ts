import { registerEnumType } from '@nestjs/graphql';
import { Role } from '@sandbridge/domain';

// The enums of identity, registered once; files that use one import this file.

registerEnumType(Role, {
  name: 'Role',
  description: 'ADMIN runs the platform; the others are bound to one tenant (docs/domain.md#roles-and-visibility).',
});
