// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SCOPE, requestedScope } from '../../src/join/scope.ts';

// What a signed-in reader grants, written out here by hand: a change to the scope (editing or deleting
// posts, any kind of upload, following, the whole account) has to change this test too, on purpose.
const GRANTED = [
  'atproto',
  'repo:app.bsky.feed.post?action=create',
  'repo:app.bsky.feed.like?action=create&action=delete',
  'repo:app.bsky.feed.repost?action=create&action=delete',
  'blob:image/*',
];

describe('SCOPE', () => {
  it('is exactly: create posts; create and delete likes and reposts; upload images; nothing else', () => {
    expect(SCOPE).toBe(
      'atproto repo:app.bsky.feed.post?action=create repo:app.bsky.feed.like?action=create&action=delete repo:app.bsky.feed.repost?action=create&action=delete blob:image/*',
    );
    expect(SCOPE.split(' ')).toEqual(GRANTED);
  });
});

describe('requestedScope', () => {
  it('asks for the whole scope when the site’s metadata declares it, or declares nothing we can read', () => {
    expect(requestedScope(GRANTED.join(' '))).toBe(GRANTED.join(' '));
    expect(requestedScope(undefined)).toBe(GRANTED.join(' '));
    // In our order, whatever the metadata's; extra spaces are no scope.
    expect(requestedScope(`  ${[...GRANTED].reverse().join('  ')} `)).toBe(GRANTED.join(' '));
  });

  it('asks for less when the site declares less: the authorization server refuses a scope the metadata leaves out', () => {
    const withoutImages = GRANTED.filter((scope) => scope !== 'blob:image/*').join(' ');
    expect(requestedScope(withoutImages)).toBe(withoutImages);
    expect(requestedScope('atproto')).toBe('atproto');
    expect(requestedScope('atproto repo:app.bsky.feed.post?action=create')).toBe('atproto repo:app.bsky.feed.post?action=create');
  });

  it('never asks for more than ours, whatever the site declares', () => {
    const wider = [
      'transition:generic',
      'blob:*/*',
      'repo:app.bsky.graph.follow?action=create',
      'repo:app.bsky.feed.post',
      'repo:app.bsky.feed.post?action=create&action=update&action=delete',
      'repo:*',
    ];
    expect(requestedScope([...wider, ...GRANTED].join(' '))).toBe(GRANTED.join(' '));
    // A wider grant is not ours: the server compares scopes as strings, so `blob:*/*` does not
    // stand for `blob:image/*`, and asking for what was not declared would be refused.
    expect(requestedScope(['atproto', ...wider].join(' '))).toBe('atproto');
  });
});
