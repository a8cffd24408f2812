// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolve } from 'node:path';
import * as bluesky from '@atproto/oauth-client';
import { clientMetadata, MAX_NAME } from '../../src/join/client-metadata.ts';
import { SCOPE } from '../../src/join/scope.ts';

// The site's client metadata document: what `npx discuss-thread-client-metadata` writes must be what
// Bluesky accepts as a discoverable web client (its OAuth client's check of the document, and its
// authorization server's of the host), with our scope and a name that reads as written; anything
// else is refused with a message naming the option. `bluesky` is what the bin hands the function.

// Bluesky's OAuth client's own check of the metadata it is given (not in the package's exports map).
const { validateClientMetadata } = (await import(resolve('node_modules/@atproto/oauth-client/dist/validate-client-metadata.js'))) as {
  validateClientMetadata: (metadata: object) => { scope?: string };
};

const ok = {
  url: 'https://news.example.com/bluesky/client-metadata.json',
  redirect: 'https://news.example.com/bluesky/signed-in',
  name: 'The Northern Ledger',
};
const write = (options: Partial<typeof ok>) => clientMetadata({ ...ok, ...options }, bluesky);
const template = write({});

describe('clientMetadata', () => {
  it('writes a web client with DPoP, our scope, and the redirect page, as Bluesky’s OAuth client validates it', () => {
    const metadata = write({});
    const valid = validateClientMetadata(metadata);
    expect(valid).toMatchObject({
      client_id: ok.url,
      client_name: ok.name,
      application_type: 'web',
      dpop_bound_access_tokens: true,
      redirect_uris: [ok.redirect],
      scope: SCOPE,
      token_endpoint_auth_method: 'none',
    });
    expect(valid.scope).not.toContain('transition:generic');
  });

  it('writes the name on one line, trimmed, and the host name when none is given', () => {
    expect(write({ name: '  The\nNorthern \t\r\n Ledger\u2028' }).client_name).toBe('The Northern Ledger');
    expect(write({ name: ' \n ' }).client_name).toBe('news.example.com');
    expect(write({ name: undefined }).client_name).toBe('news.example.com');
    // Counted as readers see it: a hundred thumbs with a skin tone are a hundred characters, not four hundred.
    expect(write({ name: '👍🏽'.repeat(MAX_NAME) }).client_name).toBe('👍🏽'.repeat(MAX_NAME));
    expect(write({ name: 'שלום עולם' }).client_name).toBe('שלום עולם'); // right-to-left text needs no marks
  });

  it.each([
    [{ url: 'http://news.example.com/client-metadata.json' }, /^url: .* must be an https address/],
    [{ url: 'https://news.example.com/' }, /^url: give the document's own address/],
    [{ url: 'https://news.example.com/c.json#x' }, /^url: .*#fragment/],
    [{ url: 'news.example.com/c.json' }, /^url: "news.example.com\/c.json" is not an address/],
    [{ redirect: 'https://other.example.com/back' }, /^redirect: .* must be on the same site/],
    [{ url: 'https://localhost/c.json', redirect: 'https://localhost/back' }, /^url: .*use the loopback client/],
    // What Bluesky refuses: IP hosts other than the loopbacks, a path ending in `/`…
    [
      { url: 'https://203.0.113.7/c.json', redirect: 'https://203.0.113.7/back' },
      /^url: Bluesky's OAuth client refuses https:\/\/203\.0\.113\.7\/c\.json: .*IP address/,
    ],
    [{ url: 'https://[2001:db8::1]/c.json', redirect: 'https://[2001:db8::1]/back' }, /^url: Bluesky's OAuth client refuses .*IP address/],
    [{ url: 'https://news.example.com/bluesky/' }, /^url: Bluesky's OAuth client refuses .*trailing slash/],
    [{ url: 'https://intranet/c.json', redirect: 'https://intranet/back' }, /^url: Bluesky's OAuth client refuses .*two segments/],
    // … and a host its servers take for a local or reserved one.
    [{ url: 'https://news.example/c.json', redirect: 'https://news.example/back' }, /^url: Bluesky's servers refuse a client on news\.example: /],
    [{ url: 'https://blog.test/c.json', redirect: 'https://blog.test/back' }, /^url: Bluesky's servers refuse a client on blog\.test: /],
    // A bare `#` is a fragment too, though `new URL(…).hash` is empty.
    [{ url: 'https://news.example.com/c.json#' }, /^url: .*#fragment/],
    [{ redirect: 'https://news.example.com/back#' }, /^redirect: .*#fragment/],
    // Names for this machine, and the same names with a final dot.
    [{ url: 'https://app.localhost/c.json', redirect: 'https://app.localhost/back' }, /^url: https:\/\/app\.localhost\/c\.json is on this machine/],
    [{ url: 'https://localhost./c.json', redirect: 'https://localhost./back' }, /^url: .* is on this machine/],
    [{ url: 'https://news.example.com./c.json', redirect: 'https://news.example.com./back' }, /^url: write news\.example\.com\. without its final dot/],
    // Names that would read otherwise on the consent page.
    [{ name: 'The \u202Eregdel\u202C Ledger' }, /^name: remove the invisible character U\+202E \(character 5\)/],
    [{ name: '\u2066Northern\u2069' }, /^name: .*U\+2066/],
    [{ name: 'Northern\u200F' }, /^name: .*U\+200F/],
    [{ name: 'North\u0000ern' }, /^name: .*U\+0000/],
    [{ name: 'North\u0085ern' }, /^name: .*U\+0085/],
    [{ name: 'North\u200Bern' }, /^name: .*U\+200B/],
    [{ name: 'Nor\u00ADthern' }, /^name: .*U\+00AD/],
    [{ name: 'Northern\u{E0041}\u{E0042}' }, /^name: .*U\+E0041/],
  ])('refuses %j', (options, message) => {
    expect(() => write(options)).toThrow(message);
  });

  it('keeps the joiners emoji and some scripts are written with', () => {
    expect(write({ name: 'The \u{1F468}\u200D\u{1F469}\u200D\u{1F467} Ledger \u0645\u200C\u0627' }).client_name).toBe(
      'The \u{1F468}\u200D\u{1F469}\u200D\u{1F467} Ledger \u0645\u200C\u0627',
    );
  });

  it('refuses a name over 100 characters, one character hiding a pile of accents, and a huge name at once', () => {
    expect(() => write({ name: `Ledger${'\u0301'.repeat(1_000)}` })).toThrow(/^name: at most 100 characters/);
    expect(() => write({ name: 'x'.repeat(MAX_NAME + 1) })).toThrow(/^name: at most 100 characters, as readers see it/);
    // Not counted character by character: on Node 20, segmenting grows with the square of the text.
    expect(() => write({ name: 'Ledger '.repeat(100_000) })).toThrow(/^name: at most 100 characters/);
  });

  it('writes exactly the documents Bluesky accepts and our rules allow, with the name readers will see', () => {
    const good = fc.constantFrom('news.example.com', 'blog.example.org', 'xn--bcher-kva.example.net', 'a.b.c.example.com:8443', 'News.Example.COM');
    const bad = fc.constantFrom(
      ...['news.example', 'blog.test', 'printer.local', 'intranet', 'app.localhost', 'localhost', 'localhost.', 'news.example.com.'],
      ...['127.0.0.1', '[::1]', '203.0.113.7', '[2001:db8::1]', '0x7f.1', '192.168.1.1:8443', 'u:p@news.example.com'],
    );
    const host = fc.oneof({ arbitrary: good, weight: 3 }, { arbitrary: bad, weight: 2 });
    const path = fc.constantFrom(
      '/',
      '/c.json',
      '/bluesky/client-metadata.json',
      '/bluesky/',
      '/a b/c.json',
      '/x?y=1',
      '/c.json#f',
      '/c.json#',
      '/x?#',
      '/%2e%2e/c.json',
    );
    const scheme = fc.oneof({ arbitrary: fc.constant('https://'), weight: 4 }, { arbitrary: fc.constantFrom('http://', ''), weight: 1 });
    const address = fc.tuple(scheme, host, path).map((parts) => parts.join(''));
    // The redirect page: mostly on the document's site, as a site owner would give it; sometimes elsewhere.
    const pair = fc
      .tuple(scheme, host, path, path, fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: address, weight: 1 }))
      .map(([s, h, p, q, other]) => [s + h + p, other ?? s + h + q]);
    const invisible = [
      '\u200b',
      '\u00ad',
      '\ufeff',
      '\u{e0041}',
      '\u0000',
      '\u001f',
      '\u007f',
      '\u0085',
      '\u009f',
      '\u061c',
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202e',
      '\u2066',
      '\u2069',
    ];
    const spaces = [' ', '\n', '\r\n', '\t', '\u00a0', '\u2028', '\ufeff'];
    const name = fc.option(
      fc.oneof(
        fc.string(),
        fc.string({ unit: 'grapheme' }),
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.string({ unit: fc.constantFrom('a', 'é', '👍🏽', 'ש', '\u200d', ...spaces, ...invisible), maxLength: 20 }),
        // About as long as a name may be, and much longer.
        fc.string({ unit: fc.constantFrom('a', 'é', '👍🏽', ' ', '\n'), minLength: MAX_NAME - 5, maxLength: MAX_NAME + 10 }),
        fc.string({ minLength: 200, maxLength: 1_500 }),
        fc.string({ unit: fc.constantFrom('a', '\u0301', '\u0308'), minLength: 900, maxLength: 1_100 }),
      ),
    );
    let written = 0;
    fc.assert(
      fc.property(pair, name, ([url, redirect], name) => {
        const allowed = blueskyAccepts(url, redirect) && oursAllow(url, redirect) && nameAllowed(name ?? '');
        let metadata;
        try {
          metadata = clientMetadata({ url, redirect, name: name ?? undefined }, bluesky);
        } catch (error) {
          expect((error as Error).message).toMatch(/^(url|redirect|name): /);
          expect(allowed).toBe(false);
          return;
        }
        written++;
        expect(allowed).toBe(true);
        expect(() => validateClientMetadata(metadata)).not.toThrow();
        expect(metadata.client_name).toBe(oneLine(name ?? '') || new URL(url).hostname);
      }),
      { numRuns: 2000 },
    );
    expect(written).toBeGreaterThan(100); // about 180 on average: enough are written to check
  }, 60_000); // 2,000 documents, each judged twice by Bluesky's code: seconds on a busy machine
});

/**
 * What Bluesky says of the document the addresses describe: its OAuth client's check, then its
 * authorization server's (`@atproto/oauth-provider`): no host it takes for a local or reserved
 * name, no user or password in a redirect address.
 */
function blueskyAccepts(url: string, redirect: string): boolean {
  let id: URL, back: URL;
  try {
    [id, back] = [new URL(url), new URL(redirect)];
    validateClientMetadata({ ...template, client_id: id.href, client_uri: id.origin, redirect_uris: [back.href] });
  } catch {
    return false;
  }
  return !bluesky.isLocalHostname(id.hostname) && !bluesky.isLocalHostname(back.hostname) && !back.username && !back.password;
}

/** Our own rules, on top: https, the redirect page on the document's site, no `#` at all, no final dot. */
function oursAllow(url: string, redirect: string): boolean {
  const [id, back] = [new URL(url), new URL(redirect)];
  return id.protocol === 'https:' && back.origin === id.origin && !url.includes('#') && !redirect.includes('#') && !id.hostname.endsWith('.');
}

const oneLine = (name: string) => name.split(/\s+/).filter(Boolean).join(' ');
const segmenter = new Intl.Segmenter();

/**
 * A name is written when, on one line, it has no control, direction or other format character (the
 * joiners aside), and at most 100
 * characters as readers see them in at most 1,000 UTF-16 units (no character hides a pile of marks).
 */
function nameAllowed(name: string): boolean {
  const line = oneLine(name);
  const invisible = [...line].some((char) => {
    const code = char.codePointAt(0)!;
    return (
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      [0x061c, 0x200e, 0x200f].includes(code) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069) ||
      (/\p{Cf}/u.test(char) && code !== 0x200c && code !== 0x200d)
    );
  });
  return !invisible && line.length <= 1_000 && [...segmenter.segment(line)].length <= MAX_NAME;
}
