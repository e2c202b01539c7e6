/**
 * The Timeline tab: events filtered by words, track and party, newest or oldest first, under a heading for each
 * month that stays in view while its events scroll by; new and on-page ones are marked.
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { sourceLinks } from '../cards/card-model';
import { PARTY_NAMES, TRACK_NAMES, type PackIndex } from '../knowledge/pack-index';
import { PARTY_IDS, TRACK_IDS, type PartyId, type TrackId } from '../knowledge/schema';
import type { Settings } from '../settings/settings';
import type { ShowDate } from '../cards/dates';
import { DateText, Sources, Unverified } from '../ui/facts';
import { filterTimeline, groupByMonth, isNarrowed, type TimelineFilter } from './timeline';

export function TimelineView(props: {
  index: PackIndex;
  settings: Settings | null;
  showDate: ShowDate;
  filter: TimelineFilter;
  onFilter: (update: (filter: TimelineFilter) => TimelineFilter) => void;
  mentioned: Set<string>;
  fresh: Set<string>;
  expanded: string | null;
  onExpand: (id: string | null) => void;
  /** Where the popup was scrolled to when the reader last left the timeline; null to show the expanded event. */
  scrollTop: number | null;
  onScroll: (top: number) => void;
}) {
  const { filter } = props;
  const setFilter = (change: Partial<TimelineFilter>) => props.onFilter((current) => ({ ...current, ...change }));
  const events = filterTimeline(props.index, filter, props.settings?.tracks);
  const expandedRef = useRef<HTMLLIElement>(null);
  // The view is gone while another tab or a detail is shown; coming back finds the list where the reader left it.
  // The position is kept as the reader scrolls, not read on the way out: by then the next view is in the page,
  // and the browser may already have moved the scroll to keep that in place.
  const onScroll = useRef(props.onScroll);
  onScroll.current = props.onScroll;
  const restoring = useRef(props.scrollTop !== null);
  useLayoutEffect(() => {
    if (props.scrollTop !== null) window.scrollTo(0, props.scrollTop);
    const keep = () => onScroll.current(window.scrollY);
    window.addEventListener('scroll', keep, { passive: true });
    return () => window.removeEventListener('scroll', keep);
  }, []);
  useEffect(() => {
    // Coming back, the position the reader left wins over the expanded event they had scrolled away from.
    if (restoring.current) restoring.current = false;
    else expandedRef.current?.scrollIntoView({ block: 'start' });
  }, [props.expanded]);
  const parties = props.settings ? PARTY_IDS.filter((p) => props.settings!.parties.includes(p)) : PARTY_IDS;
  const narrowed = isNarrowed(filter);
  const textRef = useRef<HTMLInputElement>(null);
  const clearFilters = () => {
    setFilter({ track: 'all', party: 'all', text: '' });
    // The button goes away with the empty list: focus the first filter rather than lose it.
    textRef.current?.focus();
  };
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <div class="filters">
        <label class="text-filter">
          Filter{' '}
          <input
            ref={textRef}
            type="search"
            value={filter.text}
            placeholder="Name or summary, e.g. Riyadh"
            autoComplete="off"
            onInput={(e) => setFilter({ text: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          Track{' '}
          <select value={filter.track} onChange={(e) => setFilter({ track: (e.target as HTMLSelectElement).value as TrackId | 'all' })}>
            <option value="all">All tracks</option>
            {TRACK_IDS.map((t) => (
              <option key={t} value={t}>
                {TRACK_NAMES[t]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Party{' '}
          <select value={filter.party} onChange={(e) => setFilter({ party: (e.target as HTMLSelectElement).value as PartyId | 'all' })}>
            <option value="all">All parties</option>
            {parties.map((p) => (
              <option key={p} value={p}>
                {PARTY_NAMES[p]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setFilter({ order: filter.order === 'newest' ? 'oldest' : 'newest' })}>
          {filter.order === 'newest' ? 'Newest first' : 'Oldest first'}
        </button>
      </div>
      <p class={events.length ? 'meta' : 'empty'} aria-live="polite">
        {events.length
          ? `${events.length} event${events.length === 1 ? '' : 's'}`
          : narrowed
            ? 'No events match these filters.'
            : 'No events on the tracks chosen in Settings.'}
      </p>
      {events.length === 0 && narrowed ? (
        <button type="button" class="clear-filters" onClick={clearFilters}>
          Clear filters
        </button>
      ) : null}
      <div class="timeline">
        {groupByMonth(events).map((group) => (
          <div class="month" key={group.month}>
            <h3 class="month-heading">
              <DateText date={props.showDate(group.month)} />
            </h3>
            <ol class="events">
              {group.events.map((e) => {
                const open = props.expanded === e.id;
                const onPage = props.mentioned.has(e.id);
                return (
                  <li key={e.id} ref={open ? expandedRef : undefined} class={`event${onPage ? ' on-page' : ''}`} data-event-id={e.id}>
                    <details open={open} onToggle={(ev) => (ev.target as HTMLDetailsElement).open !== open && props.onExpand((ev.target as HTMLDetailsElement).open ? e.id : null)}>
                      <summary>
                        <DateText date={props.showDate(e.date)} /> <span class="event-name">{e.name}</span>
                        {onPage ? <span class="badge on-page-badge">On this page</span> : null}
                        {props.fresh.has(e.id) ? <span class="badge new-badge">New</span> : null}
                      </summary>
                      <div class="event-body">
                        <p>
                          <strong>Where:</strong> {e.place}
                        </p>
                        <p>{e.summary}</p>
                        <p>
                          <strong>Outcome:</strong> {e.outcome}
                        </p>
                        <Unverified note={e.verification?.note} />
                        <p class="meta">
                          <Sources sources={sourceLinks(props.index, e.sources, props.showDate)} />
                        </p>
                      </div>
                    </details>
                  </li>
                );
              })}
            </ol>
          </div>
        ))}
      </div>
    </section>
  );
}
