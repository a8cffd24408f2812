#!/usr/bin/env node
// Writes a site's OAuth client metadata for <discuss-thread client-id="…">, to standard output:
//
//   npx discuss-thread-client-metadata --url https://news.example/bluesky/client-metadata.json \
//     --redirect https://news.example/bluesky/signed-in --name "The Northern Ledger" > client-metadata.json
//
// Publish the file at --url, and give that address as `client-id`. See the README's "Joining from the page".

import { parseArgs } from 'node:util';
import { clientMetadata } from '../dist/npm/join/client-metadata.js';

try {
  const { values } = parseArgs({ options: { url: { type: 'string' }, redirect: { type: 'string' }, name: { type: 'string' } } });
  if (!values.url || !values.redirect) throw new Error('give --url (where the document will be) and --redirect (the page readers come back to)');
  process.stdout.write(JSON.stringify(clientMetadata({ url: values.url, redirect: values.redirect, name: values.name }), null, 2) + '\n');
} catch (error) {
  process.stderr.write(`discuss-thread-client-metadata: ${error.message}\n`);
  process.exit(1);
}
