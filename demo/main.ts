// Demo controls: switch the widget between the sample AppView's modes and the live Bluesky hosts.

import '../src/index.ts';

const widget = document.querySelector('discuss-thread')!;
const source = document.querySelector<HTMLSelectElement>('#source')!;
const theme = document.querySelector<HTMLSelectElement>('#theme')!;
const form = document.querySelector<HTMLFormElement>('#try')!;
const url = document.querySelector<HTMLInputElement>('#url')!;

function apply() {
  const mode = source.value;
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
  document.documentElement.dataset.theme = theme.value;
  widget.setAttribute('theme', theme.value);
}

// `?source=slow` (or empty, error, live) opens the demo in that mode: handy for links and tests.
const preset = new URLSearchParams(location.search).get('source');
if (preset && [...source.options].some((option) => option.value === preset)) {
  source.value = preset;
  apply();
}

source.addEventListener('change', apply);
theme.addEventListener('change', apply);
// "Try your own article URL": the live hosts, for that address.
form.addEventListener('submit', (event) => {
  event.preventDefault();
  source.value = 'live';
  apply();
  widget.scrollIntoView({ behavior: 'smooth' });
});
