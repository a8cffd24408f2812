import { afterEach, describe, expect, it } from 'vitest';
import '../../src/index.ts';
import type { DiscussThread } from '../../src/element.ts';
import { KEYS, LANGUAGES, loadMessages, messages, pickLanguage } from '../../src/i18n/messages.ts';
import { compact, plural, relativeTime, shortTime } from '../../src/i18n/format.ts';
import { KEYS as JOIN_KEYS, joinSource } from '../../src/i18n/join.ts';
import { ARTICLE } from '../../demo/appview/sample.ts';
import { ORIGIN, sampleRoute, stubFetch } from './helpers.ts';
import { vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  document.documentElement.lang = '';
  sessionStorage.clear();
});

describe('messages', () => {
  it('ship the languages the issue asks for', () => {
    expect(LANGUAGES.sort()).toEqual(['de', 'en', 'es', 'fr', 'ja', 'ko', 'pt', 'ru', 'uk', 'zh-hans', 'zh-hant']);
  });

  it.each(LANGUAGES)('%s: the sign-in code has every message, one a line, with English’s placeholders', async (lang) => {
    const lines = (await joinSource(lang)).split('\n');
    const english = (await joinSource('en')).split('\n');
    expect(lines).toHaveLength(JOIN_KEYS.length);
    if (lang !== 'en') expect(lines).not.toEqual(english); // its own chunk, not English in its place
    lines.forEach((line, i) => {
      expect(line.trim(), JOIN_KEYS[i]).not.toBe('');
      expect(line.match(/\{\w+\}/g), JOIN_KEYS[i]).toEqual(english[i].match(/\{\w+\}/g));
    });
  });

  it.each(LANGUAGES)('%s: has every message, its placeholders, and a form for each plural category', async (lang) => {
    const t = await loadMessages(lang);
    for (const key of KEYS) expect(t[key], key).toBeTruthy();
    expect(t.postBy).toContain('{name}');
    const rules = new Intl.PluralRules(lang === 'pt' ? 'pt-BR' : lang);
    const used = new Set(Array.from({ length: 200 }, (_, n) => rules.select(n)));
    for (const key of ['posts', 'replies', 'reposts', 'likes', 'moreReplies', 'showReplies'] as const) {
      for (const form of Object.values(t[key])) expect(form, `${lang} ${key}`).toContain('#');
      // Every category small whole numbers fall in has its own form (French "many" is for millions).
      for (const category of used)
        expect(t[key][category] ?? (Object.keys(t[key]).length === 1 ? t[key].other : undefined), `${lang} ${key} ${category}`).toBeTruthy();
    }
    if (lang !== 'en') expect(t.heading).not.toBe(messages('en')!.heading);
  });

  it('pluralise through Intl.PluralRules', async () => {
    const ru = await loadMessages('ru');
    expect([1, 3, 5, 21, 22, 25].map((n) => plural('ru', ru.replies, n, true))).toEqual([
      '1 ответ',
      '3 ответа',
      '5 ответов',
      '21 ответ',
      '22 ответа',
      '25 ответов',
    ]);
    expect(plural('en', messages('en')!.likes, 1)).toBe('1 like');
    expect(plural('ko', (await loadMessages('ko')).likes, 3)).toBe('좋아요 3개');
  });

  it('format counts compactly and times relatively, in the interface language', () => {
    expect(compact('en', 1234)).toBe('1.2K');
    expect(compact('ko', 12345)).toBe('1.2만');
    expect(compact('de', 1_234_567)).toMatch(/^1,2\sMio/);
    const now = Date.parse('2026-11-27T12:00:00Z');
    expect(relativeTime('en', new Date(now - 3 * 3600_000), now)).toBe('3 hours ago');
    expect(relativeTime('ko', new Date(now - 3 * 3600_000), now)).toBe('3시간 전');
  });

  it('write a byline’s time as bsky.app does: now, 5m, 5h, 3d, then a short date, in each language’s narrow form', () => {
    const now = Date.parse('2026-11-27T12:00:00Z');
    const ago = (seconds: number) => new Date(now - seconds * 1000);
    const times = (lang: string) => [ago(20), ago(5 * 60), ago(5 * 3600 + 59 * 60), ago(3 * 86_400)].map((date) => shortTime(lang, date, now));
    expect(times('en')).toEqual(['now', '5m', '5h', '3d']);
    expect(times('ko')).toEqual(['지금', '5분', '5시간', '3일']);
    expect(times('ja')).toEqual(['今', '5分前', '5時間前', '3日前']); // no space, as Japanese writes it
    expect(shortTime('en', new Date('2026-10-03T12:00:00Z'), now)).toBe('Oct 3');
    expect(shortTime('en', new Date('2025-11-03T12:00:00Z'), now)).toBe('Nov 3, 2025');
    expect(shortTime('ko', new Date('2025-11-03T12:00:00Z'), now)).toBe('2025년 11월 3일');
    expect(shortTime('en', new Date(now + 30_000), now)).toBe('now'); // a clock a little ahead of ours
    // The long form, for the time's accessible name, counts the same whole hours.
    expect(relativeTime('en', ago(5 * 3600 + 59 * 60), now)).toBe('5 hours ago');
  });

  it('keep an absurd count a few characters wide', () => {
    expect(compact('en', Number.MAX_VALUE)).toBe('1.8E308');
    expect(plural('en', messages('en')!.likes, Number.MAX_VALUE, true)).toBe('1.8E308 likes');
    expect(compact('en', 999_000_000_000_000)).toBe('999T');
  });
});

describe('language choice', () => {
  it('falls back from a region to its language, and to English', () => {
    expect(pickLanguage(['pt-PT'])).toBe('pt');
    expect(pickLanguage(['pt-BR'])).toBe('pt');
    expect(pickLanguage(['zh-TW'])).toBe('zh-hant');
    expect(pickLanguage(['zh-Hant-HK'])).toBe('zh-hant');
    expect(pickLanguage(['zh-CN'])).toBe('zh-hans');
    expect(pickLanguage(['zh'])).toBe('zh-hans');
    expect(pickLanguage(['', undefined, 'tlh', 'de-AT'])).toBe('de');
    expect(pickLanguage(['tlh'])).toBe('en');
  });

  const mount = (html: string) => {
    stubFetch(sampleRoute);
    document.body.innerHTML = html;
    const el = document.querySelector('discuss-thread') as DiscussThread;
    for (const [name, value] of Object.entries({ loading: 'eager', service: ORIGIN, 'search-service': ORIGIN, url: ARTICLE })) el.setAttribute(name, value);
    return el;
  };
  const heading = (el: DiscussThread) => el.shadowRoot!.querySelector('[part="heading"]')!.textContent!.trim();

  it('speaks the lang attribute, else the nearest [lang], else the document', async () => {
    const own = mount('<div lang="ko"><discuss-thread lang="ja"></discuss-thread></div>');
    await own.updateComplete;
    expect(heading(own)).toBe('コメント');
    const inherited = mount('<section lang="uk"><div><discuss-thread></discuss-thread></div></section>');
    await inherited.updateComplete;
    expect(heading(inherited)).toBe('Коментарі');
    document.documentElement.lang = 'fr-CA';
    const page = mount('<discuss-thread></discuss-thread>');
    await page.updateComplete;
    expect(heading(page)).toBe('Commentaires');
  });

  it('renders the whole interface in Korean on a lang="ko" page', async () => {
    document.documentElement.lang = 'ko';
    const el = mount('<discuss-thread></discuss-thread>');
    await vi.waitFor(() => expect(el.getAttribute('status')).toBe('loaded'));
    const root = el.shadowRoot!;
    expect(root.querySelector('[part="compose"]')!.textContent).toBe('Bluesky에서 토론하기');
    expect(root.querySelector('[part="summary"]')!.textContent).toBe('게시물 7개 · 답글 18개 · 좋아요 430개');
    expect(root.querySelector('[part="post"]')!.getAttribute('aria-label')).toMatch(/님의 게시물$/);
    expect(root.querySelector('.reply .sr')!.textContent).toBe('Bluesky에서 답글 달기');
    expect(root.querySelector('time [aria-hidden]')!.textContent).toMatch(/^\d+시간$/); // "5시간", bsky.app's short form
    expect(root.querySelector('time .sr')!.textContent).toMatch(/^\d+시간 전$/);
    const english = [...root.querySelectorAll('[part="stats"], [part="more"], [part="heading"], [part="summary"], .quote')].map((e) => e.textContent).join(' ');
    expect(english).not.toMatch(/\b(replies|likes|reposts|Reply|more|Discussion)\b/);
  });

  it('takes any string from the strings property', async () => {
    const el = mount('<discuss-thread></discuss-thread>');
    el.strings = { heading: 'Comments', compose: 'Reply with a post' };
    await el.updateComplete;
    expect(heading(el)).toBe('Comments');
    expect(el.shadowRoot!.querySelector('[part="compose"]')!.textContent).toBe('Reply with a post');
  });
});
