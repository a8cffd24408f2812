import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGETS, CHUNKS, COUNT, ENTRY, budgetOf, measure, sizes } from '../../scripts/size.ts';
import { DEFAULTS } from '../../src/inputs.ts';
import { VERSION } from '../../src/bluesky/version.ts';
import { ATTRIBUTES } from '../../src/server/render.ts';

// What ships: the CDN file within budget, the npm entry, types, the manifest (test/global-setup.ts
// builds them with `npm run build`).

const read = (path: string) => readFileSync(path, 'utf8');

describe('the CDN file', () => {
  const report = sizes();

  it(`keeps the critical path (the entry and its static imports) within ${BUDGETS.critical} bytes gzip`, () => {
    console.log(`critical path: ${report.critical.files.map((f) => f.file).join(' + ')} = ${report.critical.gzip} bytes gzip (budget ${BUDGETS.critical})`);
    expect(report.critical.gzip).toBeLessThanOrEqual(BUDGETS.critical);
    expect(report.critical.files.map((f) => f.file)).toEqual([ENTRY]); // one request before the widget runs
  });

  it('keeps each chunk within its budget, and each is imported only on demand', () => {
    // The entry imports the discussion code, the sign-in code and the languages; the discussion code
    // imports the site owner's rules, the standard.site reader and `live`, each only for pages that need it;
    // the sign-in code imports its own strings in each language but English; the discussion code
    // imports the image viewer and the video player, which imports hls.js.
    const lazy = report.chunks.filter((c) => /\/lazy-/.test(c.file));
    const join = report.chunks.filter((c) => /\/join-/.test(c.file));
    const player = report.chunks.filter((c) => /\/player-/.test(c.file));
    expect(lazy).toHaveLength(1);
    expect(join).toHaveLength(1);
    expect(player).toHaveLength(1);
    const onDemand = [...report.entry.dynamic, ...lazy[0].dynamic, ...join[0].dynamic, ...player[0].dynamic].filter((f) => f.startsWith(CHUNKS));
    expect(report.chunks.map((c) => c.file).sort()).toEqual([...new Set(onDemand)].sort());
    expect(lazy[0].dynamic.map((f) => /\/(\w+)-[\w-]+\.js$/.exec(f)?.[1]).sort()).toEqual(['gallery', 'live', 'player', 'rules', 'standard']);
    expect(player[0].dynamic.map((f) => /\/(\w+)-[\w-]+\.js$/.exec(f)?.[1])).toEqual(['hls']);
    expect(join[0].dynamic).toHaveLength(10);
    expect(report.entry.dynamic.filter((f) => /\/join-/.test(f))).toHaveLength(1);
    expect(report.chunks).toHaveLength(28); // the discussion code, the rules, standard.site, `live`, sign-in, the image viewer, the video player, hls.js, and ten languages for each of the reading side and sign-in
    for (const chunk of report.chunks) expect(chunk.gzip, chunk.file).toBeLessThanOrEqual(budgetOf(chunk.file));
  });

  it('is a minified ES module with Lit inside; its chunks import only each other and the entry', () => {
    const code = read(ENTRY);
    expect(report.entry.imports).toEqual([]);
    expect(code.match(/(^|[;}])\s*import\s*[\w{*"'`]/)?.[0]).toBeUndefined(); // no static import
    expect(code).toMatch(/export\s*\{[^}]*\b\w+ as DiscussThread\b/);
    expect(code).toContain('lit-html'); // Lit's own markers travel with it
    expect(code.match(/\n[ \t]{2,}\S/)?.[0]).toBeUndefined(); // no indentation left, in code or templates
    expect(code).not.toContain('Lit is in dev mode');
    for (const chunk of report.chunks)
      for (const file of [...chunk.imports, ...chunk.dynamic]) expect(file === ENTRY || file.startsWith(CHUNKS), file).toBe(true);
  });

  it('asks for Lit’s Trusted Types policy once, whatever the number of copies on the page', () => {
    const code = read(ENTRY);
    expect(code.match(/createPolicy\(/g)).toHaveLength(1);
    expect(code).toMatch(/globalThis\[\w+\]\?\?=\w+\.createPolicy\(`lit-html`/);
  });
});

describe('the npm entry', () => {
  it('keeps lit as a bare import and ships .d.ts files with the tag and event maps', () => {
    expect(read('dist/npm/element.js')).toMatch(/from ['"]lit['"]/);
    const types = read('dist/npm/element.d.ts');
    expect(types).toContain("'discuss-thread': DiscussThread");
    expect(types).toContain("'discuss-thread-load': CustomEvent<LoadDetail>");
    expect(types).toContain("'discuss-thread-error': CustomEvent<ErrorDetail>");
    expect(read('dist/npm/index.d.ts')).toContain('DiscussThread');
  });

  it('names its release in the session-cache key as package.json does', () => {
    expect(VERSION).toBe(JSON.parse(read('package.json')).version);
  });

  it('registers the element only from ".", guarded, and exports the bare class from "./element"', () => {
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.type).toBe('module');
    expect(pkg.exports['.'].default).toBe('./dist/npm/index.js');
    expect(pkg.exports['./element'].default).toBe('./dist/npm/element.js');
    expect(pkg.customElements).toBe('custom-elements.json');
    expect(read('dist/npm/index.js')).toMatch(/if \(!customElements\.get\('discuss-thread'\)\)/);
    expect(read('dist/npm/element.js')).not.toContain('customElements.define');
  });

  it('ships `npx discuss-thread-client-metadata`: it writes the README’s document, and refuses what no server would accept', () => {
    expect(JSON.parse(read('package.json')).bin).toEqual({
      'discuss-thread': 'bin/discuss-thread.js', // (cli.test.ts)
      'discuss-thread-client-metadata': 'bin/discuss-thread-client-metadata.js',
    });
    const run = (...args: string[]) => spawnSync(process.execPath, ['bin/discuss-thread-client-metadata.js', ...args], { encoding: 'utf8' });
    const readme = /\*\*Your client metadata\.\*\*[\s\S]*?```json\n([\s\S]*?)```/.exec(read('README.md'))![1];
    const shown = JSON.parse(readme);
    const written = run('--url', shown.client_id, '--redirect', shown.redirect_uris[0], '--name', shown.client_name);
    expect(written.status).toBe(0);
    expect(JSON.parse(written.stdout)).toEqual(shown);
    const http = run('--url', 'http://news.example/client-metadata.json', '--redirect', 'http://news.example/back');
    expect([http.status, http.stdout, http.stderr]).toEqual([
      1,
      '',
      expect.stringMatching(/^discuss-thread-client-metadata: url: .* must be an https address/),
    ]);
    expect(run().stderr).toMatch(/give --url .* and --redirect/);
  });

  it('packs the CDN file, the entry, types, manifest, README and licence, and nothing from test/ or demo/', () => {
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
    const files: string[] = pack.files.map((f: { path: string }) => f.path);
    expect(files.filter((f) => f.startsWith('dist/discuss-thread/')).length).toBe(28);
    for (const wanted of [
      'dist/discuss-thread.js',
      'dist/npm/index.js',
      'dist/npm/element.js',
      'dist/npm/index.d.ts',
      'dist/npm/element.d.ts',
      'custom-elements.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'package.json',
      'bin/discuss-thread-client-metadata.js',
      'dist/npm/join/client-metadata.js',
      'bin/discuss-thread.js',
      'dist/npm/server/index.js',
      'dist/npm/server/index.d.ts',
      'dist/npm/worker/index.js',
      'dist/npm/worker/index.d.ts',
      'dist/discuss-count.js',
      'dist/npm/count/index.js',
    ])
      expect(files).toContain(wanted);
    expect(files.filter((f) => /^(test|demo|src|scripts|\.ci)\//.test(f) || f.endsWith('.tgz'))).toEqual([]);
  });
});

describe('the count’s CDN file', () => {
  it(`is one module of at most ${BUDGETS.count} bytes gzip, with nothing to import and no Lit, that defines <discuss-count> once`, () => {
    const count = measure(COUNT);
    console.log(`${COUNT}: ${count.gzip} bytes gzip (budget ${BUDGETS.count})`);
    expect(count.gzip).toBeLessThanOrEqual(BUDGETS.count);
    expect([count.imports, count.dynamic]).toEqual([[], []]);
    const code = read(COUNT);
    expect(code).not.toMatch(/lit-html|LitElement|\$lit\$/);
    expect(code).toMatch(/customElements\.get\(`discuss-count`\)\|\|customElements\.define\(`discuss-count`/);
  });
});

describe('custom-elements.json', () => {
  const manifest = () => JSON.parse(read('custom-elements.json'));
  const element = () =>
    manifest()
      .modules.flatMap((m: { declarations: unknown[] }) => m.declarations)
      .find((d: { tagName?: string }) => d.tagName === 'discuss-thread');

  it('is what discuss-thread/server writes: every attribute but the reflected status', () => {
    const attributes = element().attributes.map((a: { name: string }) => a.name);
    const kebab = ATTRIBUTES.map((name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
    expect([...kebab, 'status'].sort()).toEqual([...attributes].sort());
  });

  it('lists every attribute in the README, every event, part and custom property', () => {
    const el = element();
    const readmeAttributes = [...read('README.md').matchAll(/^\| `([a-z][a-z-]*)` \| `\w+` \|/gm)].map((m) => m[1]);
    expect(readmeAttributes.length).toBeGreaterThan(10);
    const attributes = el.attributes.map((a: { name: string }) => a.name);
    for (const name of readmeAttributes) expect(attributes).toContain(name);
    expect(el.events.map((e: { name: string }) => e.name).sort()).toEqual(['discuss-thread-error', 'discuss-thread-load']);
    const parts = [
      'header',
      'heading',
      'summary',
      'order',
      'compose',
      'status',
      'list',
      'post',
      'avatar',
      'author',
      'text',
      'embed',
      'stats',
      'replies',
      'more',
      'news',
      'retry',
      'join',
    ];
    expect(el.cssParts.map((p: { name: string }) => p.name).sort()).toEqual(parts.sort());
    const properties = el.cssProperties.map((p: { name: string }) => p.name);
    // Every stylesheet: the frame's, the posts' and their parts', the sign-in code's and the viewer's.
    const styles = [
      'src/styles.ts',
      'src/templates/post-styles.ts',
      'src/templates/embed-styles.ts',
      'src/templates/warning.ts',
      'src/templates/order.ts',
      'src/join/styles.ts',
      'src/media/gallery.ts',
    ]
      .map(read)
      .join('');
    for (const used of new Set(styles.match(/--discuss-[a-z-]+/g))) expect(properties).toContain(used);
    expect(el.slots.map((s: { name: string }) => s.name).sort()).toEqual(['', 'empty', 'heading']);
    expect(manifest().modules[0].path).toBe('dist/npm/element.js');
  });

  it('documents the defaults the inputs module applies, and the README says the same', () => {
    const readme = read('README.md');
    for (const attribute of element().attributes as Array<{ name: string; fieldName: string; default?: string }>) {
      if (!(attribute.fieldName in DEFAULTS)) continue;
      const value = DEFAULTS[attribute.fieldName as keyof typeof DEFAULTS];
      expect(attribute.default, attribute.name).toBe(typeof value === 'string' ? `'${value}'` : String(value));
      expect(readme, attribute.name).toMatch(
        new RegExp(`^\\| \`${attribute.name}\` \\| \`${attribute.fieldName}\` \\| \`${String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\``, 'm'),
      );
    }
  });
});
