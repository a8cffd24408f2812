import { describe, expect, it, vi } from 'vitest';
import { render } from 'lit';
import { parsePost } from '../../src/bluesky/parse.ts';
import { postTemplate, type View } from '../../src/templates/posts.ts';
import { viewMessages } from '../../src/i18n/view.ts';
import { messages } from '../../src/i18n/messages.ts';
import { playable } from '../../src/media/playlist.ts';
import { within } from '../../src/media/player.ts';
import { actor, post } from '../../demo/appview/build.ts';

// Issue 18, point 12, as a second reader found it: one press starts one player, a playlist is a
// playlist (`.m3u8`) on a video host, and what it names stays where it is.

const player = vi.hoisted(() => ({ play: vi.fn() }));
vi.mock('../../src/media/player.ts', async (original) => ({ ...(await original<object>()), play: player.play }));

const view: View = { lang: 'en', t: viewMessages(messages('en')!) };

describe('the play button', () => {
  it('starts one player however often it is pressed while the player loads, the box busy meanwhile', async () => {
    let arrived!: () => void;
    player.play.mockImplementation((button: HTMLElement) =>
      new Promise<void>((resolve) => (arrived = resolve)).then(() => (button.parentElement!.ariaBusy = null)),
    );
    const playlist = `${location.origin}/sample-media/video/playlist.m3u8`;
    const parsed = parsePost(
      post({
        author: actor('alice.example', 'Alice'),
        rkey: '3kt',
        createdAt: '2026-11-27T11:00:00.000Z',
        text: ['a call'],
        embed: { video: { thumbnail: `${location.origin}/t.jpg`, alt: 'A call', width: 16, height: 9, playlist } },
      }),
    )!;
    const host = document.createElement('div');
    render(postTemplate(parsed, view), host);
    const button = host.querySelector<HTMLButtonElement>('button.play')!;
    button.click();
    button.click();
    await vi.waitFor(() => expect(player.play).toHaveBeenCalledTimes(1));
    expect(button.parentElement!.ariaBusy).toBe('true');
    button.click();
    arrived();
    await vi.waitFor(() => expect(button.parentElement!.ariaBusy).toBeNull());
    expect(player.play).toHaveBeenCalledTimes(1);
    expect(player.play.mock.calls[0][1]).toBe(playlist);
  });
});

describe('a playlist', () => {
  it('plays from Bluesky’s video hosts or the page’s own origin, and only a path ending in .m3u8', () => {
    for (const url of [
      'https://video.bsky.app/watch/did%3Aplc%3Al7mosai5i2u562b5qbosw6c7/bafkreic3uqlah5pnqzq4tx2r5cg6kyj2uziq4jn4uatuwdhvl33sx2qkgm/playlist.m3u8',
      'https://video.cdn.bsky.app/hls/did:plc:a/bafk/playlist.m3u8',
      `${location.origin}/sample-media/video/playlist.m3u8`,
    ])
      expect(playable(url)).toBe(url);
    for (const url of [
      undefined,
      '',
      'not a url',
      `${location.origin}/`,
      `${location.origin}/logout`,
      `${location.origin}/api/delete?x=playlist.m3u8`,
      `${location.origin}/playlist.m3u8.html`,
      'https://video.bsky.app/watch/did:plc:a/bafk/thumbnail.jpg',
      'https://video.bsky.app/',
      'http://video.bsky.app/watch/a/b/playlist.m3u8',
      'https://video.bsky.app:8443/watch/a/b/playlist.m3u8',
      'https://video.bsky.app.evil.example/watch/a/b/playlist.m3u8',
      'https://evil.example/playlist.m3u8',
      'javascript:alert(1)//.m3u8',
    ])
      expect(playable(url)).toBeUndefined();
  });

  it('lets hls.js fetch what it names only from its own origin (any of Bluesky’s video hosts for Bluesky’s)', () => {
    const own = `${location.origin}/sample-media/video/playlist.m3u8`;
    expect(within(own, `${location.origin}/sample-media/video/seg0.m2ts`)).toBe(true);
    expect(within(own, 'seg0.m2ts')).toBe(true);
    expect(within(own, 'https://evil.example/seg0.m2ts')).toBe(false);
    expect(within(own, 'https://video.bsky.app/watch/a/b/seg0.ts')).toBe(false);
    const bsky = 'https://video.bsky.app/watch/a/b/playlist.m3u8';
    expect(within(bsky, 'https://video.bsky.app/watch/a/b/360p/video.m3u8?session_id=1')).toBe(true);
    expect(within(bsky, 'https://video.cdn.bsky.app/hls/a/b/360p/video0.ts')).toBe(true);
    expect(within(bsky, 'http://video.cdn.bsky.app/hls/a/b/360p/video0.ts')).toBe(false);
    expect(within(bsky, 'https://evil.example/subtitles_en.vtt')).toBe(false);
    expect(within(bsky, `${location.origin}/seg0.m2ts`)).toBe(false);
  });
});
