#!/usr/bin/env node
// Renders the discussion about an article to HTML at build time, for static sites:
//
//   npx discuss-thread render --url https://news.example.com/2026/11/27/story \
//     --post https://bsky.app/profile/news.example.com/post/3kabc --lang en > discussion.html
//
// It writes the whole <discuss-thread> element: the discussion rendered into it (readable without
// JavaScript, and by search engines), and the data the element takes over without asking Bluesky
// again while it is fresh. Every attribute of the element is an option (--search-service, --hide,
// --muted-words, …); --ttl (seconds the data counts as fresh), --title, --nonce, --stylesheet and
// --out (a file instead of standard output) are the command's own.
//
//   npx discuss-thread css > discuss-thread.css
//
// writes the rendered element's stylesheet, to serve from your own origin and name with --stylesheet
// on a page whose content security policy allows no inline style.
//
//   npx discuss-thread feed --url https://news.example.com/2026/11/27/story --post … > discussion.atom
//
// writes the discussion as an Atom feed, newest first (--entries, at most 50 by default; --self, the
// feed's own address), moderated as the element would show it.

import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { renderDiscussion, renderFeed, stylesheet } from '../dist/npm/server/index.js';

const TEXT = [
  ...['url', 'post', 'author', 'sort', 'lang', 'theme', 'loading', 'compose-text', 'service', 'search-service', 'backlinks-service'],
  ...['hide', 'muted-words', 'labelers', 'quotes', 'client-id', 'live', 'live-service', 'title', 'document', 'nonce', 'stylesheet', 'out', 'self'],
];
const NUMBERS = ['limit', 'depth', 'heading-level', 'ttl', 'entries'];
const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase());

try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: Object.fromEntries([...TEXT, ...NUMBERS].map((name) => [name, { type: 'string' }])),
  });
  if (positionals[0] === 'css' && positionals.length === 1) {
    process.stdout.write(stylesheet() + '\n');
    process.exit(0);
  }
  const command = positionals[0];
  if (!['render', 'feed'].includes(command) || positionals.length > 1)
    throw new Error(
      'usage: discuss-thread render --url <article> [--post …] [--lang …] [--out file], discuss-thread feed --url <article> […], or discuss-thread css',
    );
  if (!values.url) throw new Error('give --url, the article the discussion is about');
  const options = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === 'out') continue;
    if (NUMBERS.includes(name) && !/^\d+$/.test(value)) throw new Error(`--${name} takes a whole number, not "${value}"`);
    options[camel(name)] = NUMBERS.includes(name) ? Number(value) : value;
  }
  const html = command === 'feed' ? await renderFeed(options) : (await renderDiscussion(options)) + '\n';
  if (values.out) writeFileSync(values.out, html);
  else process.stdout.write(html);
} catch (error) {
  process.stderr.write(`discuss-thread: ${error.message}\n`);
  process.exit(1);
}
