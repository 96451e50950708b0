/** Merge and unmerge (part of duplicate management): their stages and the hiding of merged records. */
import type { Capability } from '../governance/capability';
import { mergeMarkerStage, survivorLockStage } from './stage';
import { createHideMergedMiddleware } from './hide-merged';

export const merging: Capability = {
  name: 'merging',
  register({ governance }) {
    governance.addStage(survivorLockStage);
    governance.addStage(mergeMarkerStage);
  },
  bootstrap({ strapi, enabled }) {
    if (!enabled) return;
    strapi.documents.use(createHideMergedMiddleware(strapi) as any);
  },
};
