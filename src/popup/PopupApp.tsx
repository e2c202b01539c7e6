/**
 * The toolbar popup: where the talks stand, what this page mentions, a timeline, and search. This component keeps
 * the state the views share and routes between them; each view is in its own file.
 * Everything it needs comes in as `PopupDeps`, so the same component runs in tests with fakes.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PackChanges, PackInfo } from '../knowledge/active-pack';
import type { PackIndex } from '../knowledge/pack-index';
import type { Pack } from '../knowledge/schema';
import type { PageReport } from '../messaging/protocol';
import type { Settings } from '../settings/settings';
import type { ShowDate } from '../cards/dates';
import { DateText } from '../ui/facts';
import { MessagesProvider, useMessages } from '../ui/i18n';
import type { Messages } from '../i18n/messages';
import { DetailView } from './DetailView';
import { PageView } from './PageView';
import { createSearch } from './search';
import { EMPTY_SEARCH, SearchView, type SearchState } from './SearchView';
import type { CommandShortcut, ShortcutSettings } from './ShortcutLine';
import { SiteControls } from './SiteControls';
import { SummaryView } from './SummaryView';
import { Tabs, type Tab } from './Tabs';
import { DEFAULT_TIMELINE_FILTER, newSince, type TimelineFilter } from './timeline';
import { TimelineView } from './TimelineView';
import { WhatsNew } from './WhatsNew';

/**
 * After the reader switches the site or the pause, the page is asked again after this long, then after twice as long
 * each time, until its answer shows the change or the wait passes the last one (3.2 s).
 */
const PAGE_ANSWER_FIRST_WAIT_MS = 100;
const PAGE_ANSWER_LAST_WAIT_MS = 3200;

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
  /** The active pack: its version, date, and whether it is official. */
  packInfo: PackInfo;
  /** What the last change of pack added or changed; null when there was none. */
  changes: PackChanges | null;
  /** "This knowledge is as of …" when the pack is old; null when it is recent. */
  staleNotice: string | null;
  /** The `at` of the changes the reader has seen listed, so "What's new" shows once. */
  loadChangesSeen: () => Promise<string | null>;
  saveChangesSeen: (at: string) => Promise<void>;
  /** Opens the options page at its knowledge section (updates, import). */
  openKnowledgeSettings: () => void;
  reportProblem: (id: string) => void;
  /** Formats every date the popup shows; in the language of `messages` in the extension, a fixed one in tests. */
  showDate: ShowDate;
  /** The words of the interface, in the browser's language; English when not given. */
  messages?: Messages;
  /** The keyboard commands with the shortcuts in force (`commands.getAll()`); null without a commands API. */
  getShortcuts: () => Promise<CommandShortcut[] | null>;
  /** Where this browser lets the reader change the shortcuts. */
  shortcutSettings: ShortcutSettings;
}

export function PopupApp({ deps }: { deps: PopupDeps }) {
  const { pack, index } = deps;
  const outer = useMessages();
  const t = deps.messages ?? outer;
  const [tab, setTab] = useState<Tab>('summary');
  const [detail, setDetail] = useState<string | null>(null);
  const [report, setReport] = useState<PageReport | null | 'loading'>('loading');
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [expandedEvent, setExpandedEvent] = useState<string | null>(null);
  const [newEvents, setNewEvents] = useState<Set<string>>(new Set());
  const [changes, setChanges] = useState<PackChanges | null>(null);
  // The views unmount while the detail view or another tab is shown: what the user typed and chose lives here,
  // so coming back finds it as it was.
  const [searchState, setSearchState] = useState<SearchState>(EMPTY_SEARCH);
  const [timelineFilter, setTimelineFilter] = useState<TimelineFilter>(DEFAULT_TIMELINE_FILTER);
  // Where the timeline was scrolled to, kept as the reader scrolls (a ref: no render for each scroll event); null
  // when the timeline is to open on an event instead.
  const timelineScroll = useRef<number | null>(0);
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
  // With the tabs in view wherever the reader has scrolled, a tab opens at its top; the timeline puts itself back
  // where the reader left it.
  useLayoutEffect(() => {
    if (tab !== 'timeline') window.scrollTo(0, 0);
  }, [tab]);

  /** Opens the timeline on one event, expanded and scrolled to. */
  const showEvent = (id: string) => {
    timelineScroll.current = null;
    setTab('timeline');
    setExpandedEvent(id);
  };

  useEffect(() => {
    if (focusOpener === 0) return;
    // Without an opener (an item a card asked to open), the current tab is the nearest place to carry on from.
    (opener.current?.() ?? document.getElementById(`tab-${tab}`))?.focus();
    opener.current = null;
  }, [focusOpener]);

  // Counts reads of the settings and the page's answer, and the reader's own changes. A read shows its answers only
  // if nothing came after it: an older read can resolve last (the page was busy), and a read that started before the
  // reader's latest click would flip the switch back.
  const reads = useRef(0);
  const refresh = async () => {
    const ticket = ++reads.current;
    const [nextReport, read] = await Promise.all([deps.getPageReport(), deps.readSettings()]);
    if (ticket === reads.current) {
      setReport(nextReport);
      setSettings(read.settings);
    }
    return { read, report: nextReport };
  };

  useEffect(() => {
    void refresh().then(({ read }) => {
      if (read.problems.length) setNotice(t.text('settingsWereReset', read.problems.join('; ')));
    });
    void deps.loadSeenEvents().then((seen) => {
      setNewEvents(newSince(seen, pack.events));
      void deps.saveSeenEvents(pack.events.map((e) => e.id));
    });
    if (deps.changes) {
      const latest = deps.changes;
      void deps.loadChangesSeen().then((seen) => {
        if (seen === latest.at) return;
        setChanges(latest);
        void deps.saveChangesSeen(latest.at);
      });
    }
    void deps.takeFocusRequest().then((id) => {
      if (!id) return;
      const entity = index.entity(id);
      if (entity?.kind === 'event') showEvent(id);
      else if (entity) setDetail(id);
    });
    return deps.onSettingsChanged(() => {
      // The content script re-applies settings on its own; give it a moment before asking what it shows.
      setTimeout(() => void refresh(), 150);
    });
  }, []);

  /** An item of "What's new": an event opens in the timeline, a position opens its topic. */
  const openChanged = (item: PackChanges['items'][number], returnTo: () => HTMLElement | null) => {
    if (item.section === 'events') {
      showEvent(item.id);
      return;
    }
    const topic = pack.stances.find((s) => s.id === item.id)?.topic;
    if (topic) openDetail(topic, returnTo);
  };

  /**
   * After the reader's own switch, ask the page again until its answer shows the change. The page applies it once it
   * has heard from the background, which on a busy machine takes longer than any fixed wait; a read taken before
   * that would leave "This page" describing the page as it was. A newer switch takes over from an older one.
   */
  const actions = useRef(0);
  const act = async (action: () => Promise<void>, shows: (report: PageReport | null) => boolean) => {
    reads.current++;
    const mine = ++actions.current;
    try {
      setError(null);
      await action();
    } catch (e) {
      setError((e as Error).message);
      return;
    }
    for (let wait = PAGE_ANSWER_FIRST_WAIT_MS; wait <= PAGE_ANSWER_LAST_WAIT_MS && mine === actions.current; wait *= 2) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      if (mine !== actions.current || shows((await refresh()).report)) return;
    }
  };

  const search = useMemo(() => createSearch(pack), [pack]);

  const mentionedIds = useMemo(() => {
    if (!report || report === 'loading' || report.state !== 'on') return new Set<string>();
    return new Set(report.mentions.map((m) => deps.entityIds[m.entity]).filter((id): id is string => Boolean(id)));
  }, [report]);

  return (
    <MessagesProvider value={t}>
    <div class="popup" data-ready="true" lang={t.language}>
      <header class="popup-header">
        <div class="title-row">
          <h1>Negotiation Lens</h1>
          <span class="as-of" title={t.text('asOfTitle')}>
            {t.parts('asOf', <DateText date={deps.showDate(pack.meta.asOf)} />)}
            {deps.packInfo.official ? null : <span class="unofficial"> · {t.text('unofficialPack')}</span>}
          </span>
        </div>
        <SiteControls report={report} settings={settings} onSite={(site, on) => act(() => deps.setSite(site, on), (r) => (on ? r?.state !== 'off' : r?.state === 'off'))}
          onPause={(paused) => act(() => deps.setPaused(paused), (r) => (paused ? r?.state === 'off' : !(r?.state === 'off' && r.reason === 'paused')))}
        />
        {deps.staleNotice ? (
          <p class="stale" data-testid="stale-notice">
            {t.parts('staleNotice', <DateText date={deps.showDate(deps.packInfo.asOf)} />)}{' '}
            <button type="button" class="link" onClick={deps.openKnowledgeSettings}>
              {t.text('updateSettings')}
            </button>
          </p>
        ) : null}
        {notice ? (
          <p class="notice" role="status">
            {notice}{' '}
            <button type="button" class="link" onClick={() => setNotice(null)}>
              {t.text('dismiss')}
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
        <DetailView index={index} id={detail} settings={settings} showDate={deps.showDate} onBack={closeDetail} onReport={deps.reportProblem} />
      ) : (
        <>
          {changes && tab === 'summary' ? <WhatsNew changes={changes} showDate={deps.showDate} onOpen={openChanged} onDismiss={() => setChanges(null)} /> : null}
          <Tabs current={tab} onChange={setTab} />
          <div class="tab-panel" id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} tabIndex={0}>
            {tab === 'summary' ? <SummaryView index={index} settings={settings} showDate={deps.showDate} /> : null}
            {tab === 'page' ? <PageView deps={deps} report={report} onOpen={openDetail} /> : null}
            {tab === 'timeline' ? (
              <TimelineView
                index={index}
                settings={settings}
                showDate={deps.showDate}
                filter={timelineFilter}
                onFilter={setTimelineFilter}
                mentioned={mentionedIds}
                fresh={newEvents}
                expanded={expandedEvent}
                onExpand={setExpandedEvent}
                scrollTop={timelineScroll.current}
                onScroll={(top) => (timelineScroll.current = top)}
              />
            ) : null}
            {tab === 'search' ? <SearchView search={search} state={searchState} onState={setSearchState} onOpen={openDetail} /> : null}
          </div>
        </>
      )}
      </main>
      <footer class="popup-footer">
        <button type="button" class="link" onClick={deps.openOptions}>
          {t.text('settings')}
        </button>
        <span>
          {pack.meta.title} · v{pack.meta.version}
        </span>
      </footer>
    </div>
    </MessagesProvider>
  );
}
