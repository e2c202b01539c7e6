/**
 * Paints marks with the CSS Custom Highlight API: ranges are registered by name, and `highlights.css` (listed in
 * the manifest) styles them. No element is added to the page and no page text changes.
 *
 * The registry is shared with the page's own scripts, which can read, replace or clear our entries (see
 * docs/security.md). Names are registered only once there is something to paint, so a page that is not about
 * the talks cannot tell from the registry that the extension is installed. `ensureRegistered` puts ours back
 * after every batch, so a page that clears the registry loses the marks at most until its next change.
 *
 * Each style has a highlight per tone of the page where its marks are (page-tone.ts): on a light or a dark
 * background, in a link or not. A mark goes into the one of its tone, named with TONE_SUFFIXES.
 */
import type { Settings } from '../settings/settings';

export const HIGHLIGHT_NAMES = {
  underline: 'negotiation-lens-underline',
  background: 'negotiation-lens-background',
  active: 'negotiation-lens-active',
} as const;

/** Name suffixes by tone bits (page-tone.ts): light background, dark, light in a link, dark in a link. */
export const TONE_SUFFIXES = ['', '-dark', '-link', '-dark-link'] as const;

export interface HighlightApi {
  registry: HighlightRegistry;
  create(): Highlight;
}

/** The browser's API, or null where the Custom Highlight API is missing (then the extension marks nothing). */
export function browserHighlightApi(): HighlightApi | null {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return null;
  return { registry: CSS.highlights, create: () => new Highlight() };
}

export class Highlighter {
  /** The shown marks, one highlight per tone. */
  readonly #marks: Highlight[];
  readonly #active: Highlight;
  #name: string | null;

  readonly #api: HighlightApi;
  readonly #toneOf: (node: Node) => number;

  /** `toneOf`: a mark's tone bits (page-tone.ts), from its text node. */
  constructor(api: HighlightApi, style: Settings['highlightStyle'], toneOf: (node: Node) => number) {
    this.#api = api;
    this.#toneOf = toneOf;
    this.#marks = TONE_SUFFIXES.map(() => api.create());
    this.#active = api.create();
    // The active mark (the one whose card is open, or reached by keyboard) paints above the others. Its tint reads
    // on light and dark pages alike, over the mark's own underline.
    this.#active.priority = 1;
    this.#name = null;
    this.setStyle(style);
  }

  setStyle(style: Settings['highlightStyle']): void {
    this.#unregister();
    this.#name = style === 'none' ? null : HIGHLIGHT_NAMES[style];
    this.ensureRegistered();
  }

  add(range: AbstractRange): void {
    const marks = this.#marks[this.#toneOf(range.startContainer)]!;
    marks.add(range);
    if (marks.size === 1) this.ensureRegistered();
  }

  /** `keepActive`: the mark is only far from the viewport now; if its card is open, it stays marked as active. */
  delete(range: AbstractRange, keepActive = false): void {
    for (const marks of this.#marks) marks.delete(range);
    if (!keepActive) this.#active.delete(range);
  }

  setActive(range: AbstractRange | null): void {
    this.#active.clear();
    if (range) this.#active.add(range);
    this.ensureRegistered();
  }

  clear(): void {
    for (const marks of this.#marks) marks.clear();
    this.#active.clear();
  }

  /** Puts our highlights back if the page removed or replaced them in the shared registry. */
  ensureRegistered(): void {
    const { registry } = this.#api;
    const put = (highlight: Highlight, name: string) => highlight.size > 0 && registry.get(name) !== highlight && registry.set(name, highlight);
    const name = this.#name;
    if (name) this.#marks.forEach((marks, tone) => put(marks, name + TONE_SUFFIXES[tone]));
    put(this.#active, HIGHLIGHT_NAMES.active);
  }

  /** Takes our names out of the registry: the marks' under the style in force, and the active mark's if asked. */
  #unregister(active?: boolean): void {
    const { registry } = this.#api;
    const take = (highlight: Highlight, name: string) => registry.get(name) === highlight && registry.delete(name);
    const name = this.#name;
    if (name) this.#marks.forEach((marks, tone) => take(marks, name + TONE_SUFFIXES[tone]));
    if (active) take(this.#active, HIGHLIGHT_NAMES.active);
  }

  /** Removes everything we registered: the extension is switched off for this page or is going away. */
  detach(): void {
    this.clear();
    this.#unregister(true);
    this.#name = null;
  }
}
