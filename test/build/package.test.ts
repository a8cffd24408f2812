import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGET, gzipSize } from '../../scripts/size.ts';

// What ships: the CDN file within budget, the npm entry, types, the manifest (test/global-setup.ts
// builds them with `npm run build`).

const read = (path: string) => readFileSync(path, 'utf8');

describe('the CDN file', () => {
  it(`is at most ${BUDGET} bytes gzip`, () => {
    const size = gzipSize(readFileSync('dist/discuss-thread.js'));
    console.log(`dist/discuss-thread.js: ${size} bytes gzip (budget ${BUDGET}, ${BUDGET - size} to spare)`);
    expect(size).toBeLessThanOrEqual(BUDGET);
  });

  it('is one self-contained, minified ES module with Lit inside', () => {
    const code = read('dist/discuss-thread.js');
    // No import statement or dynamic import: `import x from`, `import {…}`, `import '…'`, `import(`.
    expect(code.match(/(^|[;}])\s*import\s*[\w{*"'`]|\bimport\s*\(/)?.[0]).toBeUndefined();
    expect(code).toMatch(/export\s*\{\s*\w+ as DiscussThread\s*\}/);
    expect(code).toContain('lit-html'); // Lit's own markers travel with it
    expect(code.match(/\n[ \t]{2,}\S/)?.[0]).toBeUndefined(); // no indentation left, in code or templates
    expect(code).not.toContain('Lit is in dev mode');
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

  it('registers the element only from ".", guarded, and exports the bare class from "./element"', () => {
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.type).toBe('module');
    expect(pkg.exports['.'].default).toBe('./dist/npm/index.js');
    expect(pkg.exports['./element'].default).toBe('./dist/npm/element.js');
    expect(pkg.customElements).toBe('custom-elements.json');
    expect(read('dist/npm/index.js')).toMatch(/if \(!customElements\.get\('discuss-thread'\)\)/);
    expect(read('dist/npm/element.js')).not.toContain('customElements.define');
  });

  it('packs the CDN file, the entry, types, manifest, README and licence, and nothing from test/ or demo/', () => {
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
    const files: string[] = pack.files.map((f: { path: string }) => f.path);
    for (const wanted of ['dist/discuss-thread.js', 'dist/npm/index.js', 'dist/npm/element.js', 'dist/npm/index.d.ts', 'dist/npm/element.d.ts', 'custom-elements.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json'])
      expect(files).toContain(wanted);
    expect(files.filter((f) => /^(test|demo|src|scripts|\.ci)\//.test(f) || f.endsWith('.tgz'))).toEqual([]);
  });
});

describe('custom-elements.json', () => {
  const manifest = () => JSON.parse(read('custom-elements.json'));
  const element = () => manifest().modules.flatMap((m: { declarations: unknown[] }) => m.declarations).find((d: { tagName?: string }) => d.tagName === 'discuss-thread');

  it('lists every attribute in the README, every event, part and custom property', () => {
    const el = element();
    const readmeAttributes = [...read('README.md').matchAll(/^\| `([a-z][a-z-]*)` \| `\w+` \|/gm)].map((m) => m[1]);
    expect(readmeAttributes.length).toBeGreaterThan(10);
    const attributes = el.attributes.map((a: { name: string }) => a.name);
    for (const name of readmeAttributes) expect(attributes).toContain(name);
    expect(el.events.map((e: { name: string }) => e.name).sort()).toEqual(['discuss-thread-error', 'discuss-thread-load']);
    const parts = ['header', 'heading', 'summary', 'compose', 'status', 'list', 'post', 'avatar', 'author', 'text', 'embed', 'stats', 'replies', 'more', 'retry'];
    expect(el.cssParts.map((p: { name: string }) => p.name).sort()).toEqual(parts.sort());
    const properties = el.cssProperties.map((p: { name: string }) => p.name);
    const styles = read('src/styles.ts');
    for (const used of new Set(styles.match(/--discuss-[a-z-]+/g))) expect(properties).toContain(used);
    expect(el.slots.map((s: { name: string }) => s.name).sort()).toEqual(['', 'empty', 'heading']);
    expect(manifest().modules[0].path).toBe('dist/npm/element.js');
  });
});
