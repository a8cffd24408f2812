// Which hosts a document from the network may send a reader's browser to: a did:web host, a DID
// document's PDS. Its own module, so it travels with the code that needs it (standard.site, sign-in).

/** Names that never reach the public internet: loopback, link-local mDNS, and private by convention (RFC 6761, 6762, 8375). */
const PRIVATE_NAME = /(?:^|\.)(?:localhost|local|internal|localdomain|home\.arpa)$/;

/**
 * The origin of `input` when a document from the network may send a reader's browser there (a
 * did:web host, a DID document's PDS): `https:` on the default port, no credentials, and a public
 * DNS name of two labels or more, never an IP literal, loopback or a private name, which would turn
 * every reader's browser against their own machine or network. Undefined otherwise.
 */
export function publicHttpsOrigin(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return undefined;
  }
  // The parser writes every IPv4 form (`0x7f.1`, `2130706433`) as four decimals, and IPv6 in brackets.
  const host = url.hostname.replace(/\.$/, '');
  const ip = /^[\d.]+$|^\[/.test(host);
  if (url.protocol !== 'https:' || url.port || url.username || url.password || ip || !host.includes('.') || PRIVATE_NAME.test(host)) return undefined;
  return url.origin;
}
