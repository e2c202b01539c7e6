/**
 * The popup's tab list: arrow keys move between tabs, as a tab list should. It stays at the top of the popup while
 * the reader scrolls, so another tab is one click away from anywhere in a long list.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { useMessages } from '../ui/i18n';
import { type MessageKey } from '../i18n/messages';

export type Tab = 'summary' | 'page' | 'timeline' | 'search';
export const TABS: { id: Tab; label: MessageKey }[] = [
  { id: 'summary', label: 'tabSummary' },
  { id: 'page', label: 'tabPage' },
  { id: 'timeline', label: 'tabTimeline' },
  { id: 'search', label: 'tabSearch' },
];

export function Tabs({ current, onChange }: { current: Tab; onChange: (tab: Tab) => void }) {
  const t = useMessages();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const bar = useRef<HTMLElement>(null);
  // What else stays at the top (the timeline's month headings) sits just below the tabs, and what the browser
  // scrolls into view (a focused control) stops below them: both read the bar's height, which changes when the
  // tabs wrap onto a second line.
  useLayoutEffect(() => {
    const root = document.documentElement;
    const measure = () => root.style.setProperty('--nl-sticky-top', `${bar.current?.offsetHeight ?? 0}px`);
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    if (bar.current) observer?.observe(bar.current);
    return () => {
      observer?.disconnect();
      root.style.removeProperty('--nl-sticky-top');
    };
  }, []);
  const move = (from: number, delta: number) => {
    const next = (from + delta + TABS.length) % TABS.length;
    onChange(TABS[next]!.id);
    refs.current[next]?.focus();
  };
  return (
    <nav ref={bar} class="tabs" role="tablist" aria-label={t.text('tabsLabel')}>
      {TABS.map((tab, i) => (
        <button
          key={tab.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${tab.id}`}
          aria-selected={current === tab.id}
          aria-controls={`panel-${tab.id}`}
          tabIndex={current === tab.id ? 0 : -1}
          onClick={() => onChange(tab.id)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight') move(i, 1);
            else if (e.key === 'ArrowLeft') move(i, -1);
          }}
        >
          {t.text(tab.label)}
        </button>
      ))}
    </nav>
  );
}
