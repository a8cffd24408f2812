import { mount } from 'svelte';
import Discussion from '../../docs/recipes/Discussion.svelte';

const service = new URLSearchParams(location.search).get('service')!;
mount(Discussion, {
  target: document.querySelector('#root')!,
  props: {
    url: 'https://news.example/world/2026/11/27/norvia-blocks-whisperline',
    post: 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story',
    loading: 'eager',
    service,
    'search-service': service,
  },
});
