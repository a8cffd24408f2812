import { afterEach, describe, expect, it, vi } from 'vitest';
import { html, render } from 'lit';
import { since } from '../../src/templates/clock.ts';
import { shortTime } from '../../src/i18n/format.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const visibility = (state: 'visible' | 'hidden') => {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);
  document.dispatchEvent(new Event('visibilitychange'));
};

describe('live relative times', () => {
  it('stay true as the clock moves, all from one timer, and rewrite only their own text', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-27T12:00:00Z') });
    const host = document.createElement('div');
    document.body.append(host);
    const when = new Date('2026-11-27T11:55:00Z');
    render(
      html`<p><time>${since(when, 'en')}</time> <b>kept</b></p>
        <p><time>${since(when, 'ko')}</time></p>`,
      host,
    );
    const [en, ko] = host.querySelectorAll('time');
    const kept = host.querySelector('b')!;
    expect(en.textContent).toBe('5 minutes ago');
    expect(vi.getTimerCount()).toBe(1); // one timer for both
    vi.advanceTimersByTime(2 * 60 * 60_000);
    expect(en.textContent).toBe('2 hours ago');
    expect(ko.textContent).toBe('2시간 전');
    expect(host.querySelector('b')).toBe(kept); // nothing else was rendered again
    render(html``, host); // off the page: the timer stops
    expect(vi.getTimerCount()).toBe(0);
    host.remove();
  });

  it('keep the short form in the text and the long one in an attribute true, from the same timer', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-27T12:00:00Z') });
    const host = document.createElement('div');
    const when = new Date('2026-11-27T11:59:30Z');
    render(html`<a title=${since(when, 'en')}><time>${since(when, 'en', shortTime)}</time></a>`, host);
    const [link, time] = [host.querySelector('a')!, host.querySelector('time')!];
    expect([time.textContent, link.getAttribute('title')]).toEqual(['now', 'now']);
    vi.advanceTimersByTime(5 * 60_000);
    expect([time.textContent, link.getAttribute('title')]).toEqual(['5m', '5 minutes ago']);
    vi.advanceTimersByTime(3 * 60 * 60_000);
    expect([time.textContent, link.getAttribute('title')]).toEqual(['3h', '3 hours ago']);
    expect(vi.getTimerCount()).toBe(1);
    render(html``, host);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('pause while the page is hidden and catch up as soon as it shows', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-27T12:00:00Z') });
    const host = document.createElement('div');
    render(html`<time>${since(new Date('2026-11-27T11:59:00Z'), 'en')}</time>`, host);
    const time = host.querySelector('time')!;
    visibility('hidden');
    expect(vi.getTimerCount()).toBe(0);
    vi.setSystemTime(Date.parse('2026-11-27T15:00:00Z'));
    expect(time.textContent).toBe('1 minute ago');
    visibility('visible');
    expect(time.textContent).toBe('3 hours ago');
    expect(vi.getTimerCount()).toBe(1);
    render(html``, host);
  });
});
