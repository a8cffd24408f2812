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

import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { renderDiscussion, stylesheet } from '../dist/npm/server/index.js';

const TEXT = [
  ...['url', 'post', 'author', 'sort', 'lang', 'theme', 'loading', 'compose-text', 'service', 'search-service', 'backlinks-service'],
  ...['hide', 'muted-words', 'labelers', 'quotes', 'client-id', 'title', 'document', 'nonce', 'stylesheet', 'out'],
];
const NUMBERS = ['limit', 'depth', 'heading-level', 'ttl'];
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
  if (positionals[0] !== 'render' || positionals.length > 1)
    throw new Error('usage: discuss-thread render --url <article> [--post …] [--lang …] [--out file], or discuss-thread css');
  if (!values.url) throw new Error('give --url, the article the discussion is about');
  const options = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === 'out') continue;
    if (NUMBERS.includes(name) && !/^\d+$/.test(value)) throw new Error(`--${name} takes a whole number, not "${value}"`);
    options[camel(name)] = NUMBERS.includes(name) ? Number(value) : value;
  }
  const html = (await renderDiscussion(options)) + '\n';
  if (values.out) writeFileSync(values.out, html);
  else process.stdout.write(html);
} catch (error) {
  process.stderr.write(`discuss-thread: ${error.message}\n`);
  process.exit(1);
}
