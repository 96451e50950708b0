import { Badge } from '@strapi/design-system';
import type { Decision } from '../../../shared/contracts/matching';
import { decisionVariant } from '../utils/duplicates';

/** A match decision (block, review, allow) as a coloured badge. */
export const DecisionBadge = ({ decision }: { decision: Decision }) => <Badge variant={decisionVariant(decision)}>{decision}</Badge>;
