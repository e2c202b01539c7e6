/** The Search tab: typo-tolerant search over everything the pack holds, with arrow keys and Enter. */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useMessages } from '../ui/i18n';
import type { OpenDetail } from './DetailView';
import { MAX_RESULTS, type createSearch, type SearchHit } from './search';
import { kindName, PARTY_MESSAGE } from '../i18n/vocabulary';

export type PopupSearch = ReturnType<typeof createSearch>;

/** Results shown before "Show more": one popup screen. */
export const FIRST_RESULTS = 8;

export interface SearchState {
  query: string;
  /** The highlighted result. */
  active: number;
  /** Whether "Show more" was chosen for this query. */
  more: boolean;
}

export const EMPTY_SEARCH: SearchState = { query: '', active: 0, more: false };

export function SearchView(props: { search: PopupSearch; state: SearchState; onState: (update: (state: SearchState) => SearchState) => void; onOpen: OpenDetail }) {
  const { search, onState } = props;
  const t = useMessages();
  const { query, active, more } = props.state;
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const hits: SearchHit[] = useMemo(() => search.search(query, MAX_RESULTS), [search, query]);
  const shown = more ? hits : hits.slice(0, FIRST_RESULTS);
  useEffect(() => inputRef.current?.focus(), []);
  // The keys move the highlight, so the highlighted result is kept on screen; the pointer only moves it where the
  // reader is already looking.
  const scrollToActive = useRef(false);
  useEffect(() => {
    if (!scrollToActive.current) return;
    scrollToActive.current = false;
    listRef.current?.children[active]?.scrollIntoView({ block: 'nearest' });
  }, [active, more]);
  const setActive = (next: (a: number) => number) => {
    scrollToActive.current = true;
    onState((s) => ({ ...s, active: next(s.active) }));
  };
  // The results are options of the search box (aria-activedescendant), so the box is what focus returns to.
  const open = (id: string) => props.onOpen(id, () => document.getElementById('search-input'));
  const optionId = (i: number) => `result-${i}`;
  const showMore = () => {
    scrollToActive.current = true;
    // The button goes away with the click: focus goes back to the search box, on the first result it revealed.
    onState((s) => ({ ...s, more: true, active: FIRST_RESULTS }));
    inputRef.current?.focus();
  };
  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">{t.text('tabSearch')}</h2>
      <label for="search-input" class="visually-hidden">
        {t.text('searchLabel')}
      </label>
      <input
        ref={inputRef}
        id="search-input"
        type="search"
        placeholder={t.text('searchPlaceholder')}
        autoComplete="off"
        aria-controls="search-results"
        aria-activedescendant={shown[active] ? optionId(active) : undefined}
        value={query}
        onInput={(e) => onState(() => ({ query: (e.target as HTMLInputElement).value, active: 0, more: false }))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.max(0, Math.min(a + 1, shown.length - 1)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && shown[active]) {
            e.preventDefault();
            open(shown[active]!.doc.target);
          }
        }}
      />
      {query.trim().length >= 2 && hits.length === 0 ? <p class="empty">{t.text('noMatches', query)}</p> : null}
      <ul ref={listRef} id="search-results" role="listbox" aria-label={t.text('results')} class="results">
        {shown.map((hit, i) => (
          <li
            key={`${hit.doc.kind}-${hit.doc.target}-${i}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'active' : ''}
            onClick={() => open(hit.doc.target)}
            onMouseMove={(e) => {
              // Only a pointer that moves takes the highlight. When the results change under a pointer at rest
              // (the reader types, or the list scrolls), the browser says the pointer entered the result now under
              // it, and Firefox sends a move that goes nowhere: taking the highlight then moved it away from where
              // the arrow keys had put it, and Enter opened a result the reader had not chosen.
              if ((e.movementX || e.movementY) && i !== active) onState((s) => ({ ...s, active: i }));
            }}
          >
            <span class="kind-tag">{kindName(t, hit.doc.kind)}</span>{' '}
            <span class="result-title">{hit.doc.stance ? t.text('searchStanceTitle', t.text(PARTY_MESSAGE[hit.doc.stance.party]), hit.doc.stance.topic) : hit.doc.title}</span>
            {hit.doc.stance || hit.doc.detail ? <span class="result-detail">{hit.doc.stance ? hit.doc.text : hit.doc.detail}</span> : null}
          </li>
        ))}
      </ul>
      {shown.length < hits.length ? (
        <button type="button" class="show-more" onClick={showMore}>
          {t.text('showMore', hits.length - shown.length)}
        </button>
      ) : null}
    </section>
  );
}
