// The site's labelers (`labelers`): their label definitions, from `app.bsky.labeler.getServices`.
// A labeler that does not answer, or is not a labeler, is reported; its global labels (`!hide`,
// `!warn`, adult content) still apply, since they need no definition, but its own labels cannot be
// read without one and are not applied.

import type { AppBskyLabelerDefs } from '@atproto/api';
import type { Definition, Labeler, Labelers, Locale, RouteFailure } from './model.ts';
import { BSKY_LABELER, GLOBAL } from './moderation.ts';
import { RequestError, xrpc, type RequestOptions } from './http.ts';
import { isObject } from './parse.ts';
import { isDid } from './urls.ts';
import { warnOnce } from './warn.ts';

/** At most this many labelers, as Bluesky's apps allow. */
export const LABELERS_MAX = 20;

/** The DIDs in `labelers` (separated by spaces or commas), the first 20, once each. */
export const labelerDids = (labelers?: string | null): string[] => [...new Set((labelers ?? '').split(/[\s,]+/).filter(isDid))].slice(0, LABELERS_MAX);

/**
 * The `atproto-accept-labelers` value for the site's labelers. Sent, the header replaces the
 * AppView's default, so Bluesky's own service is named first, as bsky.app does.
 */
export const acceptLabelers = (dids: readonly string[]): string | undefined => (dids.length ? [`${BSKY_LABELER};redact`, ...dids].join(', ') : undefined);

/** Each labeler's definitions, and a failure for each labeler whose definitions could not be read. */
export async function readLabelers(dids: readonly string[], service: string, ctx: RequestOptions): Promise<{ labelers: Labelers; failures: RouteFailure[] }> {
  const labelers = new Map<string, Labeler & { labels: Map<string, Definition> }>(dids.map((did) => [did, { labels: new Map() }]));
  if (!dids.length) return { labelers, failures: [] };
  const found = new Set<string>();
  let failed: RouteFailure | undefined;
  try {
    const body = await xrpc(
      service,
      'app.bsky.labeler.getServices',
      { dids, detailed: 'true' },
      { signal: ctx.signal, timeout: ctx.timeout, fetch: ctx.fetch },
    );
    for (const view of isObject(body) && Array.isArray(body.views) ? body.views : []) {
      if (!isObject(view) || view.$type !== ('app.bsky.labeler.defs#labelerViewDetailed' satisfies AppBskyLabelerDefs.LabelerViewDetailed['$type'])) continue;
      const creator = isObject(view.creator) ? view.creator : {};
      const labeler = typeof creator.did === 'string' ? labelers.get(creator.did) : undefined;
      if (!labeler) continue;
      found.add(creator.did as string);
      // As bsky.app names it: its display name, else its handle.
      const name = [creator.displayName, creator.handle].find((value): value is string => typeof value === 'string' && !!value.trim());
      if (name) labeler.name = name;
      const defs = labeler.labels;
      const policies = isObject(view.policies) ? view.policies.labelValueDefinitions : undefined;
      for (const value of Array.isArray(policies) ? policies : []) {
        const entry = definition(value);
        if (entry) defs.set(...entry);
      }
    }
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    failed = { route: 'labeler', kind: error.kind, ...(error.status ? { status: error.status } : {}) };
  }
  const failures = dids.filter((did) => !found.has(did)).map((did): RouteFailure => ({ ...(failed ?? { route: 'labeler', kind: 'not-found' }), labeler: did }));
  for (const failure of failures)
    warnOnce(`labelers: ${failure.labeler} did not answer (${failure.kind}); its own labels cannot be applied, only Bluesky's global ones.`);
  return { labelers, failures };
}

/** A definition from a labeler view's `policies.labelValueDefinitions` entry, or undefined when invalid. */
export function definition(value: unknown): [string, Definition] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const def = value as Record<string, unknown>;
  const id = def.identifier;
  // As the lexicon requires: an identifier, a severity, what it blurs, and its names (`locales`).
  if (typeof id !== 'string' || !/^[a-z-]+$/.test(id) || id.length > 100 || GLOBAL.has(id)) return undefined;
  if (typeof def.severity !== 'string' || typeof def.blurs !== 'string' || !Array.isArray(def.locales)) return undefined;
  // A value of `blurs` from the future blurs nothing we know of; the setting still hides.
  const blurs = def.blurs === 'content' || def.blurs === 'media' ? def.blurs : 'none';
  const setting = def.defaultSetting === 'hide' || def.defaultSetting === 'ignore' ? def.defaultSetting : 'warn';
  const names = def.locales.flatMap((locale): Locale[] =>
    isObject(locale) && typeof locale.lang === 'string' && typeof locale.name === 'string' && locale.name.trim()
      ? [{ lang: locale.lang, name: locale.name }]
      : [],
  );
  return [id, { setting, blurs, adultOnly: def.adultOnly === true, names }];
}
