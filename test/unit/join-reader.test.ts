import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../src/index.ts';
import type { DiscussThread } from '../../src/element.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';
import { ORIGIN, sampleRoute, stubFetch } from './helpers.ts';

// The reader's side, through the element: "Sign in with Bluesky" fetches the sign-in code, which
// speaks the reader's language (its own chunk) and takes any string from the `strings` property,
// as the reading side does.

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  document.documentElement.lang = '';
  sessionStorage.clear();
});

function mount(lang?: string) {
  stubFetch(sampleRoute);
  if (lang) document.documentElement.lang = lang;
  document.body.innerHTML = '<discuss-thread></discuss-thread>';
  const el = document.querySelector('discuss-thread') as DiscussThread;
  const attributes = { loading: 'eager', service: ORIGIN, 'search-service': ORIGIN, url: ARTICLE, 'client-id': 'https://news.example/client-metadata.json' };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

const join = (el: DiscussThread) => el.shadowRoot!.querySelector<HTMLElement>('[part="join"]');

/** Press the header's sign-in button and wait for the handle form. */
async function askForHandle(el: DiscussThread) {
  await vi.waitFor(() => expect(join(el)?.querySelector('button')).toBeTruthy());
  join(el)!.querySelector('button')!.click();
  await vi.waitFor(() => expect(join(el)!.querySelector('form.join-form')).toBeTruthy(), { timeout: 5000 });
  return join(el)!.querySelector('form.join-form')!;
}

describe('the sign-in code’s strings', () => {
  it('are the reader’s language, fetched with the sign-in code', async () => {
    const el = mount('ko');
    await vi.waitFor(() => expect(join(el)?.textContent?.trim()).toBe('Bluesky로 로그인'));
    const form = await askForHandle(el);
    expect(form.querySelector('label')!.textContent!.trim()).toBe('Bluesky 핸들');
    expect(form.querySelector('.join-hint')!.textContent).toBe('또는 서버 주소(예: https://bsky.social)');
  });

  it('take any string from the strings property, as the reading side’s do', async () => {
    const el = mount();
    el.strings = { signIn: 'Join in', handle: 'Your handle, or your server', go: 'Next' };
    await vi.waitFor(() => expect(join(el)?.textContent?.trim()).toBe('Join in'));
    const form = await askForHandle(el);
    expect(form.querySelector('label')!.textContent!.trim()).toBe('Your handle, or your server');
    expect([...form.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Next', 'Cancel']);
  });
});
