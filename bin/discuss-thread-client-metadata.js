#!/usr/bin/env node
// Writes a site's OAuth client metadata for <discuss-thread client-id="…">, to standard output:
//
//   npx discuss-thread-client-metadata --url https://news.example.com/bluesky/client-metadata.json \
//     --redirect https://news.example.com/bluesky/signed-in --name "The Northern Ledger" > client-metadata.json
//
// Publish the file at --url, and give that address as `client-id`. See the README's "Joining from the page".
// It writes nothing that Bluesky's own OAuth client refuses: it asks that client first.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { clientMetadata } from '../dist/npm/join/client-metadata.js';

try {
  const { values } = parseArgs({ options: { url: { type: 'string' }, redirect: { type: 'string' }, name: { type: 'string' } } });
  if (!values.url || !values.redirect) throw new Error('give --url (where the document will be) and --redirect (the page readers come back to)');
  const metadata = clientMetadata({ url: values.url, redirect: values.redirect, name: values.name }, await blueskyChecks());
  process.stdout.write(JSON.stringify(metadata, null, 2) + '\n');
} catch (error) {
  process.stderr.write(`discuss-thread-client-metadata: ${error.message}\n`);
  process.exit(1);
}

/**
 * Bluesky's OAuth client (`@atproto/oauth-client`), the copy our OAuth dependency uses: found from
 * that dependency, so that another version elsewhere in the site's project is never the judge.
 */
async function blueskyChecks() {
  const browserClient = createRequire(import.meta.url).resolve('@atproto/oauth-client-browser');
  return import(pathToFileURL(createRequire(browserClient).resolve('@atproto/oauth-client')).href);
}
