// Post references follow the atproto syntax exactly: a table of our own built from the rules the
// interop vectors (bluesky-social/atproto-interop-tests) exercise, and @atproto/syntax as an
// oracle on generated identifiers.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidDid, isValidHandle, isValidRecordKey } from '@atproto/syntax';
import { isDid, isHandle, isRecordKey, parsePostRef } from '../../src/bluesky/urls.ts';

const at = (actor: string, rkey = '3kabc') => `at://${actor}/app.bsky.feed.post/${rkey}`;
const label = (n: number) => 'a'.repeat(n);

describe('post references by the atproto syntax', () => {
  it.each([
    ['a DID with a %-escape', 'did:method:val%BB'],
    ['did:web with an escaped port, kept as written', 'did:web:localhost%3A8080'],
    ['a DID with inner colons', 'did:method:a:b:c'],
    ['a DID with dots, dashes and underscores', 'did:key:z6Mk-x_y.z'],
    ['a DID of 2,048 characters', `did:plc:${'x'.repeat(2048 - 8)}`],
    ['a handle', 'alice.bsky.social'],
    ['a handle with digits and dashes', '1-2.example-3.com'],
    ['a handle of 253 characters', `${[label(63), label(63), label(63), label(61)].join('.')}`],
    ['a punycode handle', 'xn--ls8h.test'],
  ])('accepts %s', (_, actor) => {
    expect(parsePostRef(at(actor))).toEqual({ actor, rkey: '3kabc' });
  });

  it.each([
    ['a DID ending in ":"', 'did:method:val:'],
    ['a DID ending in "%"', 'did:method:val%'],
    ['an upper-case method', 'did:METHOD:val'],
    ['a method with digits', 'did:m123:val'],
    ['an upper-case prefix', 'DID:method:val'],
    ['no method', 'did::val'],
    ['a DID of 2,049 characters', `did:plc:${'x'.repeat(2049 - 8)}`],
    ['a handle of 254 characters', `${[label(63), label(63), label(63), label(62)].join('.')}`],
    ['a 64-character label', `${label(64)}.com`],
    ['a TLD starting with a digit', 'alice.1com'],
    ['a single label', 'localhost'],
    ['a label ending in a dash', 'alice-.example'],
    ['a trailing dot', 'alice.example.'],
    ['an empty label', 'alice..example'],
    ['non-ASCII', 'ålice.example'],
  ])('rejects %s', (_, actor) => {
    expect(parsePostRef(at(actor))).toBeUndefined();
  });

  it.each([['self'], ['3jzfcijpj2z2a'], ['a'], ['~'], [':'], ['-'], ['_'], ['...'], ['self.'], ['lang:'], ['x'.repeat(512)]])(
    'accepts record key %s',
    (rkey) => {
      expect(parsePostRef(at('did:plc:abc', rkey))?.rkey).toBe(rkey);
    },
  );

  it.each([['.'], ['..'], ['x'.repeat(513)], ['a b'], ['a@b'], ['a#b'], ['a%20b'], ['a/b']])('rejects record key %s', (rkey) => {
    expect(parsePostRef(at('did:plc:abc', rkey))).toBeUndefined();
  });

  it('reads bsky.app URLs whose parts are percent-encoded, and keeps DIDs that contain %', () => {
    expect(parsePostRef('https://bsky.app/profile/did%3Aplc%3Aabc123/post/3kabc')).toEqual({ actor: 'did:plc:abc123', rkey: '3kabc' });
    expect(parsePostRef('https://bsky.app/profile/did:web:localhost%3A8080/post/3kabc')).toEqual({ actor: 'did:web:localhost%3A8080', rkey: '3kabc' });
    expect(parsePostRef('https://bsky.app/profile/did:plc:abc/post/lang%3A')).toEqual({ actor: 'did:plc:abc', rkey: 'lang:' });
    expect(parsePostRef('https://bsky.app/profile/alice.example/post/%2E%2E')).toBeUndefined();
    expect(parsePostRef('https://bsky.app/profile/%E0%A4%A/post/3kabc')).toBeUndefined();
  });

  it('never decodes an at:// URI into another identifier', () => {
    expect(parsePostRef('at://did%3Aplc%3Aabc/app.bsky.feed.post/3kabc')).toBeUndefined();
    expect(parsePostRef(at('did:web:localhost%3A8080'))?.actor).toBe('did:web:localhost%3A8080');
  });

  // Identifiers drawn from the characters the rules are about, in the shapes they take.
  const chars = (alphabet: string, max: number) => fc.string({ unit: fc.constantFrom(...alphabet), maxLength: max });
  const did = fc.oneof(
    fc.tuple(fc.constantFrom('did', 'DID', 'di'), chars('abcXYZ19', 6), chars('aZ09._:%-~/', 12)).map(([p, m, v]) => `${p}:${m}:${v}`),
    chars('did:plcwebXY%09._-', 24),
  );
  const handle = fc.array(chars('aZ09-', 8), { minLength: 1, maxLength: 5 }).map((labels) => labels.join('.'));
  const rkey = fc.oneof(chars('aZ09._:~-', 6), chars('aZ09._:~-%/ #@', 6), fc.constantFrom('.', '..', '...'));

  it('agrees with @atproto/syntax on generated DIDs, handles and record keys', () => {
    fc.assert(
      fc.property(fc.oneof(did, handle), rkey, (actor, key) => {
        expect(isDid(actor)).toBe(isValidDid(actor));
        expect(isHandle(actor)).toBe(isValidHandle(actor));
        expect(isRecordKey(key)).toBe(isValidRecordKey(key));
        const valid = (isValidDid(actor) || isValidHandle(actor)) && isValidRecordKey(key);
        expect(parsePostRef(at(actor, key))).toEqual(valid ? { actor, rkey: key } : undefined);
      }),
      { numRuns: 3000 },
    );
  });
});
