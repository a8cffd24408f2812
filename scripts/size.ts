// What a reader downloads, measured on the built files in dist/: the critical path (the entry file
// plus every file it imports statically, which the browser must fetch before the widget runs), each
// chunk the entry imports on demand, and the total. `npm run size` (after `npm run build`) prints
// them beside their budgets; the build test and the benchmark reuse this.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const gzipSize = (code: string | Uint8Array): number => gzipSync(code, { level: 9 }).length;

export const ENTRY = 'dist/discuss-thread.js';
/** `<discuss-count>`'s file, on its own: for index pages, with nothing of the widget's. */
export const COUNT = 'dist/discuss-count.js';
export const CHUNKS = 'dist/discuss-thread';

/**
 * Bytes gzip: the critical path (14,000, as before `client-id`, whose door, not its code, is in it:
 * the bytes it added were paid back by building without Vite's preload helper), the discussion code, the site owner's rules (only on pages that set one), the standard.site
 * reader (only on pages that declare a document), the sign-in code (only for readers who sign in),
 * and any one language; the image viewer and the video player (`media`, each only once a reader
 * opens an image or presses play) and hls.js (only then, and only where the browser has Media Source
 * Extensions: Chromium, Firefox, desktop Safari; elsewhere, iPhones, the browser plays HLS itself;
 * its full build, 178 KB, because the light one drops the subtitles that carry a video's captions).
 * The discussion code's 13,824 (was 11,008) paid for issue 18's phone-grade reading, measured at
 * about +3,200 B less 1,000 B of CSS comments that no longer ship: threads as bsky.app draws them,
 * the reader's order, warnings that name their reason and labeler, image grids and the video's door
 * (docs/performance.md has the breakdown). Its 14,336 pays for wide discussions (issue 19 §4,
 * +650 B): a page's worth of posts, threads drawn a step a task, and "Show more" (moved from the
 * entry) loading the next page as it nears the viewport. The critical path's 14,700 pays for the
 * cold start (issue 19 §5, +740 B): the entry's prelude, which sends the first requests and begins
 * the load before the element's code has evaluated, and the requests sent early that the load takes
 * up; the discussion chunk's 14,500 sends a first page's threads as soon as their posts are known
 * (+120 B). Then 14,850 and 14,900 for a discussion pinned to a post in two round trips, not three
 * (its thread and quotes sent beside getPosts, the first page once search found the pinned post;
 * +230 B of discussion code, +60 B of the entry's, which lets go of a thread sent early that will
 * not be read) and its first screenful drawn before the rest (+120 B of discussion code; +130 B of
 * the entry's, which holds "loaded" and the load event until all of it is on screen, and +25 B
 * that load the number and date data once the first answer is in, not before it). Then 14,920 and
 * 14,960 for a second reader's fixes: the load event kept waiting through a branch opened before
 * the first page is all drawn, early answers no one took let go after 10 s (+60 B of the entry),
 * and what was sent for a pinned post that will not be shown let go (+70 B of discussion code).
 * docs/performance.md has the figures. `<discuss-count>`'s own file: 2,048 (issue 20 §2: "≤ 2 KB gzip
 * on top of nothing"). Then 15,010 and 15,060 for `live` (issue 20 §1): its door, the two
 * attributes and the call that loads its code once a discussion shows (+98 B of the entry), and
 * where its buttons go in the templates and what its code reaches of the discussion code (+119 B of
 * discussion code); its own chunk (`live`, only on pages that set it: the socket, the posts that
 * wait, the fallback polls and its strings in every language) 5,632: 4,560 B, then +850 B for a
 * second reader's findings (each post checked to be what the stream said, the replies a thread's
 * author hid, retries spaced out, a socket that never opens given up, a backoff a flapping server
 * cannot reset, a change of article dropping what was under way). Then the discussion chunk's 15,070:
 * +16 B of export names for what the live code now imports rather than copies (the hidden-replies
 * and author rules, a thread's size, the plural formatter and reader), which took 210 B off `live`.
 */
export const BUDGETS = {
  critical: 15_010,
  lazy: 15_070,
  live: 5_632,
  rules: 3_072,
  standard: 1_024,
  join: 65_536,
  language: 1_024,
  media: 2_048,
  hls: 184_320,
  count: 2_048,
} as const;

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
  /** Files this one imports statically (`import … from`), relative to the project. */
  imports: string[];
  /** Files this one imports on demand (`import(…)`). */
  dynamic: string[];
}

const specifiers = (code: string, dynamic: boolean) =>
  [...code.matchAll(dynamic ? /\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g : /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'`]([^"'`]+)["'`]/g)].map(
    (m) => m[1],
  );

export function measure(file: string): FileSize {
  const code = readFileSync(file);
  const text = code.toString('utf8');
  const local = (spec: string) => relative(process.cwd(), resolve(dirname(file), spec));
  return {
    file,
    bytes: code.length,
    gzip: gzipSize(code),
    imports: specifiers(text, false)
      .filter((s) => s.startsWith('.'))
      .map(local),
    dynamic: specifiers(text, true)
      .filter((s) => s.startsWith('.'))
      .map(local),
  };
}

export function sizes() {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run npm run build first.`);
  const entry = measure(ENTRY);
  // The critical path: everything reachable from the entry through static imports.
  const critical = new Map<string, FileSize>();
  const visit = (size: FileSize) => {
    if (critical.has(size.file)) return;
    critical.set(size.file, size);
    size.imports.forEach((file) => visit(measure(file)));
  };
  visit(entry);
  const chunks = readdirSync(CHUNKS)
    .filter((name) => name.endsWith('.js'))
    .map((name) => measure(join(CHUNKS, name)))
    .filter((chunk) => !critical.has(chunk.file));
  const sum = (list: FileSize[]) => list.reduce((total, f) => total + f.gzip, 0);
  return {
    entry,
    critical: { files: [...critical.values()], gzip: sum([...critical.values()]) },
    chunks,
    total: sum([...critical.values(), ...chunks]),
  };
}

/** A chunk's budget, by what it holds. */
export function budgetOf(file: string): number {
  const kind = /\/(lazy|rules|standard|join|gallery|player|hls|live)-[\w-]+\.js$/.exec(file)?.[1];
  if (kind === 'gallery' || kind === 'player') return BUDGETS.media;
  return kind ? BUDGETS[kind as 'lazy' | 'rules' | 'standard' | 'join' | 'hls' | 'live'] : BUDGETS.language;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = sizes();
  const row = (f: FileSize, budget?: number) => ({ file: f.file, bytes: f.bytes, gzip: f.gzip, budget: budget ?? '' });
  console.table([...report.critical.files.map((f) => row(f)), ...report.chunks.map((f) => row(f, budgetOf(f.file)))]);
  console.log(`critical path (entry + static imports): ${report.critical.gzip} bytes gzip (budget ${BUDGETS.critical})`);
  if (existsSync(COUNT)) console.log(`${COUNT}, on its own: ${measure(COUNT).gzip} bytes gzip (budget ${BUDGETS.count})`);
  console.log(
    `all files: ${report.total} bytes gzip; a reader downloads the critical path, the discussion code when the widget activates, and only their own language`,
  );
}
