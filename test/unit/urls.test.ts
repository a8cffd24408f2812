import { describe, expect, it } from 'vitest';
import { cleanUrl, normalizeUrl, parsePostRef } from '../../src/bluesky/urls.ts';
import { postUrl, profileUrl, safeHref } from '../../src/bluesky/links.ts';

describe('cleanUrl', () => {
  it('removes the fragment and tracking parameters, keeps the rest', () => {
    expect(cleanUrl('https://news.example/a?id=7&utm_source=x&utm_campaign=y&fbclid=1&gclid=2#comments')).toBe('https://news.example/a?id=7');
  });
  it('refuses addresses that are not web pages', () => {
    expect(cleanUrl('ftp://news.example/a')).toBeUndefined();
    expect(cleanUrl('javascript:alert(1)')).toBeUndefined();
    expect(cleanUrl('not a url')).toBeUndefined();
  });
  it('resolves relative addresses against a base', () => {
    expect(cleanUrl('/story', 'https://news.example/world/')).toBe('https://news.example/story');
  });
});

describe('normalizeUrl', () => {
  it('gives every address of one article the same key', () => {
    const forms = [
      'https://news.example/world/story',
      'HTTPS://WWW.News.Example/world/story/',
      'https://news.example:443/world/story/index.html',
      'https://news.example/world/story?utm_source=bsky#top',
    ];
    expect(new Set(forms.map(normalizeUrl))).toEqual(new Set(['https://news.example/world/story']));
  });
  it('sorts the query and keeps meaningful parameters apart', () => {
    expect(normalizeUrl('https://a.example/p?b=2&a=1')).toBe(normalizeUrl('https://a.example/p?a=1&b=2'));
    expect(normalizeUrl('https://a.example/p?id=1')).not.toBe(normalizeUrl('https://a.example/p?id=2'));
  });
});

describe('post references', () => {
  it('reads bsky.app URLs and at:// URIs', () => {
    expect(parsePostRef('https://bsky.app/profile/alice.example/post/3kabc')).toEqual({ actor: 'alice.example', rkey: '3kabc' });
    expect(parsePostRef('at://did:plc:abc123/app.bsky.feed.post/3kabc')).toEqual({ actor: 'did:plc:abc123', rkey: '3kabc' });
  });
  it('rejects anything else', () => {
    for (const bad of ['https://bsky.app/profile/alice.example', 'https://evil.example/profile/a.b/post/1', 'at://did:plc:abc/app.bsky.feed.like/1', 'hello'])
      expect(parsePostRef(bad)).toBeUndefined();
  });
  it('links posts and profiles on bsky.app by handle, or by DID when the handle is invalid', () => {
    expect(postUrl('at://did:plc:abc/app.bsky.feed.post/3k', 'alice.example')).toBe('https://bsky.app/profile/alice.example/post/3k');
    expect(postUrl('at://did:plc:abc/app.bsky.feed.post/3k', 'handle.invalid')).toBe('https://bsky.app/profile/did%3Aplc%3Aabc/post/3k');
    expect(profileUrl('did:plc:abc')).toBe('https://bsky.app/profile/did%3Aplc%3Aabc');
  });
});

describe('safeHref', () => {
  it('lets only http and https through', () => {
    expect(safeHref('https://example.com/x')).toBe('https://example.com/x');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'file:///etc/passwd', '//example.com'])
      expect(safeHref(bad)).toBeUndefined();
  });
});

describe('a malformed post reference', () => {
  it('is rejected, not thrown', () => {
    expect(parsePostRef('https://bsky.app/profile/a%/post/abc')).toBeUndefined();
  });
});
