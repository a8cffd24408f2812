import { execFileSync } from 'node:child_process';
import { start } from '../test/browser/harness.ts';
import { actor, post, reply, threadView, type PostView, type Tree } from '../demo/appview/build.ts';
execFileSync('npx', ['vite', 'build', '--minify', 'false', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
function discussion(n: number) {
  const people = Array.from({ length: 20 }, (_, i) => actor(`person${i}`, i % 3 ? `Person ${i}` : `사람 ${i}`, { avatar: `https://cdn.example/a${i}.jpg` }));
  const when = (i: number) => new Date(Date.parse('2026-11-27T12:00:00Z') - i * 60_000).toISOString();
  const text = (i: number) => [
    `Post ${i}: what this means for the people affected `,
    { tag: 'encryption' },
    ' ',
    { link: `https://example.com/${i}` },
    ' 한국어 😮‍💨',
  ];
  const trees: Tree[] = [];
  let i = 0;
  while (i < n) {
    const root = post({ author: people[i % 20], rkey: `3kr${i}`, createdAt: when(i), text: text(i), likes: i % 50, replies: 3 });
    i++;
    const children: Tree[] = [];
    for (let a = 0; a < 3 && i < n; a++) {
      const first = reply(root, root, { author: people[i % 20], rkey: `3kr${i}`, createdAt: when(i), text: text(i), replies: 2 });
      i++;
      const grand: Tree[] = [];
      for (let b = 0; b < 2 && i < n; b++, i++)
        grand.push({ post: reply(root, first, { author: people[i % 20], rkey: `3kr${i}`, createdAt: when(i), text: text(i) }) });
      children.push({ post: first, replies: grand });
    }
    trees.push({ post: root, replies: children });
  }
  const roots: PostView[] = trees.map((t) => ({ ...t.post, replyCount: t.replies?.length ?? 0 }));
  return { 'app.bsky.feed.searchPosts': { posts: roots }, threads: Object.fromEntries(trees.map((t) => [t.post.uri, threadView(t, 10)])) };
}
const h = await start();
const page = await h.browser.newPage();
await page.goto(`${h.origin}/scripts/bench-page.html`);
await page.waitForFunction(() => (window as any).benchReady && customElements.get('discuss-thread'));
const r = discussion(1000);
await page.evaluate((x) => (window as any).bench.widget(x, 100), r);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (let k = 0; k < 3; k++) await page.evaluate((x) => (window as any).bench.widget(x, 100), r);
const { profile } = (await cdp.send('Profiler.stop')) as any;
const self = new Map<string, number>();
const dt = profile.timeDeltas;
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
profile.samples.forEach((id: number, k: number) => {
  const n: any = byId.get(id);
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[k] ?? 0) / 1000);
});
console.log(
  [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`)
    .join('\n'),
);
await h.close();
