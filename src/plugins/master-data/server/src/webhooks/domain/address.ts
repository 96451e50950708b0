/**
 * The SSRF guard's address check: which resolved addresses a webhook may be delivered to. Only
 * public unicast addresses, unless the endpoint's host is on the allow-list (WEBHOOKS_ALLOWED_HOSTS).
 * An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) is judged as the IPv4 address it carries; the
 * prefixes that tunnel to IPv4 (6to4, NAT64, Teredo) are refused, whatever they embed. Pure.
 */
import ipaddr from 'ipaddr.js';

/** Ranges (ipaddr.js names) a webhook may reach: public unicast only. */
const PUBLIC = new Set(['unicast']);

/** Cloud metadata services (AWS, GCP, Azure, Alibaba, Oracle): named as such, whatever their range. */
const METADATA = new Set(['169.254.169.254', '100.100.100.200', 'fd00:ec2::254', '192.0.0.192']);

export interface AddressVerdict {
  allowed: boolean;
  /** The range it falls in (`private`, `loopback`, `linkLocal`, `uniqueLocal`, `metadata` ...). */
  range: string;
}

/** Whether a webhook may be delivered to `address` (a literal IP), and why not. */
export const addressVerdict = (address: string): AddressVerdict => {
  if (!ipaddr.isValid(address)) return { allowed: false, range: 'invalid' };
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    // Judged as the IPv4 address it carries; 6to4, NAT64, Teredo ... are not `unicast` and refused.
    if (v6.isIPv4MappedAddress()) ip = v6.toIPv4Address();
  }
  const normal = ip.toNormalizedString();
  if (METADATA.has(normal) || METADATA.has(ip.toString())) return { allowed: false, range: 'metadata' };
  const range = ip.range();
  return { allowed: PUBLIC.has(range), range };
};

/** A host name as the allow-list compares it: lower case, without IPv6 brackets or a trailing dot. */
export const hostKey = (host: string) => host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');

/** The allow-list from its comma-separated form (`127.0.0.1, hooks.internal`). */
export const parseAllowList = (value: string | string[] | undefined | null): Set<string> =>
  new Set((Array.isArray(value) ? value : String(value ?? '').split(',')).map((h) => hostKey(String(h))).filter(Boolean));

export interface UrlProblem {
  message: string;
}

/** What an endpoint URL must be before any address is looked at: http(s), a host, no credentials. */
export const urlProblem = (raw: string): UrlProblem | null => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { message: 'must be an absolute http(s) URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { message: 'must use http or https' };
  if (!url.hostname) return { message: 'must name a host' };
  if (url.username || url.password) return { message: 'must not carry credentials (use a custom header)' };
  if (url.hash) return { message: 'must not have a #fragment' };
  if (raw.length > 2000) return { message: 'must be at most 2000 characters' };
  return null;
};
