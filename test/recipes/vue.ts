import { createApp, h } from 'vue';
import Discussion from '../../docs/recipes/Discussion.vue';

const service = new URLSearchParams(location.search).get('service')!;
createApp({
  render: () =>
    h(Discussion, {
      url: 'https://news.example/world/2026/11/27/norvia-blocks-whisperline',
      post: 'https://bsky.app/profile/minapark.news.example/post/3m6aaa2story',
      loading: 'eager',
      service,
      'search-service': service,
    }),
}).mount('#root');
