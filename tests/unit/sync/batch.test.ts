import { inChains } from '../../../src/plugins/master-data/server/src/sync/controller';

describe('a batch runs a few records at once, those of one external id in order', () => {
  it('keeps per-key order, bounds concurrency, returns results in input order', async () => {
    const items = ['a1', 'b1', 'a2', 'c1', 'a3', 'b2'];
    let running = 0;
    let most = 0;
    const seen: string[] = [];
    const results = await inChains(items, (item) => item[0], 2, async (item) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, item === 'a1' ? 30 : 5));
      seen.push(item);
      running -= 1;
      return item.toUpperCase();
    });
    expect(results).toEqual(['A1', 'B1', 'A2', 'C1', 'A3', 'B2']);
    expect(most).toBe(2);
    const order = (key: string) => seen.filter((s) => s[0] === key);
    expect(order('a')).toEqual(['a1', 'a2', 'a3']);
    expect(order('b')).toEqual(['b1', 'b2']);
  });
});
