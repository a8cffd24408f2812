// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolve } from 'node:path';
import { clientMetadata } from '../../src/join/client-metadata.ts';
import { SCOPE, requestedScope } from '../../src/join/scope.ts';

// The site's client metadata document: what `npx discuss-thread-client-metadata` writes must be what
// Bluesky's own OAuth client accepts as a discoverable web client, with our scope; anything else is
// refused with a message naming the option.

// Bluesky's OAuth client's own check of the metadata it is given (not in the package's exports map).
const { validateClientMetadata } = (await import(resolve('node_modules/@atproto/oauth-client/dist/validate-client-metadata.js'))) as {
  validateClientMetadata: (metadata: object) => { scope?: string };
};

const ok = { url: 'https://news.example/bluesky/client-metadata.json', redirect: 'https://news.example/bluesky/signed-in', name: 'The Northern Ledger' };

describe('clientMetadata', () => {
  it('writes a web client with DPoP, our scope, and the redirect page, as Bluesky’s OAuth client validates it', () => {
    const metadata = clientMetadata(ok);
    const valid = validateClientMetadata(metadata);
    expect(valid).toMatchObject({
      client_id: ok.url,
      application_type: 'web',
      dpop_bound_access_tokens: true,
      redirect_uris: [ok.redirect],
      scope: SCOPE,
      token_endpoint_auth_method: 'none',
    });
    expect(valid.scope).not.toContain('transition:generic');
    expect(clientMetadata({ ...ok, name: ' ' }).client_name).toBe('news.example');
  });

  it.each([
    [{ ...ok, url: 'http://news.example/client-metadata.json' }, /^url: .* must be an https address/],
    [{ ...ok, url: 'https://news.example/' }, /^url: give the document's own address/],
    [{ ...ok, url: 'https://news.example/c.json#x' }, /^url: .*#fragment/],
    [{ ...ok, url: 'news.example/c.json' }, /^url: "news.example\/c.json" is not an address/],
    [{ ...ok, redirect: 'https://other.example/back' }, /^redirect: .* must be on the same site/],
    [{ ...ok, url: 'https://localhost/c.json', redirect: 'https://localhost/back' }, /^url: .*use the loopback client/],
  ])('refuses %j', (options, message) => {
    expect(() => clientMetadata(options)).toThrow(message);
  });

  it('writes only documents Bluesky’s OAuth client accepts, whatever addresses it is given', () => {
    const host = fc.constantFrom('news.example', 'blog.example.org', 'localhost', '127.0.0.1', 'xn--bcher-kva.example', 'a.b.c.example:8443');
    const path = fc.constantFrom('/', '/c.json', '/bluesky/client-metadata.json', '/a b/c.json', '/x?y=1', '/c.json#f', '/%2e%2e/c.json');
    const scheme = fc.constantFrom('https://', 'http://', '');
    const address = fc.tuple(scheme, host, path).map((parts) => parts.join(''));
    // The redirect page: mostly on the document's site, as a site owner would give it; sometimes elsewhere.
    const pair = fc
      .tuple(scheme, host, path, path, fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: address, weight: 1 }))
      .map(([s, h, p, q, other]) => [s + h + p, other ?? s + h + q]);
    let written = 0;
    fc.assert(
      fc.property(pair, fc.option(fc.string()), ([url, redirect], name) => {
        let metadata;
        try {
          metadata = clientMetadata({ url, redirect, name: name ?? undefined });
        } catch (error) {
          expect((error as Error).message).toMatch(/^(url|redirect): /);
          return;
        }
        written++;
        expect(() => validateClientMetadata(metadata)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
    expect(written).toBeGreaterThan(100); // about 220 on average: enough are written to check
  });
});

describe('requestedScope', () => {
  it('asks for our scope, less what the site’s metadata leaves out, never more', () => {
    expect(requestedScope(SCOPE)).toBe(SCOPE);
    expect(requestedScope(undefined)).toBe(SCOPE);
    const withoutImages = SCOPE.replace(' blob:image/*', '');
    expect(requestedScope(withoutImages)).toBe(withoutImages);
    expect(requestedScope(`${withoutImages} transition:generic`)).toBe(withoutImages);
  });
});
