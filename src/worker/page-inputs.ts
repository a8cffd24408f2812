// What a page and its `<discuss-thread>` say, read as the rewriter streams past them, turned into
// renderDiscussion's options so that the rendered data's key is the one the element computes in the
// reader's browser (src/inputs.ts): same article, same hosts, same rules.

import { ATTRIBUTES, attributeName, type RenderOptions } from '../server/render.ts';
import { cleanUrl } from '../bluesky/urls.ts';
import { article } from '../inputs.ts';
import type { Handlers, RewrittenElement } from './rewriter.ts';

/** Read as numbers, as Lit's `type: Number` converts them. */
const NUMBERS = new Set(['limit', 'depth', 'headingLevel']);
/** Hosts, which a relative value names on the page's own site. */
const HOSTS = new Set(['service', 'searchService', 'backlinksService']);

export type PageOptions = Omit<RenderOptions, 'fetch' | 'filter' | 'ttl' | 'nonce' | 'stylesheet'>;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Text as the page's parser reads it: the rewriter hands attribute values and text as written, with
 * their character references. Numeric ones and the common named ones are decoded; any other name is
 * left as written (a site's URLs, handles and titles rarely hold one).
 */
export function decodeHtml(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|(\w+));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name] ?? whole;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** The element's attributes, as the element's properties would hold them. */
export function attributesOf(element: Pick<RewrittenElement, 'getAttribute'>): Partial<Record<string, string | number>> {
  const found: Partial<Record<string, string | number>> = {};
  for (const option of ATTRIBUTES) {
    const value = element.getAttribute(attributeName(option));
    if (value === null) continue;
    const text = decodeHtml(value);
    found[option] = NUMBERS.has(option) ? Number(text) : text;
  }
  return found;
}

/**
 * What the page says before its `<discuss-thread>`s, as `readPage` reads it in the browser: in
 * `<head>`, which a stream passes first. The first of each counts, as `querySelector` finds it.
 */
export class PageFacts {
  lang?: string;
  canonical?: string;
  ogUrl?: string;
  ogTitle?: string;
  document?: string;
  #title = '';
  #titles = 0;

  constructor(readonly href: string) {}

  get title(): string {
    return this.ogTitle || decodeHtml(this.#title).trim().replace(/\s+/g, ' ');
  }

  /** The rewriter's handlers that fill these in. */
  handlers(): Array<[string, Handlers]> {
    const first = (key: 'lang' | 'canonical' | 'ogUrl' | 'ogTitle' | 'document', attribute: string): Handlers => ({
      element: (element) => {
        const value = element.getAttribute(attribute);
        if (this[key] === undefined && value !== null) this[key] = decodeHtml(value);
      },
    });
    return [
      ['html', first('lang', 'lang')],
      ['link[rel~="canonical"]', first('canonical', 'href')],
      ['meta[property="og:url"]', first('ogUrl', 'content')],
      ['meta[property="og:title"]', first('ogTitle', 'content')],
      ['link[rel~="site.standard.document"]', first('document', 'href')],
      ['title', { element: () => void this.#titles++, text: (chunk) => void (this.#titles === 1 && (this.#title += chunk.text)) }],
    ];
  }
}

/**
 * renderDiscussion's options for an element on this page. Relative hosts are made absolute against
 * the page (renderDiscussion would read them against the article, which may live elsewhere).
 */
export function pageOptions(attributes: Partial<Record<string, string | number>>, page: PageFacts): PageOptions {
  // The page's warnings are the browser's to say: here a bad `url` falls back in silence.
  const facts = { baseURI: page.href, href: page.href, canonical: page.canonical, ogUrl: page.ogUrl, title: '' };
  const url = article(typeof attributes.url === 'string' ? attributes.url : undefined, facts, () => {});
  const options: Record<string, unknown> = { ...attributes, url };
  for (const name of HOSTS) {
    const value = options[name];
    if (typeof value === 'string' && value && value !== 'none') options[name] = cleanUrl(value, page.href) ?? value;
  }
  options.lang ??= page.lang;
  const title = page.title;
  if (title) options.title = title;
  if (page.document) options.document = page.document;
  return options as PageOptions;
}
