// Serves what the static-site recipes render to: Hugo's partial, Jekyll's include, the WordPress
// shortcode's output and the plain snippet, with their template variables filled in as those tools
// would, and the CDN address pointed at the local build. `/static/<name>?service=…`; and
// `/static/<name>/rendered`, the page built with the discussion rendered in (build-steps.ts runs
// the recipes' build steps into BUILT first).

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ARTICLE = 'https://news.example/world/2026/11/27/norvia-blocks-whisperline';
export const STORY = 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story';
/** Where the build steps leave each tool's site (its rendered files, its data). */
export const BUILT = fileURLToPath(new URL('built/', import.meta.url));
const CDN = 'https://cdn.jsdelivr.net/npm/discuss-thread@0.1/dist/discuss-thread.js';

const encoded = encodeURIComponent(ARTICLE);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
export const recipe = (file: string) => readFileSync(new URL(`../../docs/recipes/${file}`, import.meta.url), 'utf8');
const readIfThere = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/** The file Hugo's partial reads for the article (`md5 .Permalink`). */
export const hugoFile = `discussions/${createHash('md5').update(ARTICLE).digest('hex')}.html`;
/** The data file Jekyll's include reads for the article (`page.url | slugify`). */
export const jekyllKey = new URL(ARTICLE).pathname
  .replace(/[^\p{M}\p{L}\p{Nd}]+/gu, '-')
  .replace(/^-|-$/g, '')
  .toLowerCase();

type Replacement = string | ((match: string, ...groups: string[]) => string);

/**
 * `source` with each pattern replaced once, as the tool fills it in. A pattern the recipe no longer
 * has fails, rather than leaving a template tag in the page for the test to pass over.
 */
export function fill(source: string, ...pairs: [string | RegExp, Replacement][]): string {
  return pairs.reduce((text, [pattern, to]) => {
    if (typeof pattern === 'string' ? !text.includes(pattern) : !pattern.test(text)) throw new Error(`the recipe no longer has ${pattern}`);
    return text.replace(pattern, typeof to === 'string' ? () => to : to);
  }, source);
}

/** The rendered element when it holds a discussion, else the template's plain one: the recipes' own test. */
const renderedOr = (rendered: unknown) => (_: string, plain: string) =>
  typeof rendered === 'string' && rendered.includes('shadowrootmode') ? rendered : plain;

/** Each recipe's output for an article with a pinned post; `site` holds its build step's files, if it ran. */
const render: Record<string, (site?: string) => string> = {
  plain: () => fill(recipe('plain.html'), [/<!--.*?-->\n/s, '']),
  hugo: (site) =>
    fill(
      recipe('hugo.html'),
      [/\{\{\/\*.*?\*\/\}\}\n/s, ''],
      ['{{ with .Params.bluesky }} post="{{ . }}"{{ end }}', ` post="${STORY}"`],
      ['{{ .Permalink | urlquery }}', encoded],
      ['{{ .Permalink }}', ARTICLE],
      ['{{ .Site.LanguageCode }}', 'en'],
      ['{{ $file := printf "discussions/%s.html" (md5 .Permalink) }}\n', ''],
      ['{{ $rendered := "" }}{{ if fileExists $file }}{{ $rendered = readFile $file }}{{ end }}\n', ''],
      [
        /\{\{ if in \$rendered "shadowrootmode" \}\}\{\{ \$rendered \| safeHTML \}\}\{\{ else \}\}\n(.*?)\{\{ end \}\}\n/s,
        renderedOr(site && readIfThere(join(site, hugoFile))),
      ],
    ),
  jekyll: (site) => {
    const data = site && readIfThere(join(site, `_data/discussions/${jekyllKey}.json`));
    return fill(
      recipe('jekyll.html'),
      [/\{% comment %\}.*?\{% endcomment %\}\n/s, ''],
      ['{% if page.bluesky %} post="{{ page.bluesky }}"{% endif %}', ` post="${STORY}"`],
      ['{{ page.url | absolute_url | url_encode }}', encoded],
      ['{{ page.url | absolute_url }}', ARTICLE],
      ['{% assign key = page.url | slugify %}{% assign rendered = site.data.discussions[key] %}\n', ''],
      [/\{% if rendered contains "shadowrootmode" %\}\{\{ rendered \}\}\{% else %\}\n(.*?)\{% endif %\}\n/s, renderedOr(data && JSON.parse(data))],
    );
  },
  // The shortcode's sprintf format with its arguments (esc_url, esc_attr …) applied.
  wordpress: () => {
    const format = /sprintf\(\s*'([^']+)'/.exec(recipe('wordpress.php'))![1];
    const args = [ARTICLE, STORY, '', 'top', 'en-US', `https://bsky.app/search?q=${encoded}`, 'Discuss on Bluesky'].map(esc);
    let i = 0;
    return `<script type="module" src="${CDN}"></script>\n` + format.replace(/%s/g, () => args[i++]);
  },
  // What the shortcode returned as the build ran it: there is no template around it to fill.
  eleventy: (site) => {
    if (!site) throw new Error('the Eleventy recipe renders at build time only: /static/eleventy/rendered');
    return readFileSync(join(site, 'discussion.html'), 'utf8');
  },
};

export function staticRecipes() {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [, name, rendered] = /^\/static\/(\w+)(\/rendered)?$/.exec(url.pathname) ?? [];
    if (!name || !render[name]) return next();
    let html = render[name](rendered && join(BUILT, name)).replace(CDN, '/@fs' + new URL('../../dist/discuss-thread.js', import.meta.url).pathname);
    // The test's AppView, and no lazy wait: both are the only additions to the recipe's output. A
    // rendered element has them already (the build asked the test's AppView), and must keep the
    // attributes it was rendered with.
    if (!rendered)
      html = html.replace(
        '<discuss-thread',
        `<discuss-thread loading="eager" service="${url.searchParams.get('service')}" search-service="${url.searchParams.get('service')}"`,
      );
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title><link rel="canonical" href="${ARTICLE}"></head><body>${html}</body></html>`,
    );
  };
}
