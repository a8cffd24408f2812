// Demo controls: switch the widget between the sample AppView's modes and the live Bluesky hosts.

import '../src/index.ts';

const widget = document.querySelector('discuss-thread')!;
const source = document.querySelector<HTMLSelectElement>('#source')!;
const theme = document.querySelector<HTMLSelectElement>('#theme')!;
const liveUrl = document.querySelector<HTMLElement>('#live-url')!;
const url = document.querySelector<HTMLInputElement>('#url')!;

function apply() {
  const mode = source.value;
  liveUrl.hidden = mode !== 'live';
  if (mode === 'live') {
    widget.removeAttribute('service');
    widget.removeAttribute('search-service');
    widget.removeAttribute('post');
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
url.addEventListener('change', apply);
