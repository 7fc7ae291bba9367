// IPv4 and IPv6 addresses as the manifest, the flow table and ss write them, compared in one
// canonical form: `::`, `[::]`, `0:0::0` and ss's `*` are one address.
import { isIP } from 'node:net';

/** Whether `text` is an IPv4 or IPv6 address (node's own parser, not a hand regexp). */
export function isAddress(text: string): boolean {
  return isIP(unbracketed(text)) !== 0;
}

function unbracketed(text: string): string {
  return text.replace(/^\[(.*)\]$/, '$1');
}

/**
 * The canonical form: IPv6 as the URL standard serializes it (RFC 5952: lower case, the
 * longest zero run as ::), IPv4 unchanged. ss prints `*` for an IPv6 wildcard socket that
 * also takes IPv4 (v6only off): it is bound to `::`.
 */
export function canonicalAddress(text: string): string {
  const address = unbracketed(text);
  if (address === '*') return '::';
  return isIP(address) === 6 ? new URL(`http://[${address}]/`).hostname.slice(1, -1) : address;
}

export function sameAddress(a: string, b: string): boolean {
  return canonicalAddress(a) === canonicalAddress(b);
}

/** What an address opens: loopback only, every address (a wildcard), or one other interface. */
export function addressScope(address: string): 'loopback' | 'every address' | 'one interface' {
  const canonical = canonicalAddress(address);
  if (/^127\./.test(canonical) || canonical === '::1' || canonical === '::ffff:7f00:1') return 'loopback';
  if (canonical === '0.0.0.0' || canonical === '::') return 'every address';
  return 'one interface';
}

/** `address:port`, IPv6 in brackets, as a URL and ss write it. */
export function hostPort(address: string, port: number): string {
  const canonical = canonicalAddress(address);
  return `${canonical.includes(':') ? `[${canonical}]` : canonical}:${port}`;
}
