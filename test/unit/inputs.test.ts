import { describe, expect, it, vi } from 'vitest';
import { DEFAULTS, readInputs, readPage, type Page } from '../../src/inputs.ts';
import { warner } from '../../src/bluesky/warn.ts';

const page: Page = { baseURI: 'https://news.example/world/story', href: 'https://news.example/world/story?utm_source=x#c', title: 'Story' };
const quiet = () => vi.fn();

describe('readInputs', () => {
  it('applies every default with no attributes', () => {
    const inputs = readInputs({}, page, quiet());
    expect(inputs).toMatchObject({
      article: 'https://news.example/world/story',
      pinned: [],
      author: undefined,
      sort: DEFAULTS.sort,
      limit: DEFAULTS.limit,
      depth: DEFAULTS.depth,
      service: DEFAULTS.service,
      searchService: DEFAULTS.searchService,
      backlinksService: DEFAULTS.backlinksService,
      composeText: DEFAULTS.composeText,
      headingLevel: DEFAULTS.headingLevel,
      loading: DEFAULTS.loading,
      title: 'Story',
    });
  });

  it('takes the article from url, then canonical, then og:url, then the page, cleaned once', () => {
    const from = (extra: Partial<Page>, url?: string) => readInputs({ url }, { ...page, ...extra }, quiet()).article;
    expect(from({ canonical: 'https://news.example/c', ogUrl: 'https://news.example/o' }, '/a?fbclid=1')).toBe('https://news.example/a');
    expect(from({ canonical: 'https://news.example/c', ogUrl: 'https://news.example/o' })).toBe('https://news.example/c');
    expect(from({ ogUrl: 'https://news.example/o#x' })).toBe('https://news.example/o');
    expect(from({})).toBe('https://news.example/world/story');
    expect(readInputs({ url: 'HTTPS://WWW.News.Example/a/' }, page, quiet()).articleKey).toBe('https://news.example/a');
  });

  it('warns once per bad value, naming the attribute and the default used', () => {
    const warn = quiet();
    const attrs = {
      sort: 'random',
      limit: 0,
      depth: 101,
      headingLevel: 9,
      theme: 'sepia',
      loading: 'soon',
      url: 'ftp://x',
      service: 'javascript:alert(1)',
      author: 'not a handle!',
      post: 'hello https://bsky.app/profile/a.example/post/3kabc',
    };
    const inputs = readInputs(attrs, page, warn);
    expect(inputs).toMatchObject({ sort: 'top', limit: 20, depth: 6, headingLevel: 2, loading: 'lazy', service: DEFAULTS.service, author: undefined });
    expect(inputs.pinned).toEqual([{ actor: 'a.example', rkey: '3kabc' }]);
    expect(warn.mock.calls.map((c) => c[0]).sort()).toEqual(
      ['author', 'depth', 'heading-level', 'limit', 'loading', 'post', 'service', 'sort', 'theme', 'url'].sort(),
    );
    const log = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const once = warner();
    once('sort', 'random', '"top"');
    once('sort', 'random', '"top"');
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0][0])).toBe('<discuss-thread>: ignoring sort="random"; using "top".');
    log.mockRestore();
  });

  it('keys a load by what shapes it, not by what only re-renders', () => {
    const key = (attrs: Parameters<typeof readInputs>[0]) => readInputs(attrs, page, quiet()).key;
    expect(key({ composeText: 'x {url}', headingLevel: 3, theme: 'dark' })).toBe(key({}));
    expect(key({ sort: 'latest' })).not.toBe(key({}));
    expect(key({ backlinksService: 'none' })).not.toBe(key({}));
    expect(key({ author: '@Mina.Example' })).toBe(key({ author: 'mina.example' }));
  });

  it('reads the page’s address, canonical link, og:url and title', () => {
    document.head.innerHTML =
      '<link rel="canonical" href="https://news.example/c"><meta property="og:url" content="https://news.example/o"><meta property="og:title" content="OG title">';
    expect(readPage(document)).toMatchObject({ canonical: 'https://news.example/c', ogUrl: 'https://news.example/o', title: 'OG title' });
    document.head.innerHTML = '';
    document.title = 'Document title';
    expect(readPage(document)).toMatchObject({ canonical: undefined, ogUrl: undefined, title: 'Document title' });
  });

  it('takes client-id as an https URL or a loopback client, and warns about anything else', () => {
    const warn = vi.fn();
    expect(readInputs({ clientId: 'https://news.example/bluesky/client-metadata.json' }, page, warn).clientId).toBe(
      'https://news.example/bluesky/client-metadata.json',
    );
    expect(readInputs({ clientId: 'http://localhost?redirect_uri=x' }, page, warn).clientId).toBe('http://localhost?redirect_uri=x');
    expect(warn).not.toHaveBeenCalled();
    expect(readInputs({ clientId: 'http://news.example/client.json' }, page, warn).clientId).toBeUndefined();
    expect(warn).toHaveBeenCalledWith('client-id', 'http://news.example/client.json', expect.any(String));
    // It does not shape the discussion: changing it never reloads.
    expect(readInputs({ clientId: 'https://a.example/c.json' }, page, vi.fn()).key).toBe(readInputs({}, page, vi.fn()).key);
  });
});
