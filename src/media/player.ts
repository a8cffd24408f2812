// The video player: a post's video plays in place when the reader presses play, never before. A
// chunk of its own. As on bsky.app, hls.js (a chunk of its own too, fetched only at this moment)
// plays it wherever the browser has Media Source Extensions (Chromium, Firefox, desktop Safari):
// Chromium also claims to play HLS natively, but then shows none of the playlist's captions.
// Elsewhere (iPhones, whose ManagedMediaSource hls.js could use, play HLS natively, captions
// included) the playlist is the video's source and hls.js is never fetched. Captions come inside
// Bluesky's playlist (subtitle renditions).

import type { Media } from '../bluesky/model.ts';
import { bluesky, playable } from './playlist.ts';

type Video = Extract<Media, { kind: 'video' }>;

/**
 * Whether hls.js may fetch `url` (a sub-playlist, a segment, captions) for `playlist`: only from the
 * playlist's own origin, or, for a playlist on Bluesky's video hosts, from those hosts.
 */
export function within(playlist: string, url: string): boolean {
  const [from, to] = [new URL(playlist), new URL(url, playlist)];
  return from.origin === to.origin || (bluesky(from) && bluesky(to));
}

/**
 * Replaces the poster and `button` (in the video's box) with a playing <video>: controls, the
 * thumbnail as its poster, the alt text as its name. Rejects, before anything changes, when this
 * browser cannot play HLS or the playlist's host is not one a video may come from: the post's link
 * to Bluesky is then the way. A box already playing is left as it is.
 */
export async function play(button: HTMLElement, url: string, value: Video): Promise<void> {
  const playlist = playable(url);
  if (!playlist) throw new Error('not a video host');
  const box = button.parentElement!;
  if (box.querySelector('video')) return box.removeAttribute('aria-busy');
  const video = document.createElement('video');
  video.controls = true;
  video.playsInline = true;
  video.crossOrigin = 'anonymous'; // the captions' WebVTT is read across origins
  if (value.thumb) video.poster = value.thumb;
  if (value.alt) video.setAttribute('aria-label', value.alt);
  if (value.width && value.height) Object.assign(video, { width: value.width, height: value.height });
  if (!('MediaSource' in window)) {
    if (!video.canPlayType('application/vnd.apple.mpegurl')) throw new Error('no HLS');
    video.src = playlist;
  } else {
    const { default: Hls } = await import('hls.js');
    if (!Hls.isSupported()) throw new Error('no HLS');
    // The video stopped for good: hls.js stops with it. A video taken out of the page (the post
    // shown elsewhere, the widget removed) is paused by the browser; one that cannot play gives the
    // box back its poster and button, and the reader the link to Bluesky.
    const stop = () => {
      hls.destroy();
      video.remove();
    };
    const fail = () => {
      stop();
      for (const child of box.children) (child as HTMLElement).hidden = false;
      (box.nextElementSibling as HTMLElement | null)?.focus();
    };
    const hls = new Hls({
      // No worker: hls.js would start one from a blob: script, which a strict CSP and Trusted Types refuse.
      enableWorker: false,
      // What the playlist names stays where the playlist is: a request elsewhere is never sent, and
      // the video is given up (hls.js would retry it, as it does a network error).
      xhrSetup: (_xhr, next) => {
        if (within(playlist, next)) return;
        fail();
        throw new Error('off the playlist’s host');
      },
    });
    video.addEventListener('pause', () => video.isConnected || stop());
    hls.on(Hls.Events.ERROR, (_event, data) => data.fatal && fail());
    hls.loadSource(playlist);
    hls.attachMedia(video);
  }
  // The box's own nodes stay (its template may render again); they step aside for the video.
  for (const child of box.children) (child as HTMLElement).hidden = true;
  box.removeAttribute('aria-busy');
  box.append(video);
  video.focus();
  // Refused or interrupted (the reader paused at once): the controls stay, for the reader to press.
  video.play().catch(() => {});
}
