/**
 * Seeded generator of random but realistic news pages for the page-safety fuzz test (tests/e2e/fuzz.spec.ts).
 *
 * Pure: a seed in, an HTML string out. No DOM, no I/O, no clock, so it runs in Node and the same seed always
 * gives the same page (mulberry32 PRNG). Each page mixes:
 * - prose with nested inline markup (b, i, em, strong, a, span, sup, small), lists, quotes and tables;
 * - open shadow roots (declarative `<template shadowrootmode="open">`, with and without slots, nested) and
 *   same-origin iframes (`srcdoc`);
 * - editable regions (contenteditable, textarea, input values) and forms;
 * - on some seeds one huge text node (50–200 KB);
 * - right-to-left text (Arabic, Hebrew, bidi controls), emoji and surrogate pairs (🇺🇦, 𝒜, ZWJ sequences);
 * - zero-width characters (U+200B, U+200D, U+2060, U+FEFF) and soft hyphens (U+00AD) inside and around aliases;
 * - an inline script that, from the load event, appends paragraphs and edits text node data over ~300 ms and
 *   then sets `window.__gDone = true`.
 *
 * Contract with the test:
 * - every element the generator writes, or its script creates, carries a `data-g` attribute (the parser's own
 *   html/head/body are written explicitly and tagged too; tables always have an explicit tbody);
 * - every region whose text the extension must never mark (see src/page/text-nodes.ts) has `data-excluded` on its
 *   outermost element; aliases, core ones included, are put inside those regions on every kind of page;
 * - `relevant: true` pages have four plain core mentions of at least two different entities in one visible
 *   paragraph (the lede, which the script never rewrites); `relevant: false` pages have no core alias anywhere
 *   the extension reads (prose, shadow roots, iframes, or text the script adds), only non-core and generic
 *   aliases, so the extension must mark nothing;
 * - the script wraps its DOM changes in `window.__fuzzAudit.own(fn)` when the test defines it, so the test can tell
 *   the page's own mutations from anybody else's.
 */

/** mulberry32: tiny, fast, good enough for test data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** 0 ≤ n < max */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  /** min ≤ n ≤ max */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[this.int(list.length)]!;
  }
  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary. The alias lists are copied from data/pack.json; tests/unit/page-generator.test.ts checks each one
// against the bundled pack (that it is found, and whether it counts toward relevance).

/** Specific aliases of core entities (Ukraine's and Russia's actors, topics, events): these make a page relevant. */
export const CORE_ALIASES = [
  'Zelensky', 'Volodymyr Zelensky', 'Zelenskyy', 'Kyiv', 'Ukraine', 'Putin', 'Vladimir Putin', 'Russia', 'Moscow',
  'Kremlin', 'Lavrov', 'Sergei Lavrov', 'Peskov', 'Yermak', 'Umerov', 'Kirill Dmitriev', 'minerals deal',
  'Diriyah talks', 'Istanbul talks', '28-point plan', 'coalition of the willing', 'Zaporizhzhia nuclear plant',
  'Black Sea truce', 'Ukrainian elections', 'Oval Office clash', 'Munich Security Conference', 'Easter truce',
] as const;

/** Aliases that are found and marked on a relevant page but never make a page relevant on their own. */
export const NON_CORE_ALIASES = [
  'Trump', 'Donald Trump', 'Witkoff', 'Steve Witkoff', 'Marco Rubio', 'United States', 'Washington', 'NATO',
  'European Union', 'Macron', 'Keir Starmer', 'Saudi Arabia', 'Riyadh', 'Ankara', 'Mark Rutte', 'Kellogg',
] as const;

/**
 * Generic aliases of core entities ("ceasefire", "Riyadh talks"): marked on relevant pages, never counted for
 * relevance. The Riyadh talks are a generic alias in the pack (the name also fits other meetings).
 */
export const GENERIC_ALIASES = ['ceasefire', 'truce', 'sanctions', 'shadow fleet', 'security guarantees', 'Riyadh talks', 'martial law', 'frozen assets'] as const;

/** Neutral words: none is an alias, and no mix of them (with the non-core and generic aliases) forms a core alias. */
export const FILLER = (
  'the a an of and or but with for from into over under after before during while since about across against ' +
  'officials observers analysts reporters diplomats delegates ministers advisers negotiators economists lawyers ' +
  'said noted added argued warned suggested confirmed denied repeated insisted explained believed expected ' +
  'morning afternoon evening week month year season quarter hour minute night weekend ' +
  'proposal document draft statement report letter memo briefing agenda schedule timetable annex ' +
  'meeting session round visit trip call exchange review hearing debate dinner ' +
  'new old early late several many few most some other further additional possible ' +
  'important difficult careful quiet public private formal informal detailed brief long short broad narrow ' +
  'government parliament committee ministry delegation embassy agency court council team staff ' +
  'question answer issue matter detail step process position view concern interest demand request ' +
  'market trade ports roads rail bridges water budget loans bonds banks companies ' +
  'could would should might must will may can did does had has was were is are been being ' +
  'still again already soon later then now today yesterday tomorrow recently previously eventually ' +
  'there here where when which who whose what how why because although though unless until ' +
  'people citizens voters families workers farmers soldiers volunteers teachers doctors engineers ' +
  'city town village province district coast river valley field harbour'
).split(/\s+/);

const ARABIC = [
  'قال المسؤولون إن المحادثات ستستمر الأسبوع المقبل',
  'وأضاف الوفد أن الاجتماع كان بناءً',
  'لم يصدر أي بيان رسمي حتى الآن',
  'وتوقع المراقبون جولة جديدة من المفاوضات',
];
const HEBREW = ['הפגישה נדחתה לשבוע הבא', 'המשלחת חזרה הביתה אתמול בערב', 'לא פורסמה הודעה רשמית', 'הדיונים יימשכו מחר בבוקר'];
const EMOJI = ['🇺🇦', '🇷🇺', '🇺🇸', '🇪🇺', '🕊️', '👨‍👩‍👧', '👍🏽', '🤝', '📜', '🔥', '❤️‍🩹', '𝒜', '𝔘𝔨𝔯𝔞𝔦𝔫𝔢', '𝐏𝐮𝐭𝐢𝐧', '😀'];
/** Invisible characters the matcher skips inside words, plus bidi controls and marks around them. */
const INVISIBLE = ['\u200B', '\u200D', '\u00AD', '\u2060', '\uFEFF'];
const BIDI = [['\u2067', '\u2069'], ['\u2066', '\u2069'], ['\u202B', '\u202C'], ['\u202E', '\u202C'], ['\u200F', '\u200F'], ['\u200E', '\u200E']] as const;

// ---------------------------------------------------------------------------------------------------------------
// HTML building. Text is escaped; every element carries data-g.

const VOID = new Set(['input', 'meta', 'br', 'hr', 'img', 'source', 'track', 'param', 'wbr', 'link']);

export const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const escapeAttr = (text: string) => escapeText(text).replace(/"/g, '&quot;');
/** A JavaScript string literal that is safe inside a `<script>` element. */
export const jsString = (text: string) =>
  JSON.stringify(text).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

type Attrs = Record<string, string | true | undefined>;

function el(tag: string, attrs: Attrs, inner = ''): string {
  let open = `<${tag} data-g=""`;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    open += value === true ? ` ${name}` : ` ${name}="${escapeAttr(value)}"`;
  }
  open += '>';
  return VOID.has(tag) ? open : `${open}${inner}</${tag}>`;
}

// ---------------------------------------------------------------------------------------------------------------
// Features, page and script model.

export const FEATURES = [
  'inline-markup', 'table', 'list', 'shadow-root', 'shadow-slot', 'nested-shadow-root', 'iframe', 'contenteditable',
  'contenteditable-false-island', 'textarea', 'input-value', 'form', 'select', 'huge-text', 'rtl', 'bidi-controls',
  'emoji', 'surrogate-pair', 'zero-width', 'soft-hyphen', 'live-script', 'live-append', 'live-edit-data',
  'live-split', 'live-remove', 'live-excluded-edit', 'lone-surrogate', 'code', 'pre', 'kbd-samp', 'script-string',
  'json-ld', 'style', 'noscript', 'hidden-attr', 'display-none', 'visibility-hidden', 'template', 'svg-math',
  'media-fallback', 'all-caps', 'title-head',
] as const;
export type Feature = (typeof FEATURES)[number];

/** Where the script may edit: visible prose, or text inside an excluded region (core aliases allowed there). */
interface Target {
  id: string;
  excluded: boolean;
}

/**
 * One step of the page's live script. Offsets snap to white space so words are never cut in half. `hidden` marks
 * steps that write into an excluded region (their text may hold core aliases on any page).
 */
export type LiveOp = { at: number; hidden?: true } & (
  | { t: 'append'; parent: string; tag: string; id: string; parts: [string | null, string][] }
  | { t: 'setData'; id: string; text: string }
  | { t: 'appendData'; id: string; text: string }
  | { t: 'insertData'; id: string; offset: number; text: string }
  | { t: 'deleteData'; id: string; offset: number; count: number }
  | { t: 'split'; id: string; offset: number }
  | { t: 'normalize'; id: string }
  | { t: 'replace'; id: string; text: string }
  | { t: 'remove'; id: string }
  | { t: 'move'; id: string; to: string }
  | { t: 'moveInto'; id: string; to: string }
  | { t: 'exclude'; id: string; how: 'hidden' | 'display-none' | 'contenteditable' }
);

export interface GeneratedPage {
  seed: number;
  html: string;
  /** The generator put enough core mentions into visible prose for the extension's relevance rule. */
  relevant: boolean;
  features: Feature[];
  /** Length in UTF-16 units of the one huge text node, or 0. */
  hugeTextLength: number;
  /** Number of elements with data-excluded. */
  excludedRegions: number;
  ops: LiveOp[];
}

export interface GeneratorOptions {
  /** Force relevance instead of drawing it (about 80% of pages are relevant). */
  relevant?: boolean;
  /** Force a huge text node (true) or none (false) instead of drawing it (about 15% of pages). */
  huge?: boolean;
  /**
   * At the end of the script (300 ms), after the extension has marked the page: 'move' moves a marked paragraph
   * into an excluded region (an editable area or hidden container); 'attribute' turns the lede into one (hidden,
   * display:none or contenteditable, plus data-excluded). Off by default: the extension does not notice either
   * change today (see the "known gap" tests in tests/e2e/fuzz.spec.ts).
   */
  exclusionChanges?: 'move' | 'attribute';
}

class PageBuilder {
  readonly features = new Set<Feature>();
  readonly targets: Target[] = [];
  /** Containers the script may append visible paragraphs to, and excluded ones it may append hidden text to. */
  readonly visibleContainers: string[] = [];
  readonly excludedContainers: string[] = [];
  /** Paragraphs the script may remove or move (visible). */
  readonly movable: string[] = [];
  excluded = 0;
  hugeTextLength = 0;
  private nextId = 0;

  constructor(
    readonly rng: Rng,
    readonly relevant: boolean,
  ) {}

  id(): string {
    return `g${this.nextId++}`;
  }

  /** Attributes that mark an excluded region's container. */
  ex(attrs: Attrs = {}): Attrs {
    this.excluded++;
    return { ...attrs, 'data-excluded': '' };
  }

  /** An alias that may appear in visible text on this page. */
  visibleAlias(): string {
    const { rng } = this;
    if (this.relevant && rng.chance(0.5)) return rng.pick(CORE_ALIASES);
    return rng.chance(0.6) ? rng.pick(NON_CORE_ALIASES) : rng.pick(GENERIC_ALIASES);
  }

  /** An alias for text the extension never reads: core ones on every page. */
  hiddenAlias(): string {
    return this.rng.chance(0.7) ? this.rng.pick(CORE_ALIASES) : this.rng.pick(NON_CORE_ALIASES);
  }

  /** An alias, sometimes with invisible characters inside or around it, or in capitals. */
  decorate(alias: string): string {
    const { rng } = this;
    const roll = rng.float();
    if (roll < 0.12) {
      const ch = rng.pick(INVISIBLE);
      this.features.add(ch === '\u00AD' ? 'soft-hyphen' : 'zero-width');
      const at = 1 + rng.int(Math.max(1, alias.length - 1));
      return alias.slice(0, at) + ch + alias.slice(at);
    }
    if (roll < 0.2) {
      const ch = rng.pick(INVISIBLE);
      this.features.add(ch === '\u00AD' ? 'soft-hyphen' : 'zero-width');
      return rng.chance(0.5) ? ch + alias : alias + ch;
    }
    if (roll < 0.24) {
      this.features.add('emoji');
      const e = rng.pick(EMOJI);
      if (e.codePointAt(0)! > 0xffff) this.features.add('surrogate-pair');
      return rng.chance(0.5) ? `${e}${alias}` : `${alias}${e}`;
    }
    if (roll < 0.27) {
      this.features.add('all-caps');
      return alias.toUpperCase();
    }
    return alias;
  }

  words(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.rng.pick(FILLER));
    return out.join(' ');
  }

  /** A sentence of filler with `aliases` aliases from `source` mixed in. */
  sentence(aliases: number, source: () => string = () => this.visibleAlias()): string {
    const { rng } = this;
    const parts = this.words(rng.between(6, 16)).split(' ');
    for (let i = 0; i < aliases; i++) parts.splice(rng.int(parts.length + 1), 0, this.decorate(source()));
    if (rng.chance(0.15)) {
      const e = rng.pick(EMOJI);
      this.features.add('emoji');
      if (e.codePointAt(0)! > 0xffff) this.features.add('surrogate-pair');
      parts.splice(rng.int(parts.length + 1), 0, e);
    }
    const text = parts.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  }

  paragraphText(sentences: number, aliasesPer: () => number, source?: () => string): string {
    const out: string[] = [];
    for (let i = 0; i < sentences; i++) out.push(this.sentence(aliasesPer(), source));
    return out.join(' ');
  }

  /** Prose with nested inline markup; the first child is a text node so the script can edit it. */
  inlineProse(source?: () => string): string {
    const { rng } = this;
    let html = escapeText(this.sentence(rng.int(3), source)) + ' ';
    const pieces = rng.between(1, 4);
    for (let i = 0; i < pieces; i++) {
      this.features.add('inline-markup');
      html += this.inlineElement(rng.between(1, 3), source) + ' ' + escapeText(this.sentence(rng.int(2), source)) + ' ';
    }
    return html;
  }

  private inlineElement(depth: number, source?: () => string): string {
    const { rng } = this;
    const tag = rng.pick(['b', 'i', 'em', 'strong', 'a', 'span', 'sup', 'small']);
    const attrs: Attrs = tag === 'a' ? { href: `#${this.id()}` } : tag === 'span' && rng.chance(0.3) ? { class: 'kicker' } : {};
    const alias = escapeText(this.decorate(source ? source() : this.visibleAlias()));
    let inner: string;
    if (depth > 1) {
      const nested = this.inlineElement(depth - 1, source);
      inner = rng.chance(0.5) ? `${alias} ${nested}` : `${nested}${rng.chance(0.5) ? ' ' : ''}${alias}`;
    } else {
      inner = rng.chance(0.3) ? `${escapeText(this.words(2))} ${alias}` : alias;
    }
    return el(tag, attrs, inner);
  }

  /** A visible paragraph the script may edit, remove or move. */
  paragraph(source?: () => string): string {
    const id = this.id();
    this.targets.push({ id, excluded: false });
    this.movable.push(id);
    return el('p', { id }, this.inlineProse(source));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Blocks. Each returns HTML for the article body.

type Block = (b: PageBuilder) => string;

const proseBlock: Block = (b) => {
  let html = '';
  const n = b.rng.between(1, 3);
  for (let i = 0; i < n; i++) html += b.paragraph();
  return html;
};

const listBlock: Block = (b) => {
  b.features.add('list');
  const tag = b.rng.chance(0.5) ? 'ul' : 'ol';
  let items = '';
  for (let i = 0, n = b.rng.between(2, 5); i < n; i++) items += el('li', {}, b.inlineProse());
  return el(tag, {}, items) + el('blockquote', {}, el('p', {}, escapeText(b.sentence(1))));
};

const tableBlock: Block = (b) => {
  b.features.add('table');
  const { rng } = b;
  const cols = rng.between(2, 4);
  let head = '';
  for (let c = 0; c < cols; c++) head += el('th', { scope: 'col' }, escapeText(c === 0 ? 'Party' : b.decorate(b.visibleAlias())));
  let body = '';
  for (let r = 0, rows = rng.between(2, 6); r < rows; r++) {
    let cells = '';
    for (let c = 0; c < cols; c++) {
      const content = rng.chance(0.4) ? b.inlineProse() : escapeText(rng.chance(0.5) ? b.decorate(b.visibleAlias()) : b.words(rng.between(1, 4)));
      cells += el(c === 0 ? 'th' : 'td', c === 0 ? { scope: 'row' } : {}, content);
    }
    body += el('tr', {}, cells);
  }
  return el('table', { class: 'data' }, el('caption', {}, escapeText(b.sentence(1))) + el('thead', {}, el('tr', {}, head)) + el('tbody', {}, body));
};

/** Visible text in a shadow root: core aliases only on relevant pages (a future version may scan shadow roots). */
const shadowBlock: Block = (b) => {
  b.features.add('shadow-root');
  const { rng } = b;
  const inner = () => el('p', {}, b.inlineProse()) + el('style', {}, ':host { display: block; border-left: 3px solid #888; padding-left: 8px; }');
  let shadow = inner();
  if (rng.chance(0.35)) {
    b.features.add('nested-shadow-root');
    shadow += el('div', { class: 'inner-host' }, `<template data-g="" shadowrootmode="open">${inner()}</template>`);
  }
  let light = '';
  if (rng.chance(0.6)) {
    // Slotted light DOM is part of the document and rendered through the slot: the extension may mark it.
    b.features.add('shadow-slot');
    shadow += el('slot', {});
    light = b.paragraph();
  }
  return el('div', { class: 'widget' }, `<template data-g="" shadowrootmode="open">${shadow}</template>${light}`);
};

const iframeBlock: Block = (b) => {
  b.features.add('iframe');
  const doc =
    `<!doctype html><html data-g=""><head data-g="">${el('meta', { charset: 'utf-8' })}${el('title', {}, 'embed')}</head><body data-g="">` +
    el('p', {}, b.inlineProse()) +
    el('p', { dir: 'rtl', lang: 'ar' }, escapeText(`${b.rng.pick(ARABIC)} ${b.decorate(b.visibleAlias())}`)) +
    el('textarea', {}, escapeText(b.sentence(1, () => b.hiddenAlias()))) +
    `</body></html>`;
  return el('iframe', b.ex({ srcdoc: doc, title: 'Embedded post', width: '500', height: '160' }));
};

const formBlock: Block = (b) => {
  b.features.add('form');
  b.features.add('textarea');
  b.features.add('input-value');
  const { rng } = b;
  const hidden = () => b.decorate(b.hiddenAlias());
  let inner = el('label', { for: `${b.id()}` }, escapeText(`Ask about ${hidden()}`));
  const ta = b.id();
  b.targets.push({ id: ta, excluded: true });
  inner += el('textarea', { id: ta, name: 'q' }, escapeText(b.sentence(2, () => b.hiddenAlias())));
  inner += el('input', { type: 'text', name: 'topic', value: `${hidden()} ${hidden()}` });
  if (rng.chance(0.7)) {
    b.features.add('select');
    let options = '';
    for (let i = 0; i < 3; i++) options += el('option', { value: String(i) }, escapeText(hidden()));
    inner += el('select', { name: 'country' }, options);
  }
  inner += el('fieldset', {}, el('legend', {}, escapeText(`Vote: ${hidden()}`)) + el('p', {}, escapeText(b.sentence(1, () => b.hiddenAlias()))));
  inner += el('button', { type: 'button' }, escapeText(`Share on ${hidden()} watch`));
  return el('form', b.ex({ action: '#', method: 'post' }), inner);
};

/** Editable areas outside forms: a textarea and an input, each its own excluded region. */
const loneFieldsBlock: Block = (b) => {
  b.features.add('textarea');
  b.features.add('input-value');
  const id = b.id();
  b.targets.push({ id, excluded: true });
  return (
    el('p', {}, escapeText(b.sentence(0))) +
    el('textarea', b.ex({ id, rows: '3' }), escapeText(b.paragraphText(2, () => 1, () => b.hiddenAlias()))) +
    el('input', b.ex({ type: 'search', value: b.decorate(b.hiddenAlias()) }))
  );
};

const editableBlock: Block = (b) => {
  b.features.add('contenteditable');
  const { rng } = b;
  const id = b.id();
  b.targets.push({ id, excluded: true });
  b.excludedContainers.push(id);
  const value = rng.pick(['true', '', 'plaintext-only']);
  let inner = escapeText(b.sentence(2, () => b.hiddenAlias())) + ' ' + el('b', {}, escapeText(b.hiddenAlias()));
  if (rng.chance(0.4)) {
    // A non-editable island inside an editable area is still inside the editable region.
    b.features.add('contenteditable-false-island');
    inner += el('span', { contenteditable: 'false' }, escapeText(` ${b.hiddenAlias()} `));
  }
  let html = el('div', b.ex({ id, contenteditable: value, class: 'editor' }), inner);
  if (rng.chance(0.3)) {
    // contenteditable="false" outside any editable area is ordinary prose (markable): no data-excluded.
    html += el('p', { contenteditable: 'false' }, b.inlineProse());
  }
  return html;
};

const codeBlock: Block = (b) => {
  const { rng } = b;
  let html = '';
  if (rng.chance(0.7)) {
    b.features.add('pre');
    const id = b.id();
    b.targets.push({ id, excluded: true });
    html += el('pre', b.ex({ id }), escapeText(`GET /api/quotes?speaker=${b.hiddenAlias()}\n# ${b.sentence(2, () => b.hiddenAlias())}`));
  }
  b.features.add('code');
  const codeId = b.id();
  b.targets.push({ id: codeId, excluded: true });
  html += el('p', {}, escapeText(b.sentence(0) + ' ') + el('code', b.ex({ id: codeId }), escapeText(`speaker: "${b.hiddenAlias()}"`)) + escapeText(' ' + b.sentence(0)));
  if (rng.chance(0.5)) {
    b.features.add('kbd-samp');
    html += el('p', {}, escapeText('Press ') + el('kbd', b.ex(), escapeText(b.hiddenAlias())) + escapeText(' to see ') + el('samp', b.ex(), escapeText(b.hiddenAlias())));
  }
  return html;
};

const hiddenBlock: Block = (b) => {
  const { rng } = b;
  let html = '';
  const text = () => escapeText(b.paragraphText(rng.between(1, 2), () => 2, () => b.hiddenAlias()));
  if (rng.chance(0.6)) {
    b.features.add('hidden-attr');
    const id = b.id();
    b.targets.push({ id, excluded: true });
    b.excludedContainers.push(id);
    html += el('div', b.ex({ id, hidden: true }), el('p', {}, text()));
  }
  if (rng.chance(0.6) || html === '') {
    b.features.add('display-none');
    const id = b.id();
    b.targets.push({ id, excluded: true });
    b.excludedContainers.push(id);
    html += el('div', b.ex({ id, style: 'display:none' }), text() + ' ' + el('span', {}, escapeText(b.hiddenAlias())));
  }
  if (rng.chance(0.4)) {
    b.features.add('visibility-hidden');
    html += el('div', b.ex({ style: 'visibility:hidden; height:0' }), el('p', {}, text()));
  }
  if (rng.chance(0.4)) {
    b.features.add('template');
    html += el('template', b.ex(), el('p', {}, text()));
  }
  return html;
};

const scriptBlock: Block = (b) => {
  const { rng } = b;
  let html = '';
  b.features.add('script-string');
  html += el('script', b.ex(), `window.__cms = { speaker: ${jsString(b.hiddenAlias())}, note: ${jsString(b.sentence(2, () => b.hiddenAlias()))} };`);
  if (rng.chance(0.5)) {
    b.features.add('json-ld');
    const data = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: b.sentence(2, () => b.hiddenAlias()), about: [b.hiddenAlias(), b.hiddenAlias()] };
    html += el('script', b.ex({ type: 'application/ld+json' }), JSON.stringify(data).replace(/</g, '\\u003c'));
  }
  if (rng.chance(0.5)) {
    b.features.add('style');
    html += el('style', b.ex(), `/* ${b.hiddenAlias()} explainer box */ .box-${rng.int(100)}::before { content: "${b.hiddenAlias()}"; }`);
  }
  if (rng.chance(0.5)) {
    b.features.add('noscript');
    html += el('noscript', b.ex(), escapeText(`Enable JavaScript to see our ${b.hiddenAlias()} timeline.`));
  }
  if (rng.chance(0.4)) html += `<!-- ${b.hiddenAlias()} ${b.words(3)} -->`;
  return html;
};

const embedBlock: Block = (b) => {
  const { rng } = b;
  let html = '';
  if (rng.chance(0.6)) {
    b.features.add('svg-math');
    html += el('svg', b.ex({ width: '220', height: '30', viewBox: '0 0 220 30', role: 'img' }), el('text', { x: '4', y: '20' }, escapeText(b.hiddenAlias())) + el('title', {}, escapeText(b.hiddenAlias())));
  }
  if (rng.chance(0.4)) {
    b.features.add('svg-math');
    html += el('math', b.ex(), el('mi', {}, escapeText(b.hiddenAlias())));
  }
  b.features.add('media-fallback');
  const tag = rng.pick(['canvas', 'video', 'audio', 'object']);
  html += el(tag, b.ex(tag === 'object' ? { type: 'application/x-fuzz', width: '10', height: '10' } : { width: '10', height: '10' }), escapeText(`Your browser cannot show the ${b.hiddenAlias()} clip.`));
  return html;
};

const rtlBlock: Block = (b) => {
  const { rng } = b;
  b.features.add('rtl');
  const lang = rng.chance(0.5) ? 'ar' : 'he';
  const base = lang === 'ar' ? ARABIC : HEBREW;
  let text = `${rng.pick(base)} ${b.decorate(b.visibleAlias())} ${rng.pick(base)}`;
  if (rng.chance(0.6)) {
    b.features.add('bidi-controls');
    const [open, close] = rng.pick(BIDI);
    text += ` ${open}${b.decorate(b.visibleAlias())}${close} ${rng.pick(base)}`;
  }
  const id = b.id();
  b.targets.push({ id, excluded: false });
  return el('p', { dir: 'rtl', lang, id }, escapeText(text) + ' ' + el('bdi', {}, escapeText(b.decorate(b.visibleAlias()))) + ' ' + el('span', { dir: 'ltr' }, escapeText(b.sentence(1))));
};

const emojiBlock: Block = (b) => {
  b.features.add('emoji');
  b.features.add('surrogate-pair');
  const { rng } = b;
  let text = '';
  for (let i = 0, n = rng.between(2, 5); i < n; i++) text += `${rng.pick(EMOJI)}${rng.chance(0.5) ? ' ' : ''}${b.decorate(b.visibleAlias())} ${rng.pick(EMOJI)} ${b.words(rng.between(1, 4))} `;
  text += '𝒜 🇺🇦';
  const id = b.id();
  b.targets.push({ id, excluded: false });
  return el('p', { id, class: 'social' }, escapeText(text));
};

/** One text node of 50–200 KB; sometimes inside an excluded region instead. */
const hugeBlock: Block = (b) => {
  b.features.add('huge-text');
  const { rng } = b;
  const target = rng.between(50_000, 200_000);
  const excluded = rng.chance(0.25);
  const source = excluded ? () => b.hiddenAlias() : () => b.visibleAlias();
  const chunks: string[] = [];
  let length = 0;
  while (length < target) {
    const chunk = rng.chance(0.15) ? `${rng.pick(ARABIC)} ${b.decorate(source())} ${rng.pick(EMOJI)}` : b.sentence(rng.chance(0.3) ? 1 : 0, source);
    chunks.push(chunk);
    length += chunk.length + 1;
  }
  const text = chunks.join(' ');
  b.hugeTextLength = text.length;
  const id = b.id();
  b.targets.push({ id, excluded });
  return excluded ? el('pre', b.ex({ id, class: 'transcript' }), escapeText(text)) : el('div', { id, class: 'transcript' }, escapeText(text));
};

// ---------------------------------------------------------------------------------------------------------------
// The live script: from the load event, appends paragraphs and edits text data a few times over ~300 ms.

function liveOps(b: PageBuilder): LiveOp[] {
  const { rng } = b;
  const ops: LiveOp[] = [];
  const times = [0, 5, 15, 30, 60, 100, 150, 200, 250, 300];
  const count = rng.between(2, 9);
  const at = rng.shuffle(times).slice(0, count).sort((x, y) => x - y);
  const visible = b.targets.filter((t) => !t.excluded);
  const excluded = b.targets.filter((t) => t.excluded);
  const removed = new Set<string>();
  const alive = (list: Target[]) => list.filter((t) => !removed.has(t.id));
  for (const time of at) {
    const roll = rng.float();
    const visibleText = () => b.sentence(rng.between(0, 2));
    const hiddenText = () => b.sentence(rng.between(1, 2), () => b.hiddenAlias());
    if (roll < 0.3 && b.visibleContainers.length > 0) {
      b.features.add('live-append');
      const parts: [string | null, string][] = [[null, `${visibleText()} `]];
      if (rng.chance(0.6)) parts.push([rng.pick(['b', 'em', 'a', 'span']), b.decorate(b.visibleAlias())], [null, ` ${visibleText()}`]);
      const id = b.id();
      ops.push({ at: time, t: 'append', parent: rng.pick(b.visibleContainers), tag: rng.pick(['p', 'li', 'p']), id, parts });
      visible.push({ id, excluded: false });
    } else if (roll < 0.4 && b.excludedContainers.length > 0) {
      b.features.add('live-append');
      b.features.add('live-excluded-edit');
      const id = b.id();
      ops.push({ at: time, hidden: true, t: 'append', parent: rng.pick(b.excludedContainers), tag: 'p', id, parts: [[null, hiddenText()], ['b', b.hiddenAlias()]] });
    } else if (roll < 0.55 && alive(excluded).length > 0) {
      b.features.add('live-excluded-edit');
      const target = rng.pick(alive(excluded));
      ops.push(rng.chance(0.5) ? { at: time, hidden: true, t: 'setData', id: target.id, text: hiddenText() } : { at: time, hidden: true, t: 'appendData', id: target.id, text: ` ${hiddenText()}` });
    } else if (alive(visible).length > 0) {
      const target = rng.pick(alive(visible));
      const kind = rng.int(8);
      if (kind === 0) {
        b.features.add('live-edit-data');
        ops.push({ at: time, t: 'setData', id: target.id, text: `${visibleText()} ` });
      } else if (kind === 1) {
        b.features.add('live-edit-data');
        ops.push({ at: time, t: 'appendData', id: target.id, text: ` ${b.decorate(b.visibleAlias())} ${visibleText()}` });
      } else if (kind === 2) {
        b.features.add('live-edit-data');
        let text = ` ${b.decorate(b.visibleAlias())} `;
        if (rng.chance(0.3)) {
          // A lone surrogate (broken emoji from a truncating CMS), only possible from script.
          b.features.add('lone-surrogate');
          text += rng.chance(0.5) ? '\uD83C ' : '\uDDFA ';
        }
        ops.push({ at: time, t: 'insertData', id: target.id, offset: rng.int(200), text });
      } else if (kind === 3) {
        b.features.add('live-edit-data');
        ops.push({ at: time, t: 'deleteData', id: target.id, offset: rng.int(60), count: rng.between(5, 40) });
      } else if (kind === 4) {
        b.features.add('live-split');
        ops.push({ at: time, t: 'split', id: target.id, offset: rng.int(80) });
        if (rng.chance(0.5)) ops.push({ at: time + 3, t: 'normalize', id: target.id });
      } else if (kind === 5) {
        b.features.add('live-edit-data');
        ops.push({ at: time, t: 'replace', id: target.id, text: b.paragraphText(2, () => rng.int(3)) });
      } else if (kind === 6 && b.movable.includes(target.id)) {
        b.features.add('live-remove');
        removed.add(target.id);
        ops.push({ at: time, t: 'remove', id: target.id });
      } else if (b.movable.includes(target.id) && b.visibleContainers.length > 0) {
        ops.push({ at: time, t: 'move', id: target.id, to: rng.pick(b.visibleContainers) });
      } else {
        b.features.add('live-edit-data');
        ops.push({ at: time, t: 'appendData', id: target.id, text: ` ${visibleText()}` });
      }
    }
  }
  return ops;
}

/**
 * The page's own script. Plain ES5-ish JavaScript in a string (it runs in the page, not in our code). Elements it
 * creates carry data-g. Offsets snap to white space. `window.__gDone` turns true after the last step.
 */
function liveScript(ops: LiveOp[]): string {
  return `(function () {
  var ops = ${jsString(JSON.stringify(ops))};
  ops = JSON.parse(ops);
  function own(fn) { var audit = window.__fuzzAudit; if (audit) audit.own(fn); else fn(); }
  function text(id) {
    var el = document.getElementById(id);
    if (!el) return null;
    for (var n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) return n;
    var t = document.createTextNode('');
    el.insertBefore(t, el.firstChild);
    return t;
  }
  function snap(data, offset) {
    if (offset >= data.length) return data.length;
    var i = data.indexOf(' ', offset);
    return i < 0 ? data.length : i;
  }
  function apply(op) {
    var el = document.getElementById(op.id), t;
    switch (op.t) {
      case 'append': {
        var parent = document.getElementById(op.parent);
        if (!parent) return;
        var node = document.createElement(op.tag);
        node.setAttribute('data-g', '');
        node.id = op.id;
        op.parts.forEach(function (part) {
          if (part[0] === null) { node.appendChild(document.createTextNode(part[1])); return; }
          var child = document.createElement(part[0]);
          child.setAttribute('data-g', '');
          child.textContent = part[1];
          node.appendChild(child);
        });
        parent.appendChild(node);
        return;
      }
      case 'setData': if ((t = text(op.id))) t.data = op.text; return;
      case 'appendData': if ((t = text(op.id))) t.appendData(op.text); return;
      case 'insertData': if ((t = text(op.id))) t.insertData(snap(t.data, op.offset), op.text); return;
      case 'deleteData': if ((t = text(op.id))) { var s = snap(t.data, op.offset); t.deleteData(s, snap(t.data, s + op.count) - s); } return;
      case 'split': if ((t = text(op.id)) && t.data.length > 0) t.splitText(snap(t.data, op.offset)); return;
      case 'normalize': if (el) el.normalize(); return;
      case 'replace': if (el) el.textContent = op.text; return;
      case 'remove': if (el) el.remove(); return;
      case 'move': case 'moveInto': { var to = document.getElementById(op.to); if (el && to && !el.contains(to)) to.appendChild(el); return; }
      case 'exclude':
        if (!el) return;
        if (op.how === 'hidden') el.setAttribute('hidden', '');
        else if (op.how === 'display-none') el.style.display = 'none';
        else el.setAttribute('contenteditable', 'true');
        el.setAttribute('data-excluded', '');
        return;
    }
  }
  function start() {
    if (ops.length === 0) { window.__gDone = true; return; }
    var left = ops.length;
    ops.forEach(function (op) {
      setTimeout(function () {
        own(function () { apply(op); });
        if (--left === 0) window.__gDone = true;
      }, op.at);
    });
  }
  if (document.readyState === 'complete') start(); else window.addEventListener('load', start);
})();`;
}

// ---------------------------------------------------------------------------------------------------------------

const STYLE = `
  body { margin: 0; font: 17px/1.55 Georgia, serif; color: #222; background: #fff; }
  header, main, footer { max-width: 760px; margin: 0 auto; padding: 12px 20px; }
  nav a { margin-right: 12px; font: 14px Arial, sans-serif; }
  table.data { border-collapse: collapse; margin: 16px 0; }
  table.data td, table.data th { border: 1px solid #ccc; padding: 4px 8px; }
  .editor { border: 1px dashed #999; padding: 8px; min-height: 40px; }
  .transcript { font-size: 12px; max-height: 240px; overflow: auto; white-space: pre-wrap; }
  .social { font-size: 20px; }
  pre { background: #f3f3f3; padding: 8px; overflow-x: auto; }
`;

const OPTIONAL_BLOCKS: [Block, number][] = [
  [listBlock, 0.5],
  [tableBlock, 0.55],
  [shadowBlock, 0.5],
  [iframeBlock, 0.4],
  [formBlock, 0.5],
  [loneFieldsBlock, 0.4],
  [editableBlock, 0.55],
  [codeBlock, 0.55],
  [hiddenBlock, 0.6],
  [scriptBlock, 0.55],
  [embedBlock, 0.35],
  [rtlBlock, 0.5],
  [emojiBlock, 0.45],
];

export function generatePage(seed: number, options: GeneratorOptions = {}): GeneratedPage {
  const rng = new Rng(seed);
  const relevant = options.relevant ?? rng.chance(0.8);
  const b = new PageBuilder(rng, relevant);
  b.features.add('title-head');
  b.features.add('live-script');

  // The lede: on relevant pages four plain core mentions naming three different things, in one visible paragraph.
  let lede: string;
  if (relevant) {
    const names = rng.shuffle(['Zelensky', 'Kyiv', 'Putin', 'Russia', 'Ukraine', 'Lavrov', 'minerals deal', 'Moscow', 'Kremlin', 'Peskov'] as const).slice(0, 4);
    lede = `${names[0]} and ${names[1]} ${rng.pick(['met', 'spoke', 'argued'])} ${b.words(4)}; ${b.words(3)} ${names[2]} ${b.words(3)} ${names[3]}, ${b.words(5)}.`;
  } else {
    lede = `${b.sentence(1)} ${b.sentence(1)}`;
  }
  // Not an edit target: the script must not take away what makes the page relevant before the extension reads it.
  const ledeId = b.id();

  const headline = relevant ? b.sentence(1, () => rng.pick(CORE_ALIASES)) : b.sentence(1);
  const head =
    el('meta', { charset: 'utf-8' }) +
    el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }) +
    el('meta', { name: 'keywords', content: `${b.hiddenAlias()}, ${b.hiddenAlias()}` }) +
    el('title', b.ex(), escapeText(`${b.hiddenAlias()}: ${b.words(5)} | The Fuzz Gazette`)) +
    el('style', b.ex(), STYLE + `/* ${b.hiddenAlias()} */`);

  const blocks: Block[] = [proseBlock];
  for (const [block, p] of OPTIONAL_BLOCKS) if (rng.chance(p)) blocks.push(block);
  if (options.huge ?? rng.chance(0.15)) blocks.push(hugeBlock);
  const order = rng.shuffle(blocks);

  const sectionIds: string[] = [];
  let article = el('h1', {}, escapeText(headline)) + el('p', { id: ledeId, class: 'lede' }, escapeText(lede));
  for (const block of order) {
    const id = b.id();
    sectionIds.push(id);
    b.visibleContainers.push(id);
    article += el('section', { id }, block(b));
  }
  const liveId = b.id();
  b.visibleContainers.push(liveId);

  const ops = liveOps(b);
  if (options.exclusionChanges === 'move') {
    const movable = b.movable.filter((id) => !ops.some((op) => op.t === 'remove' && op.id === id));
    if (movable.length > 0 && b.excludedContainers.length > 0) ops.push({ at: 300, t: 'moveInto', id: rng.pick(movable), to: rng.pick(b.excludedContainers) });
  } else if (options.exclusionChanges === 'attribute') {
    ops.push({ at: 300, t: 'exclude', id: ledeId, how: rng.pick(['hidden', 'display-none', 'contenteditable'] as const) });
  }
  const body =
    el('header', {}, el('nav', {}, el('a', { href: '#' }, 'World') + el('a', { href: '#' }, 'Europe') + el('a', { href: '#' }, escapeText(b.decorate(b.visibleAlias()))))) +
    el('main', {}, el('article', {}, article) + el('aside', {}, el('h2', {}, 'Live') + el('ul', { id: liveId, class: 'live' }, el('li', {}, escapeText(b.sentence(1)))))) +
    el('footer', {}, el('p', {}, escapeText(`© 2025 The Fuzz Gazette. ${b.words(6)}.`))) +
    el('script', b.ex(), liveScript(ops));

  const html = `<!doctype html>\n${el('html', { lang: 'en' }, el('head', {}, head) + el('body', {}, body))}\n`;
  return {
    seed,
    html,
    relevant,
    features: FEATURES.filter((f) => b.features.has(f)),
    hugeTextLength: b.hugeTextLength,
    excludedRegions: b.excluded,
    ops,
  };
}
