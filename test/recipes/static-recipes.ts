// Serves what the static-site recipes render to: Hugo's partial, Jekyll's include, the WordPress
// shortcode's output and the plain snippet, with their template variables filled in as those tools
// would, and the CDN address pointed at the local build. `/static/<name>?service=…`

import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const ARTICLE = 'https://news.example/world/2026/11/27/norvia-blocks-whisperline';
export const STORY = 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story';
const CDN = 'https://cdn.jsdelivr.net/npm/discuss-thread@0.1/dist/discuss-thread.js';

const encoded = encodeURIComponent(ARTICLE);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Each recipe's output for an article with a pinned post. */
const render: Record<string, (source: string) => string> = {
  plain: (s) => s.replace(/<!--.*?-->\n/s, ''),
  hugo: (s) =>
    s
      .replace(/\{\{\/\*.*?\*\/\}\}\n/s, '')
      .replace('{{ with .Params.bluesky }} post="{{ . }}"{{ end }}', ` post="${STORY}"`)
      .replace('{{ .Permalink | urlquery }}', encoded)
      .replace('{{ .Permalink }}', ARTICLE)
      .replace('{{ .Site.LanguageCode }}', 'en'),
  jekyll: (s) =>
    s
      .replace(/\{% comment %\}.*?\{% endcomment %\}\n/s, '')
      .replace('{% if page.bluesky %} post="{{ page.bluesky }}"{% endif %}', ` post="${STORY}"`)
      .replace('{{ page.url | absolute_url | url_encode }}', encoded)
      .replace('{{ page.url | absolute_url }}', ARTICLE),
  // The shortcode's sprintf format with its arguments (esc_url, esc_attr …) applied.
  wordpress: (s) => {
    const format = /sprintf\(\s*'([^']+)'/.exec(s)![1];
    const args = [ARTICLE, STORY, '', 'top', 'en-US', `https://bsky.app/search?q=${encoded}`, 'Discuss on Bluesky'].map(esc);
    let i = 0;
    return `<script type="module" src="${CDN}"></script>\n` + format.replace(/%s/g, () => args[i++]);
  },
};

export function staticRecipes() {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const name = /^\/static\/(\w+)$/.exec(url.pathname)?.[1];
    if (!name || !render[name]) return next();
    const file = { plain: 'plain.html', hugo: 'hugo.html', jekyll: 'jekyll.html', wordpress: 'wordpress.php' }[name]!;
    let html = render[name](readFileSync(new URL(`../../docs/recipes/${file}`, import.meta.url), 'utf8')).replace(
      CDN,
      '/@fs' + new URL('../../dist/discuss-thread.js', import.meta.url).pathname,
    );
    // The test's AppView, and no lazy wait: both are the only additions to the recipe's output.
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
