// The build steps of the recipes that render the discussion at build time, run as a site's build
// would, into BUILT: Hugo's and Jekyll's shell loops over the article list their templates write
// (filled in as those tools would), which run the CLI; Eleventy's shortcode module, loaded by Node.

import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ARTICLE, BUILT, STORY, fill, hugoFile, jekyllKey, recipe } from './static-recipes.ts';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../bin/discuss-thread.js', import.meta.url));

/** The article list each tool's template writes, for the one article with its pinned post. */
const lists: Record<string, () => string> = {
  hugo: () =>
    fill(
      recipe('hugo-discussions.txt'),
      [/\{\{- \/\*.*?\*\/ -\}\}\n/s, ''],
      ['{{ range .Site.RegularPages -}}\n', ''],
      ['{{ end -}}\n', ''],
      ['discussions/{{ md5 .Permalink }}.html', hugoFile],
      ['{{ .Permalink }}', ARTICLE],
      ['{{ or .Site.LanguageCode "en" }}', 'en'],
      ['{{ with .Params.bluesky }}{{ . }}{{ end }}', STORY],
    ),
  jekyll: () =>
    fill(
      recipe('jekyll-discussions.txt'),
      [/^---\n.*?\n---\n/s, ''],
      ['{% for post in site.posts %}', ''],
      ['{% endfor %}\n', ''],
      ['{{ post.url | slugify }}', jekyllKey],
      ['{{ post.url | absolute_url }}', ARTICLE],
      ['{{ post.bluesky }}', STORY],
    ),
};

/**
 * The loop a recipe documents (from `mkdir -p` to `done < list`), run by sh in the tool's site
 * folder over the list its template wrote; the tool's own builds around it are what the page's fill
 * stands for. The CLI is this checkout's, asking `service`: the one addition to the recipe.
 */
async function shellLoop(name: 'hugo' | 'jekyll', service: string) {
  const site = join(BUILT, name);
  const [loop, list] = /mkdir -p .*?\n\s*done < (\S+)/s.exec(recipe(`${name}.html`)) ?? [];
  if (!loop) throw new Error(`docs/recipes/${name}.html no longer documents its build step`);
  mkdirSync(dirname(join(site, list)), { recursive: true });
  writeFileSync(join(site, list), lists[name]());
  const hosts = ['--service', '--search-service', '--backlinks-service'].map((option) => `${option} '${service}'`).join(' ');
  await run('sh', ['-c', fill(loop, ['npx discuss-thread render', `'${process.execPath}' '${CLI}' render ${hosts}`])], { cwd: site });
}

/** What Eleventy's shortcode (docs/recipes/eleventy.js, imported by Node as Eleventy would) returns for the article's page. */
export async function eleventyShortcode(options: Record<string, string>): Promise<string> {
  const load = `const [module, site, url, post, options] = process.argv.slice(1);
const { discussion } = await import(module);
process.stdout.write(await discussion({ site, ...JSON.parse(options) }).call({ page: { url } }, post));`;
  const module = new URL('../../docs/recipes/eleventy.js', import.meta.url).href;
  const { origin, pathname } = new URL(ARTICLE);
  const args = [module, origin, pathname, STORY, JSON.stringify({ lang: 'en', ...options })];
  return (await run(process.execPath, ['--input-type=module', '-e', load, ...args], { encoding: 'utf8' })).stdout;
}

/** Every build-time recipe's site, built afresh against the AppView at `service`. */
export async function buildSites(service: string) {
  rmSync(BUILT, { recursive: true, force: true });
  mkdirSync(join(BUILT, 'eleventy'), { recursive: true });
  const hosts = { service, searchService: service, backlinksService: service };
  await Promise.all([
    shellLoop('hugo', service),
    shellLoop('jekyll', service),
    eleventyShortcode(hosts).then((html) => writeFileSync(join(BUILT, 'eleventy/discussion.html'), html)),
  ]);
}
