/**
 * The hover card: renders a ready-made CardModel, nothing else. It has no hooks: the content app measures the
 * rendered card and passes its place back in (this keeps preact/hooks out of the content script). Opened by a
 * touch, it is a bottom sheet instead, which its style sheet places.
 */
import type { CardFrameWords } from '../cards/card-words';
import { fromMarkup, SHOW_EARLIER, type RenderedCard } from '../ui/markup';
import { CARD_MAX_WIDTH } from './placement';

/** A ready card's body comes rendered from the background (src/ui/markup.ts). */
export type CardContent = { state: 'loading' } | ({ state: 'ready' } & RenderedCard) | { state: 'missing' };

/** What the background sends once, before the first card: its styles and its words. */
export interface CardFrame {
  css: string;
  words: CardFrameWords;
}

/** How far a finger must swipe down a bottom sheet, from the top of its content, to close it. */
export const SWIPE_CLOSE_PX = 60;

export interface CardProps {
  content: CardContent;
  words: CardFrameWords;
  /** Where the card goes: beside its mark, or a bottom sheet; null for the first, hidden render that measures it. */
  position: { left: number; top: number; maxHeight: number } | 'sheet' | null;
  pinned: boolean;
  /** The card opens compact; "More" shows the rest in place. */
  expanded: boolean;
  /** Light or dark as the page is where its mark is; empty: as the system theme is (card.css). */
  theme: '' | 'light' | 'dark';
  onMore: () => void;
  onPin: () => void;
  onClose: () => void;
  onOpenInPopup: (id: string) => void;
  onPointerInside: (inside: boolean) => void;
  /** Opens the options page at its knowledge section (the stale-knowledge line's link). */
  onOpenSettings: () => void;
  /** Opens a prefilled problem report; the page's address goes with it only when the reader ticked the box. */
  onReport: (id: string, includePage: boolean) => void;
  /** Shift+Tab at the card's start: focus goes back to the page, at the card's mark. */
  onTabBack: () => void;
}

/** Where a finger went down on the card, scrolled to its top; NaN when a swipe from there could not close it. */
let swipeFrom = NaN;

export function Card(props: CardProps) {
  const { content, position, words } = props;
  const model = content.state === 'ready' ? content.model : null;
  const titleId = 'nl-card-title';
  const sheet = position === 'sheet';
  const place = sheet ? null : position;
  return (
    <div
      class={`card ${props.theme}${props.expanded ? ' expanded' : ''}${sheet ? ' sheet' : ''}`}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-busy={content.state === 'loading'}
      tabIndex={-1}
      style={
        sheet
          ? undefined
          : {
              maxWidth: `${CARD_MAX_WIDTH}px`,
              left: `${place?.left ?? 0}px`,
              top: `${place?.top ?? 0}px`,
              maxHeight: place ? `${place.maxHeight}px` : undefined,
              visibility: place ? 'visible' : 'hidden',
            }
      }
      onClick={(event) => model && (event.target as Element).closest(`[data-action="${SHOW_EARLIER}"]`) && props.onOpenInPopup(model.id)}
      onPointerEnter={() => props.onPointerInside(true)}
      onPointerLeave={() => props.onPointerInside(false)}
      onKeyDown={(event) => {
        // The card's own start, or its first button: going back from there goes to the mark, not to the end of the
        // page, where the card's host element is.
        const card = event.currentTarget;
        if (event.key === 'Tab' && event.shiftKey && (event.target === card || event.target === card.querySelector('button'))) {
          event.preventDefault();
          props.onTabBack();
        }
      }}
      // A swipe down from the top closes a bottom sheet (and a card a finger happens to swipe).
      onTouchStart={(event) => (swipeFrom = event.currentTarget.scrollTop ? NaN : event.touches[0]!.clientY)}
      onTouchEnd={(event) => event.changedTouches[0]!.clientY - swipeFrom > SWIPE_CLOSE_PX && props.onClose()}
    >
      <header class="card-header">
        <div>
          {model ? (
            <p class="kicker">
              <span class={`kind kind-${model.kind}`}>{words.kinds[model.kind]}</span>
              <span class="as-of">
                {words.asOf[0]}
                <time dateTime={model.asOf.datetime}>{model.asOf.text}</time>
                {words.asOf[1]}
                {model.freshness && !model.freshness.official ? ` · ${words.unofficialPack}` : ''}
              </span>
            </p>
          ) : null}
          <h2 id={titleId} lang={model?.nameLanguage}>
            {model ? model.name : content.state === 'loading' ? words.loading : words.notFound}
          </h2>
        </div>
        <div class="card-actions">
          <button type="button" class="icon" aria-pressed={props.pinned} aria-label={props.pinned ? words.unpin : words.pin} title={props.pinned ? words.unpinTitle : words.pinTitle} onClick={props.onPin}>
            <PinIcon filled={props.pinned} />
          </button>
          <button type="button" class="icon" aria-label={words.close} title={words.closeTitle} onClick={props.onClose}>
            ✕
          </button>
        </div>
      </header>
      {model?.freshness?.latest ? (
        <p class="freshness">
          {words.latest[model.freshness.latest.what]} <time dateTime={model.freshness.latest.date}>{model.freshness.latest.ago}</time>
        </p>
      ) : null}
      {model?.freshness?.staleNotice ? (
        <p class="stale">
          {model.freshness.staleNotice}{' '}
          <button type="button" class="link" onClick={props.onOpenSettings}>
            {words.updateSettings}
          </button>
        </p>
      ) : null}
      {content.state === 'missing' ? <p>{words.notInPack}</p> : null}
      {content.state === 'ready' ? content.body.map(fromMarkup) : null}
      {model ? (
        <footer class="card-footer">
          {/* In the footer, which stays in view while the card scrolls: the form opens where the reader clicked. */}
          <details class="report">
            <summary>{words.report}</summary>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                const box = (event.currentTarget as HTMLFormElement).elements.namedItem('include-page') as HTMLInputElement | null;
                props.onReport(model.id, box?.checked ?? false);
              }}
            >
              <label>
                <input type="checkbox" name="include-page" /> {words.includePage}
              </label>
              <button type="submit" class="link">
                {words.openReport}
              </button>
            </form>
          </details>
          <button type="button" class="link" aria-expanded={props.expanded} onClick={props.onMore}>
            {words.more}
          </button>
          <button type="button" class="link" onClick={() => props.onOpenInPopup(model.id)}>
            {words.openInPopup}
          </button>
        </footer>
      ) : null}
    </div>
  );
}

function PinIcon({ filled }: { filled: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M9 3h6l-1 6 4 4v2h-5v6l-1 1-1-1v-6H6v-2l4-4z"
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        stroke-width="1.8"
        stroke-linejoin="round"
      />
    </svg>
  );
}
