/**
 * The Timeline tab: events filtered by words, track and party, newest or oldest first, under a heading for each
 * month that stays in view while its events scroll by; new and on-page ones are marked.
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { sourceLinks } from '../cards/card-model';
import type { PackIndex } from '../knowledge/pack-index';
import { PARTY_IDS, TRACK_IDS, type PartyId, type TrackId } from '../knowledge/schema';
import type { Settings } from '../settings/settings';
import type { ShowDate } from '../cards/dates';
import { DateText } from '../ui/facts';
import { useMessages } from '../ui/i18n';
import { filterTimeline, groupByMonth, isNarrowed, type TimelineFilter } from './timeline';
import { SourceList } from './SourceList';
import { PARTY_MESSAGE, TRACK_MESSAGE } from '../i18n/vocabulary';

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
  const t = useMessages();
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
      <h2 id="timeline-title">{t.text('tabTimeline')}</h2>
      <div class="filters">
        <label class="text-filter">
          {t.text('filter')}{' '}
          <input
            ref={textRef}
            type="search"
            value={filter.text}
            placeholder={t.text('filterPlaceholder')}
            autoComplete="off"
            onInput={(e) => setFilter({ text: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          {t.text('track')}{' '}
          <select value={filter.track} onChange={(e) => setFilter({ track: (e.target as HTMLSelectElement).value as TrackId | 'all' })}>
            <option value="all">{t.text('allTracks')}</option>
            {TRACK_IDS.map((track) => (
              <option key={track} value={track}>
                {t.text(TRACK_MESSAGE[track])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.text('party')}{' '}
          <select value={filter.party} onChange={(e) => setFilter({ party: (e.target as HTMLSelectElement).value as PartyId | 'all' })}>
            <option value="all">{t.text('allParties')}</option>
            {parties.map((p) => (
              <option key={p} value={p}>
                {t.text(PARTY_MESSAGE[p])}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setFilter({ order: filter.order === 'newest' ? 'oldest' : 'newest' })}>
          {filter.order === 'newest' ? t.text('newestFirst') : t.text('oldestFirst')}
        </button>
      </div>
      <p class={events.length ? 'meta' : 'empty'} aria-live="polite">
        {events.length
          ? t.count('events', events.length)
          : narrowed
            ? t.text('noEventsMatch')
            : t.text('noEventsOnTracks')}
      </p>
      {events.length === 0 && narrowed ? (
        <button type="button" class="clear-filters" onClick={clearFilters}>
          {t.text('clearFilters')}
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
                        {onPage ? <span class="badge on-page-badge">{t.text('onThisPage')}</span> : null}
                        {props.fresh.has(e.id) ? <span class="badge new-badge">{t.text('newBadge')}</span> : null}
                      </summary>
                      <div class="event-body">
                        <p>
                          <strong>{t.text('where')}</strong> {e.place}
                        </p>
                        <p>{e.summary}</p>
                        <p>
                          <strong>{t.text('outcome')}</strong> {e.outcome}
                        </p>
                        {e.verification?.note ? <p class="unverified">{t.text('unverified', e.verification.note)}</p> : null}
                        <p class="meta">
                          <SourceList sources={sourceLinks(props.index, e.sources, { t, showDate: props.showDate })} />
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
