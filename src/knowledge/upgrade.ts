/**
 * Upgrades a version-1 pack to the current format, so that an older pack, bundled or imported, still loads.
 * It works on unchecked JSON, before the schema: it changes only what has the shape it expects and leaves the
 * rest for the schema to report. The input is never modified.
 *
 * Version 1 → 2 (docs/knowledge.md, "Upgrading a version-1 pack"):
 * - an actor's `role: "…"` becomes `roles: [{ title: "…", sources: <the actor's sources> }]`, with no dates;
 * - source kind `reference` becomes `other`;
 * - `state-media` gets `state` from its publisher where the publisher is known (`STATE_MEDIA_PUBLISHERS`); an
 *   unknown one keeps no state and so counts as weak (see `weakReason`).
 */

/** Publishers whose state is known: a whole word or words at the start of the publisher's name, in any case. */
export const STATE_MEDIA_PUBLISHERS: readonly { publisher: RegExp; state: string }[] = [
  { publisher: /^(?:tass|ria|ria novosti|sputnik|rt|rossiyskaya gazeta|channel one russia|vesti)(?![\p{L}\p{N}])/iu, state: 'Russia' },
  { publisher: /^(?:xinhua|cgtn|people's daily|global times)(?![\p{L}\p{N}])/iu, state: 'China' },
  { publisher: /^belta(?![\p{L}\p{N}])/iu, state: 'Belarus' },
  { publisher: /^(?:irna|press tv)(?![\p{L}\p{N}])/iu, state: 'Iran' },
];

export interface UpgradedPack {
  /** The pack in the current format's shape (not yet checked). */
  data: unknown;
  /** The format the input declared, when it is a number. */
  fromFormat: number | undefined;
  /** Turns a JSON path in `data` into the path of the same value in the input, where the upgrade moved it. */
  originalPath(path: string): string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of `object` with `key` replaced by `replacement` (its own keys, in order) where `key` was. */
function replaceKey(object: Json, key: string, replacement: Json): Json {
  const out: Json = {};
  for (const [k, value] of Object.entries(object)) {
    if (k === key) Object.assign(out, replacement);
    else out[k] = value;
  }
  return out;
}

/** A copy of `object` with `extra` inserted right after `key`. */
function insertAfter(object: Json, key: string, extra: Json): Json {
  const out: Json = {};
  for (const [k, value] of Object.entries(object)) {
    out[k] = value;
    if (k === key) Object.assign(out, extra);
  }
  return out;
}

export function stateOfPublisher(publisher: string): string | undefined {
  return STATE_MEDIA_PUBLISHERS.find((entry) => entry.publisher.test(publisher.trim()))?.state;
}

function upgradeActor(actor: unknown): unknown {
  if (!isObject(actor) || typeof actor.role !== 'string' || 'roles' in actor) return actor;
  const role: Json = { title: actor.role };
  if (actor.sources !== undefined) role.sources = actor.sources;
  return replaceKey(actor, 'role', { roles: [role] });
}

function upgradeSource(source: unknown): unknown {
  if (!isObject(source)) return source;
  if (source.kind === 'reference') return { ...source, kind: 'other' };
  if (source.kind === 'state-media' && source.state === undefined && typeof source.publisher === 'string') {
    const state = stateOfPublisher(source.publisher);
    if (state) return insertAfter(source, 'kind', { state });
  }
  return source;
}

/** `$.actors[3].roles[0].title` → `$.actors[3].role`; `$.actors[3].roles[0].sources[1]` → `$.actors[3].sources[1]`. */
function version1Path(path: string): string {
  return path
    .replace(/^(\$\.actors\[\d+\])\.roles\[0\]\.sources/, '$1.sources')
    .replace(/^(\$\.actors\[\d+\])\.roles(?:\[0\](?:\.title)?)?$/, '$1.role');
}

export function upgradePack(input: unknown): UpgradedPack {
  const fromFormat = isObject(input) && typeof input.format === 'number' ? input.format : undefined;
  if (fromFormat !== 1 || !isObject(input)) return { data: input, fromFormat, originalPath: (path) => path };
  const data: Json = { ...input, format: 2 };
  if (Array.isArray(input.actors)) data.actors = input.actors.map(upgradeActor);
  if (Array.isArray(input.sources)) data.sources = input.sources.map(upgradeSource);
  return { data, fromFormat, originalPath: version1Path };
}
