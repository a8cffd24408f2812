// Stand-in media for the sample AppView: SVG avatars and photos drawn from a seed, and a tiny HLS
// video (video/, see its README), so the demo needs no network.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const hue = (seed: string) => [...seed].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);

export function svg(kind: 'avatar' | 'photo', seed: string): string {
  const h = hue(seed);
  if (kind === 'avatar') {
    const letter = seed[0].toUpperCase();
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="hsl(${h} 55% 45%)"/><text x="32" y="42" font-family="sans-serif" font-size="28" text-anchor="middle" fill="#fff">${letter}</text></svg>`;
  }
  const [w, hgt] = seed === 'sims' ? [800, 800] : seed === 'video' ? [1280, 720] : [1200, 800];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${hgt}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${h} 60% 55%)"/><stop offset="1" stop-color="hsl(${(h + 60) % 360} 60% 30%)"/></linearGradient></defs><rect width="${w}" height="${hgt}" fill="url(#g)"/><circle cx="${w * 0.7}" cy="${hgt * 0.35}" r="${hgt * 0.12}" fill="#fff6"/><path d="M0 ${hgt * 0.8} L${w * 0.3} ${hgt * 0.5} L${w * 0.55} ${hgt * 0.75} L${w * 0.75} ${hgt * 0.6} L${w} ${hgt * 0.85} V${hgt} H0Z" fill="#0005"/></svg>`;
}

const TYPES: Record<string, string> = { m3u8: 'application/vnd.apple.mpegurl', m2ts: 'video/mp2t', vtt: 'text/vtt' };

/** A file of the sample video (`playlist.m3u8` and what it names), as video.bsky.app serves one; a 404 for any other name. */
export function videoFile(name: string) {
  const type = TYPES[name.split('.').pop()!];
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'video', name));
  } catch {
    return { status: 404, type: 'text/plain', body: 'Not Found' };
  }
  return { status: 200, type, body: '', bytes };
}
