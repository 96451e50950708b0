import { addressVerdict, hostKey, parseAllowList, urlProblem } from '../../../src/plugins/master-data/server/src/webhooks/domain/address';

describe('SSRF guard: which addresses a webhook may reach', () => {
  it.each([
    ['8.8.8.8', true, 'unicast'],
    ['2001:4860:4860::8888', true, 'unicast'],
    ['::ffff:8.8.8.8', true, 'unicast'],
    ['127.0.0.1', false, 'loopback'],
    ['127.255.0.9', false, 'loopback'],
    ['::1', false, 'loopback'],
    ['10.1.2.3', false, 'private'],
    ['172.16.0.1', false, 'private'],
    ['192.168.1.1', false, 'private'],
    ['169.254.1.1', false, 'linkLocal'],
    ['169.254.169.254', false, 'metadata'],
    ['100.100.100.200', false, 'metadata'],
    ['fd00:ec2::254', false, 'metadata'],
    ['fe80::1', false, 'linkLocal'],
    ['fc00::1', false, 'uniqueLocal'],
    ['100.64.0.1', false, 'carrierGradeNat'],
    ['0.0.0.0', false, 'unspecified'],
    ['::', false, 'unspecified'],
    ['224.0.0.1', false, 'multicast'],
    ['255.255.255.255', false, 'broadcast'],
    // IPv4-mapped IPv6 is judged as the IPv4 address it carries.
    ['::ffff:127.0.0.1', false, 'loopback'],
    ['::ffff:10.0.0.1', false, 'private'],
    ['::ffff:169.254.169.254', false, 'metadata'],
    ['::ffff:a9fe:a9fe', false, 'metadata'],
    // Tunnels to IPv4 are refused whatever they embed.
    ['2002:0a00:0001::1', false, '6to4'],
    ['64:ff9b::a00:1', false, 'rfc6052'],
    ['not an address', false, 'invalid'],
  ])('%s → allowed %s (%s)', (address, allowed, range) => {
    expect(addressVerdict(address)).toEqual({ allowed, range });
  });

  it('reads the allow-list and compares host names as URLs give them', () => {
    const list = parseAllowList(' 127.0.0.1, Hooks.Internal. ,[::1],');
    expect([...list]).toEqual(['127.0.0.1', 'hooks.internal', '::1']);
    expect(list.has(hostKey('HOOKS.internal'))).toBe(true);
    expect(list.has(hostKey('[::1]'))).toBe(true);
    expect(parseAllowList(['a.example', ' B.example '])).toEqual(new Set(['a.example', 'b.example']));
    expect(parseAllowList(undefined).size).toBe(0);
  });

  it.each([
    ['https://erp.example.com/hooks', null],
    ['http://127.0.0.1:9000/x', null],
    ['ftp://example.com/', 'http or https'],
    ['javascript:alert(1)', 'http or https'],
    ['https://user:pw@example.com/', 'credentials'],
    ['https://example.com/#x', 'fragment'],
    ['example.com/hook', 'absolute'],
    [`https://example.com/${'a'.repeat(2000)}`, '2000'],
  ])('URL %s: %s', (url, problem) => {
    const found = urlProblem(url);
    if (problem === null) expect(found).toBeNull();
    else expect(found?.message).toContain(problem);
  });
});
