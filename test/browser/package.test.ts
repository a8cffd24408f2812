import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, preview, type PreviewServer } from 'vite';
import { originOf, start, waitForStatus, type Harness } from './harness.ts';

// The packed package, installed into an empty Vite app as a site owner would, built, and opened.
let harness: Harness;
let app: PreviewServer;
let appOrigin: string;

beforeAll(async () => {
  harness = await start();
  const dir = mkdtempSync(join(tmpdir(), 'discuss-thread-app-'));
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { stdio: 'pipe' });
  const tarball = readdirSync(dir).find((file) => file.endsWith('.tgz'))!;
  const api = harness.origin.replace('127.0.0.1', 'localhost'); // another origin, as Bluesky is
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'empty-app', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Norvia blocks Whisperline</title>
<link rel="canonical" href="https://news.example/world/2026/11/27/norvia-blocks-whisperline"></head>
<body><article>The article.</article>
<discuss-thread loading="eager" service="${api}" search-service="${api}" backlinks-service="none"></discuss-thread>
<script type="module">import 'discuss-thread';</script></body></html>`,
  );
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tarball}`], { cwd: dir, stdio: 'pipe' });
  await build({ root: dir, configFile: false, logLevel: 'silent' });
  app = await preview({ root: dir, configFile: false, logLevel: 'silent', preview: { port: 0, host: '127.0.0.1' } });
  appOrigin = originOf(app.httpServer);
}, 180_000);

afterAll(async () => {
  await app?.close();
  await harness?.close();
});

describe('npm pack', () => {
  it('installs into an empty Vite app that renders the widget', async () => {
    const page = await harness.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(appOrigin);
    await waitForStatus(page, 'loaded');
    expect(await page.locator('discuss-thread .list > li').count()).toBe(7);
    expect(errors).toEqual([]);
    await page.close();
  });
});
