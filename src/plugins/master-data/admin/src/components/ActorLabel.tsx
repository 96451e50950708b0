import { Badge, Flex, Typography } from '@strapi/design-system';
import type { AuditActor } from '../../../shared/contracts/audit';

/** Who made a change: the actor's display name and the kind of credential (admin, api-token, …). */
export const ActorLabel = ({ actor }: { actor: AuditActor }) => (
  <Flex gap={2} wrap="wrap">
    <Typography textColor="neutral800">{actor.name}</Typography>
    <Badge size="S" variant={actor.kind === 'system' ? 'neutral' : 'secondary'}>
      {actor.kind}
    </Badge>
  </Flex>
);
