// Demo controls: switch the widget between the sample AppView's modes and the live Bluesky hosts.

import '../src/index.ts';
import { addLanguages } from './languages.ts';
import { SCOPE } from '../src/join/scope.ts';

const widget = document.querySelector('discuss-thread')!;
const source = document.querySelector<HTMLSelectElement>('#source')!;
const theme = document.querySelector<HTMLSelectElement>('#theme')!;
const lang = document.querySelector<HTMLSelectElement>('#lang')!;
const rules = document.querySelector<HTMLInputElement>('#rules')!;
// The news site's own moderation, as written in index.html: a spam account, an insult, and its
// labeler (the sample AppView's Newswatch Moderation), which warns on unverified claims and hides
// harassment. Unticked, the page shows what bsky.app shows a signed-out reader.
const RULES = Object.fromEntries(['hide', 'muted-words', 'labelers'].map((name) => [name, widget.getAttribute(name)!]));
addLanguages(lang);
const form = document.querySelector<HTMLFormElement>('#try')!;
const url = document.querySelector<HTMLInputElement>('#url')!;

/** `live` hears the dev server's stand-in Spacedust (demo/appview/live.ts) on the sample; Spacedust itself on the live hosts. */
const STREAM = `ws://${location.host}/spacedust`;
widget.setAttribute('live-service', STREAM);

function apply() {
  const mode = source.value;
  if (mode === 'live') widget.removeAttribute('live-service');
  else widget.setAttribute('live-service', STREAM);
  if (mode === 'live') {
    for (const name of ['service', 'search-service', 'backlinks-service', 'post']) widget.removeAttribute(name);
    if (url.value) widget.setAttribute('url', url.value);
    else widget.removeAttribute('url');
  } else {
    const service = mode === 'sample' || mode === 'hostile' ? '/' : `/s/${mode}`;
    for (const name of ['service', 'search-service', 'backlinks-service']) widget.setAttribute(name, service);
    if (mode === 'hostile') {
      widget.setAttribute('url', 'https://news.example/opinion/2026/11/27/moderation-test');
      widget.removeAttribute('post');
    } else {
      widget.setAttribute('post', 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story');
      widget.removeAttribute('url');
    }
  }
  // The site's rules name sample accounts and a sample labeler: the live hosts know neither.
  for (const [name, value] of Object.entries(RULES)) {
    if (rules.checked && mode !== 'live') widget.setAttribute(name, value);
    else widget.removeAttribute(name);
  }
  document.documentElement.dataset.theme = theme.value;
  widget.setAttribute('theme', theme.value);
  // The interface language, as a site owner's readers would get it from their page or browser.
  if (lang.value) widget.setAttribute('lang', lang.value);
  else widget.removeAttribute('lang');
}

// `?source=slow` (or empty, error, live), `?lang=ko`, `?theme=dark` open the demo that way: handy
// for links and tests.
const query = new URLSearchParams(location.search);
let preset = false;
for (const [select, name] of [
  [source, 'source'],
  [lang, 'lang'],
  [theme, 'theme'],
] as const) {
  const value = query.get(name);
  if (!value || ![...select.options].some((option) => option.value === value)) continue;
  select.value = value;
  preset = true;
}
// `?rules=off` opens the demo without the site owner's rules.
if (query.get('rules') === 'off') {
  rules.checked = false;
  preset = true;
}
if (preset) apply();

// "Someone replies": a new reply to the story at the sample AppView, which the stand-in stream
// announces; the widget shows "1 new reply" under the story while the reader reads.
const LINES = ['Just saw this on the news here too.', 'Any word on when the block ends?', 'Signal still works for me, for now.', 'Thanks for covering this.'];
let said = 0;
document.querySelector('#reply')!.addEventListener('click', () => {
  const parent = 'at://minapark.news.example/app.bsky.feed.post/3m6aaa2story';
  fetch('/sample-live/posts', { method: 'POST', body: JSON.stringify({ text: LINES[said++ % LINES.length], parent, author: 'demo-reader' }) });
});

source.addEventListener('change', apply);
theme.addEventListener('change', apply);
lang.addEventListener('change', apply);
rules.addEventListener('change', apply);
// "Try your own article URL": the live hosts, for that address.
form.addEventListener('submit', (event) => {
  event.preventDefault();
  source.value = 'live';
  apply();
  widget.scrollIntoView({ behavior: 'smooth' });
});

// `npm run demo:pds` (`?pds=1`, kept for the tab so the return from the PDS keeps it): sign-in with
// atproto's loopback client, against the local PDS. Its accounts' DIDs live in the local PLC
// directory, which the dev server serves at /plc/: the demo, not the widget, sends plc.directory there.
if (new URLSearchParams(location.search).has('pds')) sessionStorage.setItem('demo-pds', '1');
if (sessionStorage.getItem('demo-pds')) {
  const redirect = `${location.origin}/demo/`;
  widget.setAttribute('client-id', `http://localhost?${new URLSearchParams({ redirect_uri: redirect, scope: SCOPE })}`);
  const fetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    return url.startsWith('https://plc.directory/') ? fetch(url.replace('https://plc.directory/', '/plc/'), init) : fetch(input, init);
  };
}
