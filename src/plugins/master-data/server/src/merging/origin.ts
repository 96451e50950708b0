/**
 * Which writes are merge and unmerge's own: only they may set or clear the merge markers (see
 * ./stage.ts). An explicit origin flag, set around the merge service's writes, rather than a
 * guess from the data; kept minimal until writes carry a full write context.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const origin = new AsyncLocalStorage<'merge'>();

/** Runs `fn` with its writes marked as merge/unmerge writes. */
export const asMergeWrite = <T>(fn: () => Promise<T>): Promise<T> => origin.run('merge', fn);
export const isMergeWrite = () => origin.getStore() === 'merge';
