/**
 * Turns the page lens on and off as the site policy says. The policy and the settings live in the background
 * (docs/decisions.md, 4); this asks for them at start and whenever settings change, and applies the answer.
 */
import type { CompiledMatcher } from '../matcher/compile';
import type { PagePolicy } from '../messaging/protocol';
import type { Highlighter } from '../page/highlighter';
import type { PageLens } from '../page/page-lens';
import type { SiteDecision } from '../settings/site-policy';
import type { CardPresenter } from './card-presenter';

export interface PageSwitchDeps {
  lens: PageLens;
  highlighter: Highlighter;
  matcher: () => CompiledMatcher;
  url: () => string;
  getPolicy: (url: string) => Promise<PagePolicy>;
  mark: (name: string, detail?: unknown) => void;
  /** True, after taking the whole content script away, when the extension is gone from under this page. */
  endIfOrphaned: () => boolean;
  /** Aborted once the content script is finished: answers that arrive later are dropped. */
  signal: AbortSignal;
  cards: Pick<CardPresenter, 'forgetModels' | 'loadFrame'>;
  /** Switched off: whatever shows for the page's marks (a card) goes with them. */
  onSwitchedOff: () => void;
}

export interface PageSwitch {
  /** The site policy's latest answer for this page; null until the first one arrives. */
  readonly decision: SiteDecision | null;
  /** How to show marks and cards, from the settings; null until the first answer. */
  readonly display: PagePolicy['display'] | null;
  /** Asks for the policy of this page and applies it. */
  apply(): Promise<void>;
}

/** A closure, not a class, for the content script's size (docs/decisions.md, 9). */
export function createPageSwitch({ lens, highlighter, matcher, url, getPolicy, mark, endIfOrphaned, signal, cards, onSwitchedOff }: PageSwitchDeps): PageSwitch {
  let requests = 0;
  let decision: SiteDecision | null = null;
  let display: PagePolicy['display'] | null = null;
  return {
    get decision() {
      return decision;
    },
    get display() {
      return display;
    },
    async apply() {
      const request = ++requests;
      let policy: PagePolicy;
      try {
        // The extension is on everywhere by default: compile the matcher first, while the browser is quiet.
        // Compiling while the background answered made the two compete for the CPU (docs/decisions.md, 6).
        if (request === 1) matcher();
        policy = await getPolicy(url());
      } catch {
        // The extension may have been reloaded or removed under us: then this copy of the script is finished.
        endIfOrphaned();
        return;
      }
      // Settings changed again while we waited: a newer answer is on its way, and this one may be older.
      if (signal.aborted || request !== requests) return;
      display = policy.display;
      // Cards are built for the tracks and parties in the settings, which may just have changed.
      cards.forgetModels();
      const wasOn = decision?.on ?? false;
      decision = policy.decision;
      highlighter.setStyle(display.highlightStyle);
      lens.setOptions({ markScope: display.markScope, wholePage: display.wholePage });
      if (decision.on && !wasOn) {
        mark('negotiation-lens:scan-start');
        lens.start();
        void lens.idle.then(() => {
          mark('negotiation-lens:painted');
          // Fetch the card's styles now, not on the first hover, on pages that have marks (docs/decisions.md, 7).
          if (lens.isRelevant) void cards.loadFrame();
        });
      } else if (!decision.on && wasOn) {
        onSwitchedOff();
        lens.stop();
        // Off for this page: our names leave the shared highlight registry too (setStyle registers them again).
        highlighter.detach();
      }
    },
  };
}

/**
 * The matcher, compiled on first use; the benchmark reads how long that took from the matcher-ready mark.
 * `forget()` drops it, so that the next use compiles the table of a newly active pack.
 */
export function compileOnFirstUse(compile: () => CompiledMatcher, now: () => number, mark: (name: string, detail?: unknown) => void): (() => CompiledMatcher) & { forget(): void } {
  let matcher: CompiledMatcher | null = null;
  const get = () => {
    if (matcher) return matcher;
    const started = now();
    matcher = compile();
    mark('negotiation-lens:matcher-ready', { ms: now() - started });
    return matcher;
  };
  return Object.assign(get, { forget: () => void (matcher = null) });
}

/**
 * Whether a History API navigation is a jump within the page (a table of contents, a footnote), not to another
 * page: only the hash changes, and it names an element of the page. A hash router's "#/world/story" names none.
 */
export function isJumpWithinPage(from: string, to: string, document: Document): boolean {
  const target = new URL(to).hash.slice(1);
  return withoutHash(from) === withoutHash(to) && (!target || !!document.getElementById(decodedHash(target)));
}

/** The element id a hash names; a hash that is not valid percent-encoding names itself. */
function decodedHash(hash: string): string {
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}

function withoutHash(url: string): string {
  const at = url.indexOf('#');
  return at === -1 ? url : url.slice(0, at);
}
