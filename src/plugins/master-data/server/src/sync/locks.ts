/** The advisory lock of one external id pair (see governance/locks.ts): the system without case. */
import { lockKey } from '../governance/locks';
import type { ExternalIdPair } from './domain/external-ids';

export const pairLock = (pair: ExternalIdPair) => lockKey('sync', pair.system.toLowerCase(), pair.externalId);
