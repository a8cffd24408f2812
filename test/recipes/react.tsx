import { createRoot } from 'react-dom/client';
import { Discussion } from '../../docs/recipes/Discussion.tsx';

const service = new URLSearchParams(location.search).get('service')!;
createRoot(document.querySelector('#root')!).render(
  <Discussion
    url="https://news.example/world/2026/11/27/norvia-blocks-whisperline"
    post="https://bsky.app/profile/minapark.news.example/post/3m6aaa2story"
    loading="eager"
    service={service}
    search-service={service}
  />,
);
