/** The Search tab: typo-tolerant search over everything the pack holds, with arrow keys and Enter. */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { kindLabel } from '../ui/labels';
import type { OpenDetail } from './DetailView';
import type { createSearch, SearchHit } from './search';

export type PopupSearch = ReturnType<typeof createSearch>;

export interface SearchState {
  query: string;
  /** The highlighted result. */
  active: number;
}

export function SearchView(props: { search: PopupSearch; state: SearchState; onState: (update: (state: SearchState) => SearchState) => void; onOpen: OpenDetail }) {
  const { search, onState } = props;
  const { query, active } = props.state;
  const inputRef = useRef<HTMLInputElement>(null);
  const hits: SearchHit[] = useMemo(() => search.search(query, 25), [search, query]);
  useEffect(() => inputRef.current?.focus(), []);
  const setActive = (next: (a: number) => number) => onState((s) => ({ ...s, active: next(s.active) }));
  // The results are options of the search box (aria-activedescendant), so the box is what focus returns to.
  const open = (id: string) => props.onOpen(id, () => document.getElementById('search-input'));
  const optionId = (i: number) => `result-${i}`;
  return (
    <section aria-labelledby="search-title">
      <h2 id="search-title">Search</h2>
      <label for="search-input" class="visually-hidden">
        Search people, states, topics, events and positions
      </label>
      <input
        ref={inputRef}
        id="search-input"
        type="search"
        placeholder="Search: zelenski, riad talks, minerals fund…"
        autoComplete="off"
        aria-controls="search-results"
        aria-activedescendant={hits.length ? optionId(active) : undefined}
        value={query}
        onInput={(e) => onState(() => ({ query: (e.target as HTMLInputElement).value, active: 0 }))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && hits[active]) {
            e.preventDefault();
            open(hits[active]!.doc.target);
          }
        }}
      />
      {query.trim().length >= 2 && hits.length === 0 ? <p class="empty">No matches for “{query}”.</p> : null}
      <ul id="search-results" role="listbox" aria-label="Results" class="results">
        {hits.map((hit, i) => (
          <li
            key={`${hit.doc.kind}-${hit.doc.target}-${i}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'active' : ''}
            onClick={() => open(hit.doc.target)}
            onMouseEnter={() => setActive(() => i)}
          >
            <span class="kind-tag">{kindLabel(hit.doc.kind)}</span> <span class="result-title">{hit.doc.title}</span>
            <span class="result-detail">{hit.doc.kind === 'stance' ? hit.doc.text : hit.doc.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
