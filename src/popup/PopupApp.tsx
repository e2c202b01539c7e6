/**
 * The toolbar popup: where the talks stand, what this page mentions, a timeline, and search.
 * Everything it needs comes in as `PopupDeps`, so the same component runs in tests with fakes.
 */
import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { buildCardModel, formatEventDate, sourceLinks, speakerName } from '../cards/card-model';
import { PARTY_NAMES, TRACK_NAMES, type PackIndex } from '../knowledge/pack-index';
import { PARTY_IDS, TRACK_IDS, type Pack, type PartyId, type TrackId } from '../knowledge/schema';
import type { PageReport } from '../messaging/protocol';
import type { Settings } from '../settings/settings';
import { CardBody } from '../ui/CardBody';
import { Sources } from '../ui/facts';
import { createSearch, type SearchHit } from './search';
import { DEFAULT_TIMELINE_FILTER, filterTimeline, newSince, type TimelineFilter } from './timeline';

export interface PopupDeps {
  pack: Pack;
  index: PackIndex;
  /** Entity keys → ids (see src/matcher/alias-table.ts). */
  entityIds: readonly string[];
  /** The page report of the tab the popup is about; null when no content script answers there. */
  getPageReport: () => Promise<PageReport | null>;
  revealOnPage: (entity: number) => Promise<boolean>;
  readSettings: () => Promise<{ settings: Settings; problems: string[] }>;
  setSite: (site: string, on: boolean) => Promise<void>;
  setPaused: (paused: boolean) => Promise<void>;
  onSettingsChanged: (callback: () => void) => () => void;
  /** The item a card asked to open ("Open in popup"), if any; asking consumes it. */
  takeFocusRequest: () => Promise<string | null>;
  loadSeenEvents: () => Promise<string[] | null>;
  saveSeenEvents: (ids: string[]) => Promise<void>;
  openOptions: () => void;
}

type Tab = 'summary' | 'page' | 'timeline' | 'search';
const TABS: { id: Tab; label: string }[] = [
  { id: 'summary', label: 'Summary' },
  { id: 'page', label: 'This page' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'search', label: 'Search' },
];

const KIND_LABEL: Record<string, string> = {
  person: 'Person',
  country: 'Country',
  organization: 'Organisation',
  group: 'Group',
  topic: 'Topic',
  event: 'Event',
  stance: 'Position',
};

export function PopupApp({ deps }: { deps: PopupDeps }) {
  const { pack, index } = deps;
  const [tab, setTab] = useState<Tab>('summary');
  const [detail, setDetail] = useState<string | null>(null);
  const [report, setReport] = useState<PageReport | null | 'loading'>('loading');
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [expandedEvent, setExpandedEvent] = useState<string | null>(null);
  const [newEvents, setNewEvents] = useState<Set<string>>(new Set());
  // The views unmount while the detail view or another tab is shown: what the user typed and chose lives here,
  // so coming back finds it as it was.
  const [searchState, setSearchState] = useState<SearchState>({ query: '', active: 0 });
  const [timelineFilter, setTimelineFilter] = useState<TimelineFilter>(DEFAULT_TIMELINE_FILTER);
  // Finds the control that opened the detail view, once it is back on screen; Back returns focus to it.
  const opener = useRef<(() => HTMLElement | null) | null>(null);
  const [focusOpener, setFocusOpener] = useState(0);

  const openDetail = (id: string, returnTo: () => HTMLElement | null) => {
    opener.current = returnTo;
    setDetail(id);
  };
  const closeDetail = () => {
    setDetail(null);
    setFocusOpener((n) => n + 1);
  };
  useEffect(() => {
    if (focusOpener === 0) return;
    // Without an opener (an item a card asked to open), the current tab is the nearest place to carry on from.
    (opener.current?.() ?? document.getElementById(`tab-${tab}`))?.focus();
    opener.current = null;
  }, [focusOpener]);

  const refresh = async () => {
    const [nextReport, read] = await Promise.all([deps.getPageReport(), deps.readSettings()]);
    setReport(nextReport);
    setSettings(read.settings);
    return read;
  };

  useEffect(() => {
    void refresh().then((read) => {
      if (read.problems.length) setNotice(`Some stored settings could not be read and were reset to their defaults: ${read.problems.join('; ')}`);
    });
    void deps.loadSeenEvents().then((seen) => {
      setNewEvents(newSince(seen, pack.events));
      void deps.saveSeenEvents(pack.events.map((e) => e.id));
    });
    void deps.takeFocusRequest().then((id) => {
      if (!id) return;
      const entity = index.entity(id);
      if (entity?.kind === 'event') {
        setTab('timeline');
        setExpandedEvent(id);
      } else if (entity) setDetail(id);
    });
    return deps.onSettingsChanged(() => {
      // The content script re-applies settings on its own; give it a moment before asking what it shows.
      setTimeout(() => void refresh(), 150);
    });
  }, []);

  const act = async (action: () => Promise<void>) => {
    try {
      setError(null);
      await action();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const search = useMemo(() => createSearch(pack), [pack]);

  const mentionedIds = useMemo(() => {
    if (!report || report === 'loading' || report.state !== 'on') return new Set<string>();
    return new Set(report.mentions.map((m) => deps.entityIds[m.entity]).filter((id): id is string => Boolean(id)));
  }, [report]);

  return (
    <div class="popup" data-ready="true">
      <header class="popup-header">
        <div class="title-row">
          <h1>Negotiation Lens</h1>
          <span class="as-of" title="Everything here is as of this date">
            As of <time dateTime={pack.meta.asOf}>{pack.meta.asOf}</time>
          </span>
        </div>
        <SiteControls report={report} settings={settings} onSite={(site, on) => act(() => deps.setSite(site, on))} onPause={(paused) => act(() => deps.setPaused(paused))} />
        {notice ? (
          <p class="notice" role="status">
            {notice}{' '}
            <button type="button" class="link" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </p>
        ) : null}
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
      </header>

      <main class="popup-main">
      {detail ? (
        <Detail index={index} id={detail} settings={settings} onBack={closeDetail} />
      ) : (
        <>
          <Tabs current={tab} onChange={setTab} />
          <div class="tab-panel" id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} tabIndex={0}>
            {tab === 'summary' ? <Summary index={index} settings={settings} /> : null}
            {tab === 'page' ? <OnThisPage deps={deps} report={report} onOpen={openDetail} /> : null}
            {tab === 'timeline' ? (
              <Timeline
                index={index}
                settings={settings}
                filter={timelineFilter}
                onFilter={setTimelineFilter}
                mentioned={mentionedIds}
                fresh={newEvents}
                expanded={expandedEvent}
                onExpand={setExpandedEvent}
              />
            ) : null}
            {tab === 'search' ? <Search search={search} state={searchState} onState={setSearchState} onOpen={openDetail} /> : null}
          </div>
        </>
      )}
      </main>
      <footer class="popup-footer">
        <button type="button" class="link" onClick={deps.openOptions}>
          Settings
        </button>
        <span>
          {pack.meta.title} · v{pack.meta.version}
        </span>
      </footer>
    </div>
  );
}

interface SwitchChoice {
  on?: boolean;
  paused?: boolean;
}
/** No switch chosen ahead of the answers; one shared object, so that setting it again does not re-render. */
const NO_CHOICE: SwitchChoice = {};

function SiteControls(props: { report: PageReport | null | 'loading'; settings: Settings | null; onSite: (site: string, on: boolean) => void; onPause: (paused: boolean) => void }) {
  const { report, settings } = props;
  const site = report && report !== 'loading' ? report.site : null;
  const answered = { on: Boolean(report && report !== 'loading' && report.state !== 'off'), paused: settings?.paused ?? false };
  // A switch shows what the user chose at once. The stored settings and the page's answer come a moment later, and
  // an answer read before the change must not flip the switch back; the choice gives way once the answers agree.
  const [chosen, setChosen] = useState<SwitchChoice>(NO_CHOICE);
  useEffect(() => {
    if ((chosen.on ?? answered.on) === answered.on && (chosen.paused ?? answered.paused) === answered.paused) setChosen(NO_CHOICE);
  }, [answered.on, answered.paused]);
  const on = chosen.on ?? answered.on;
  const paused = chosen.paused ?? answered.paused;
  return (
    <div class="controls">
      {site ? (
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            checked={on}
            disabled={paused}
            onChange={(e) => {
              const value = (e.target as HTMLInputElement).checked;
              setChosen((c) => ({ ...c, on: value }));
              props.onSite(site, value);
            }}
          />
          <span>
            On for <strong>{site}</strong>
          </span>
        </label>
      ) : (
        <span class="muted">{report === 'loading' ? 'Checking this page…' : 'Not available on this page.'}</span>
      )}
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={paused}
          onChange={(e) => {
            const value = (e.target as HTMLInputElement).checked;
            setChosen((c) => ({ ...c, paused: value }));
            props.onPause(value);
          }}
        />
        <span>Pause everywhere</span>
      </label>
    </div>
  );
}

function Tabs({ current, onChange }: { current: Tab; onChange: (tab: Tab) => void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (from: number, delta: number) => {
    const next = (from + delta + TABS.length) % TABS.length;
    onChange(TABS[next]!.id);
    refs.current[next]?.focus();
  };
  return (
    <nav class="tabs" role="tablist" aria-label="Sections">
      {TABS.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={current === t.id}
          aria-controls={`panel-${t.id}`}
          tabIndex={current === t.id ? 0 : -1}
          onClick={() => onChange(t.id)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight') move(i, 1);
            else if (e.key === 'ArrowLeft') move(i, -1);
          }}
        >
          {t.label}
        </button>
      ))}
    </nav>
  );
}

function Summary({ index, settings }: { index: PackIndex; settings: Settings | null }) {
  const { pack } = index;
  const tracks = [...pack.tracks].sort((a, b) => TRACK_IDS.indexOf(a.id) - TRACK_IDS.indexOf(b.id)).filter((t) => !settings || settings.tracks.includes(t.id));
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">Where things stand</h2>
      {tracks.map((t) => (
        <article class="track" key={t.id}>
          <h3>{TRACK_NAMES[t.id]}</h3>
          <p>{t.summary}</p>
          <p class="meta">
            As of <time dateTime={t.date}>{t.date}</time> · <Sources sources={sourceLinks(index, t.sources)} />
          </p>
        </article>
      ))}
      {pack.agreements.length > 0 ? (
        <>
          <h2>Proposals and agreements</h2>
          <ul class="agreements">
            {pack.agreements.map((a) => {
              const latest = a.history[a.history.length - 1]!;
              return (
                <li key={a.id}>
                  <details>
                    <summary>
                      <strong>{a.name}</strong> <span class={`badge status-${latest.status}`}>{latest.status}</span> <time dateTime={latest.date}>{latest.date}</time>
                    </summary>
                    <ol class="history">
                      {a.history.map((h, i) => (
                        <li key={i}>
                          <time dateTime={h.date}>{h.date}</time> <span class={`badge status-${h.status}`}>{h.status}</span> {h.text} <Sources sources={sourceLinks(index, h.sources)} />
                        </li>
                      ))}
                    </ol>
                  </details>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}


const OFF_REASON: Record<string, string> = {
  paused: 'The extension is paused everywhere.',
  'site-choice': 'You switched it off for this site.',
  default: 'It is off here by default (see Settings for where it runs).',
  'not-a-web-page': 'It only runs on web pages.',
};

function OnThisPage({ deps, report, onOpen }: { deps: PopupDeps; report: PageReport | null | 'loading'; onOpen: (id: string, returnTo: () => HTMLElement | null) => void }) {
  const [missing, setMissing] = useState<string | null>(null);
  if (report === 'loading') return <p class="muted">Looking at this page…</p>;
  if (report === null) return <p class="empty">Negotiation Lens cannot read this page (browser pages and the extension gallery are off limits to extensions).</p>;
  if (report.state === 'off') return <p class="empty">Negotiation Lens is off on {report.site ?? 'this page'}. {OFF_REASON[report.reason]}</p>;
  if (report.state === 'not-relevant') return <p class="empty">This page does not seem to be about the negotiations, so nothing is marked on it.</p>;
  if (report.mentions.length === 0) return <p class="empty">Nothing from the negotiations found on this page.</p>;
  const rows = report.mentions.flatMap((m) => {
    const id = deps.entityIds[m.entity];
    const entity = id ? deps.index.entity(id) : undefined;
    if (!id || !entity) return [];
    return [{ ...m, id, name: entity.item.name, kind: entity.kind === 'actor' ? entity.item.kind : entity.kind }];
  });
  return (
    <section aria-labelledby="page-title">
      <h2 id="page-title">On this page</h2>
      <p class="meta">Choose an item to show its first mention on the page. “Details” opens it here.</p>
      <ul class="mentions">
        {rows.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              class="mention"
              data-entity-id={r.id}
              onClick={async () => {
                const found = await deps.revealOnPage(r.entity);
                setMissing(found ? null : r.name);
              }}
            >
              <span class="kind-tag">{KIND_LABEL[r.kind] ?? r.kind}</span> {r.name} <span class="count" aria-label={`${r.count} mentions`}>×{r.count}</span>
            </button>
            <button
              type="button"
              class="link"
              data-details-for={r.id}
              aria-label={`Details about ${r.name}`}
              onClick={() => onOpen(r.id, () => [...document.querySelectorAll<HTMLElement>('[data-details-for]')].find((b) => b.dataset.detailsFor === r.id) ?? null)}
            >
              Details
            </button>
          </li>
        ))}
      </ul>
      {missing ? <p role="status">{missing} is no longer on the page.</p> : null}
    </section>
  );
}

function Timeline(props: {
  index: PackIndex;
  settings: Settings | null;
  filter: TimelineFilter;
  onFilter: (update: (filter: TimelineFilter) => TimelineFilter) => void;
  mentioned: Set<string>;
  fresh: Set<string>;
  expanded: string | null;
  onExpand: (id: string | null) => void;
}) {
  const { filter } = props;
  const setFilter = (change: Partial<TimelineFilter>) => props.onFilter((current) => ({ ...current, ...change }));
  const events = filterTimeline(props.index, filter, props.settings?.tracks);
  const expandedRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    expandedRef.current?.scrollIntoView({ block: 'start' });
  }, [props.expanded]);
  const parties = props.settings ? PARTY_IDS.filter((p) => props.settings!.parties.includes(p)) : PARTY_IDS;
  const narrowed = filter.track !== 'all' || filter.party !== 'all';
  const trackRef = useRef<HTMLSelectElement>(null);
  const clearFilters = () => {
    setFilter({ track: 'all', party: 'all' });
    // The button goes away with the empty list: focus the first filter rather than lose it.
    trackRef.current?.focus();
  };
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <div class="filters">
        <label>
          Track{' '}
          <select ref={trackRef} value={filter.track} onChange={(e) => setFilter({ track: (e.target as HTMLSelectElement).value as TrackId | 'all' })}>
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
      <ol class="timeline">
        {events.map((e) => {
          const open = props.expanded === e.id;
          const onPage = props.mentioned.has(e.id);
          return (
            <li key={e.id} ref={open ? expandedRef : undefined} class={`event${onPage ? ' on-page' : ''}`} data-event-id={e.id}>
              <details open={open} onToggle={(ev) => (ev.target as HTMLDetailsElement).open !== open && props.onExpand((ev.target as HTMLDetailsElement).open ? e.id : null)}>
                <summary>
                  <time dateTime={typeof e.date === 'string' ? e.date : e.date.start}>{formatEventDate(e)}</time> <span class="event-name">{e.name}</span>
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
                  {e.verification ? <p class="unverified">Unverified: {e.verification.note}</p> : null}
                  <p class="meta">
                    <Sources sources={sourceLinks(props.index, e.sources)} />
                  </p>
                </div>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

type PopupSearch = ReturnType<typeof createSearch>;

interface SearchState {
  query: string;
  /** The highlighted result. */
  active: number;
}

function Search(props: { search: PopupSearch; state: SearchState; onState: (update: (state: SearchState) => SearchState) => void; onOpen: (id: string, returnTo: () => HTMLElement | null) => void }) {
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
            <span class="kind-tag">{KIND_LABEL[hit.doc.kind]}</span> <span class="result-title">{hit.doc.title}</span>
            <span class="result-detail">{hit.doc.kind === 'stance' ? hit.doc.text : hit.doc.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Detail({ index, id, settings, onBack }: { index: PackIndex; id: string; settings: Settings | null; onBack: () => void }) {
  const model = buildCardModel(index, id, settings ? { tracks: settings.tracks, parties: settings.parties } : {});
  const back = useRef<HTMLButtonElement>(null);
  const allStances = useRef<HTMLDetailsElement>(null);
  useEffect(() => back.current?.focus(), [id]);
  // The stance table's "N earlier positions below" opens the list of every position and takes focus there.
  const showEarlier = () => {
    const details = allStances.current;
    if (!details) return;
    details.open = true;
    const summary = details.querySelector('summary');
    summary?.focus({ preventScroll: true });
    summary?.scrollIntoView({ block: 'start' });
  };
  return (
    <section class="detail" aria-labelledby="detail-title">
      <button ref={back} type="button" class="back" onClick={onBack}>
        ← Back
      </button>
      {model ? (
        <>
          <p class="kind-tag">{KIND_LABEL[model.kind] ?? model.kind}</p>
          <h2 id="detail-title">{model.name}</h2>
          <CardBody model={model} onShowEarlier={showEarlier} />
          {model.kind === 'topic' ? <AllStances index={index} topic={id} detailsRef={allStances} /> : null}
        </>
      ) : (
        <p id="detail-title">This item is not in the knowledge pack.</p>
      )}
    </section>
  );
}

/** Every position on a topic, newest first per party: the card shows only the latest. */
function AllStances({ index, topic, detailsRef }: { index: PackIndex; topic: string; detailsRef: RefObject<HTMLDetailsElement | null> }) {
  const stances = index.stancesByTopic(topic);
  if (stances.length === 0) return null;
  return (
    <details class="all-stances" ref={detailsRef}>
      <summary>All {stances.length} positions on this topic</summary>
      <ul>
        {stances.map((s) => (
          <li key={s.id}>
            <strong>{PARTY_NAMES[s.party]}</strong>
            {s.actor ? ` (${speakerName(index, s.actor, s.date)})` : ''}, <time dateTime={s.date}>{s.date}</time>, {s.status}: {s.position}{' '}
            <Sources sources={sourceLinks(index, s.sources)} />
          </li>
        ))}
      </ul>
    </details>
  );
}
