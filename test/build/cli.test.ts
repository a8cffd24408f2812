import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAppView } from '../../demo/appview/server.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';
import { listen } from './workerd.ts';

// `npx discuss-thread render`, as a static site's build runs it: against the sample AppView over
// HTTP, writing the element to standard output or to a file.
const STORY = 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story';
let appview: Awaited<ReturnType<typeof listen>>;
let origin: string;

beforeAll(async () => {
  const sample = sampleAppView();
  appview = await listen((request, response) => sample(request, response, () => response.writeHead(404).end()));
  origin = appview.origin;
});
afterAll(() => appview.close());

const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['bin/discuss-thread.js', ...args], { encoding: 'utf8' }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

describe('npx discuss-thread render', () => {
  const hosts = () => ['--service', origin, '--search-service', origin, '--backlinks-service', origin];

  it('writes the element with the discussion rendered into it, and its data', async () => {
    const { code, stdout } = await run('render', '--url', ARTICLE, '--post', STORY, '--lang', 'en', '--depth', '4', ...hosts());
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<discuss-thread url="[^"]+" post="[^"]+" depth="4" lang="en" service="/);
    expect(stdout).toContain('<template shadowrootmode="open">');
    expect(stdout).toContain('Mina Park');
    expect(stdout).toMatch(/<script type="application\/json" data-discussion>\{"at":\d+,"ttl":300,/);
  });

  it('writes it to --out instead, with --ttl', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'discuss-')), 'discussion.html');
    const { code, stdout } = await run('render', '--url', ARTICLE, '--ttl', '3600', '--out', out, ...hosts());
    expect([code, stdout]).toEqual([0, '']);
    expect(readFileSync(out, 'utf8')).toContain('"ttl":3600');
  });

  it('writes the stylesheet to serve for --stylesheet (`discuss-thread css`)', async () => {
    const { code, stdout } = await run('css');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\s*:host \{/);
    expect(stdout).toContain('.post {');
  });

  it('writes the discussion as an Atom feed (`discuss-thread feed`), newest first, --entries at most', async () => {
    const { code, stdout } = await run('feed', '--url', ARTICLE, '--post', STORY, '--entries', '5', '--self', 'https://news.example/feed.atom', ...hosts());
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(stdout).toContain('<link rel="self" type="application/atom+xml" href="https://news.example/feed.atom"/>');
    expect(stdout.match(/<entry>/g)).toHaveLength(5);
  });

  it('says what is wrong, and writes nothing', async () => {
    expect(await run('render')).toMatchObject({ code: 1, stdout: '', stderr: 'discuss-thread: give --url, the article the discussion is about\n' });
    expect((await run('render', '--url', ARTICLE, '--limit', 'many')).stderr).toBe('discuss-thread: --limit takes a whole number, not "many"\n');
    expect((await run('draw', '--url', ARTICLE)).stderr).toMatch(/^discuss-thread: usage: discuss-thread render --url/);
    expect((await run('render', '--url', ARTICLE, '--colour', 'red')).stderr).toMatch(/^discuss-thread: Unknown option '--colour'/);
  });
});
