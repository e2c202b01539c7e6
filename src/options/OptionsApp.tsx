/**
 * The options page. Every change is saved as it is made; the status line at the bottom says "Saved." or why
 * not. The page follows changes made in other tabs through `storage.onChanged`.
 */
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Storage } from 'webextension-polyfill';
import { PARTY_NAMES, TRACK_NAMES } from '../knowledge/pack-index';
import { PARTY_IDS, TRACK_IDS } from '../knowledge/schema';
import { DWELL_MS } from '../overlay/hover-machine';
import { NEWS_SITES } from '../settings/news-sites';
import type { Settings, SiteChoice } from '../settings/settings';
import { chooseSettingsArea, SettingsStore } from '../settings/store';
import type { KnowledgeClient } from './knowledge-client';
import { KnowledgeSection } from './KnowledgeSection';
import { problemNotice, SETTING_LABELS } from './problems';
import { toggleSelection } from './selection';
import { SettingsSession, type SaveStatus, type SessionSnapshot } from './session';
import { checkNewSite, focusAfterRemoval, siteEntries, suggestedChoice } from './site-list';
import '../ui/theme.css';
import './options.css';

export type OptionsStorage = Pick<Storage.Static, 'sync' | 'local' | 'onChanged'>;

/** `knowledge`: the background's knowledge packs; without it (tests of the settings alone) that section is left out. */
export function OptionsApp({ storage, knowledge }: { storage: OptionsStorage; knowledge?: KnowledgeClient }) {
  const { session, snapshot, setupError } = useSession(storage);
  const error = setupError ?? snapshot?.loadError ?? null;
  if (error)
    return (
      <main class="options">
        <h1>Negotiation Lens settings</h1>
        <p class="load-error" role="alert">
          {error} Close this tab and open the settings again; if this keeps happening, reinstalling the extension resets them.
        </p>
      </main>
    );
  if (!session || !snapshot?.state)
    return (
      <main class="options">
        <p class="loading" role="status">
          Loading…
        </p>
      </main>
    );
  return <SettingsPage session={session} snapshot={snapshot} knowledge={knowledge} />;
}

function useSession(storage: OptionsStorage) {
  const [session, setSession] = useState<SettingsSession | null>(null);
  const [snapshot, setSnapshot] = useState<SessionSnapshot | null>(null);
  const [setupError, setSetupError] = useState<string | null>(null);
  useEffect(() => {
    let current: SettingsSession | null = null;
    let unsubscribe = () => {};
    let stopped = false;
    const onChanged = () => current?.storageChanged();
    storage.onChanged.addListener(onChanged);
    chooseSettingsArea(storage)
      .then((area) => {
        if (stopped) return;
        current = new SettingsSession(new SettingsStore(area));
        unsubscribe = current.subscribe(setSnapshot);
        setSession(current);
        setSnapshot(current.current);
        return current.load();
      })
      .catch((error: unknown) => setSetupError(`Could not open the settings storage: ${error instanceof Error ? error.message : String(error)}`));
    return () => {
      stopped = true;
      storage.onChanged.removeListener(onChanged);
      unsubscribe();
    };
  }, [storage]);
  return { session, snapshot, setupError };
}

interface PageProps {
  session: SettingsSession;
  snapshot: SessionSnapshot;
  knowledge?: KnowledgeClient | undefined;
}

function SettingsPage({ session, snapshot, knowledge }: PageProps) {
  const state = snapshot.state!;
  const { settings } = state;
  const set = <K extends keyof Settings>(name: K, value: Settings[K]) => void session.set(name, value);
  return (
    <main class="options">
      <h1>Negotiation Lens settings</h1>
      <p class="intro">Changes are saved as soon as you make them.</p>
      {snapshot.loadProblems && <ProblemsNotice problems={snapshot.loadProblems} />}

      <section aria-labelledby="pause-title" class={settings.paused ? 'pause is-paused' : 'pause'}>
        <h2 id="pause-title" class="visually-hidden">
          Pause
        </h2>
        <div class="choice">
          <input
            type="checkbox"
            role="switch"
            id="paused"
            checked={settings.paused}
            aria-describedby="paused-hint"
            onChange={(event) => set('paused', event.currentTarget.checked)}
          />
          <label for="paused">Pause Negotiation Lens on every site</label>
        </div>
        <p id="paused-hint" class="hint">
          {settings.paused
            ? 'Paused: nothing is marked and no cards open, whatever the settings below say. Switch this off to carry on.'
            : 'While paused, nothing is marked and no cards open. Your settings below are kept.'}
        </p>
      </section>

      <section aria-labelledby="where-title">
        <h2 id="where-title">Where it works</h2>
        <RadioGroup
          legend={SETTING_LABELS.defaultMode}
          name="defaultMode"
          value={settings.defaultMode}
          onChange={(value) => set('defaultMode', value)}
          options={[
            {
              value: 'everywhere',
              label: 'On every site',
              hint: 'It marks only pages about the talks; other pages are left alone.',
            },
            {
              value: 'news-sites',
              label: 'Only on news sites',
              hint: 'Sites on the list below, and their subdomains.',
              extra: <NewsSiteList />,
            },
            { value: 'opt-in', label: 'Only on sites I switch on', hint: 'Add sites to “Your sites” below and switch them on.' },
          ]}
        />
        <SiteList session={session} sites={state.sites} defaultMode={settings.defaultMode} />
      </section>

      <section aria-labelledby="marks-title">
        <h2 id="marks-title">Marks on the page</h2>
        <RadioGroup
          legend={SETTING_LABELS.highlightStyle}
          name="highlightStyle"
          value={settings.highlightStyle}
          onChange={(value) => set('highlightStyle', value)}
          options={[
            { value: 'underline', label: 'Underline', sample: 'underline' },
            { value: 'background', label: 'Background colour', sample: 'background' },
            { value: 'none', label: 'None', hint: 'Nothing is marked; pointing at a mention still opens its card.' },
          ]}
        />
        <RadioGroup
          legend={SETTING_LABELS.markScope}
          name="markScope"
          value={settings.markScope}
          onChange={(value) => set('markScope', value)}
          options={[
            {
              value: 'section',
              label: 'The first mention of each in a section of the article',
              hint: 'Calm: states and blocs such as Ukraine, Russia, the EU and NATO are marked once per article.',
            },
            { value: 'paragraph', label: 'The first mention of each in a paragraph' },
            { value: 'every', label: 'Every mention' },
          ]}
        />
        <div class="choice">
          <input
            type="checkbox"
            id="wholePage"
            checked={settings.wholePage}
            aria-describedby="wholePage-hint"
            onChange={(event) => set('wholePage', event.currentTarget.checked)}
          />
          <label for="wholePage">{SETTING_LABELS.wholePage}</label>
        </div>
        <p id="wholePage-hint" class="hint">
          Off: only the article is marked, not the page's navigation, headlines, bylines, datelines or related stories.
        </p>
      </section>

      <section aria-labelledby="cards-title">
        <h2 id="cards-title">Cards</h2>
        <RadioGroup
          legend={SETTING_LABELS.cardTrigger}
          name="cardTrigger"
          value={settings.cardTrigger}
          onChange={(value) => set('cardTrigger', value)}
          options={[
            {
              value: 'hover',
              label: 'Point at a mark',
              hint: `The card opens when the pointer rests on a mark for ${DWELL_MS / 1000} seconds, so moving across the text opens nothing.`,
            },
            { value: 'click', label: 'Click a mark', hint: 'Pointing at a mark does nothing until you click it.' },
            {
              value: 'modifier-hover',
              label: 'Hold Alt and point at a mark',
              hint: 'Alt is the Option key (⌥) on a Mac. Without it, pointing at a mark does nothing.',
            },
          ]}
        />
        <RadioGroup
          legend={SETTING_LABELS.cardTheme}
          name="cardTheme"
          value={settings.cardTheme}
          onChange={(value) => set('cardTheme', value)}
          options={[
            { value: 'page', label: 'Like the page', hint: 'Dark on a dark page, light on a light one, whatever your system’s theme.' },
            { value: 'system', label: 'Like the system', hint: 'Light or dark as your system’s theme is set.' },
          ]}
        />
        <SelectionGroup
          id="tracks"
          legend="Tracks shown in cards and the timeline"
          all={TRACK_IDS}
          names={TRACK_NAMES}
          selected={settings.tracks}
          emptyMessage="Keep at least one track checked: cards need at least one to show."
          onChange={(value) => set('tracks', value)}
        />
        <SelectionGroup
          id="parties"
          legend="Parties whose positions cards show"
          all={PARTY_IDS}
          names={PARTY_NAMES}
          selected={settings.parties}
          emptyMessage="Keep at least one party checked: cards need at least one to show."
          onChange={(value) => set('parties', value)}
        />
      </section>

      {knowledge && <KnowledgeSection client={knowledge} settings={settings} set={set} />}

      <StatusLine status={snapshot.status} />
    </main>
  );
}

function ProblemsNotice({ problems }: { problems: NonNullable<SessionSnapshot['loadProblems']> }) {
  const [dismissed, setDismissed] = useState(false);
  const notice = problemNotice(problems);
  if (!notice || dismissed) return null;
  return (
    <section class="notice" aria-labelledby="notice-title" role="alert">
      <h2 id="notice-title">Some settings were reset</h2>
      <p>{notice.summary}</p>
      <details>
        <summary>What was wrong</summary>
        <ul>
          {notice.details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
      <p class="hint">Everything else was kept. You can change these settings again below.</p>
      <button type="button" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </section>
  );
}

interface RadioOption<T extends string> {
  value: T;
  label: string;
  hint?: string;
  /** Shows a sample word marked this way. */
  sample?: 'underline' | 'background';
  /** Shown under the option, outside its label (e.g. a list to expand). */
  extra?: JSX.Element;
}

function RadioGroup<T extends string>(props: { legend: string; name: string; value: T; options: RadioOption<T>[]; onChange: (value: T) => void }) {
  const { legend, name, value, options, onChange } = props;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <div class="option" key={option.value}>
            <div class="choice">
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                checked={value === option.value}
                aria-describedby={option.hint ? `${id}-hint` : undefined}
                onChange={() => onChange(option.value)}
              />
              <label for={id}>
                {option.label}
                {option.sample && (
                  <span class="sample-wrap" aria-hidden="true">
                    {' '}
                    (<span class={`sample sample-${option.sample}`}>Zelensky</span>)
                  </span>
                )}
              </label>
            </div>
            {option.hint && (
              <p id={`${id}-hint`} class="hint indented">
                {option.hint}
              </p>
            )}
            {option.extra && <div class="indented">{option.extra}</div>}
          </div>
        );
      })}
    </fieldset>
  );
}

function NewsSiteList() {
  const sites = [...NEWS_SITES].sort();
  return (
    <details class="news-sites">
      <summary>Show the {sites.length} news sites</summary>
      <ul>
        {sites.map((site) => (
          <li key={site}>{site}</li>
        ))}
      </ul>
    </details>
  );
}

function SelectionGroup<T extends string>(props: {
  id: string;
  legend: string;
  all: readonly T[];
  names: Readonly<Record<T, string>>;
  selected: readonly T[];
  emptyMessage: string;
  onChange: (value: T[]) => void;
}) {
  const { id, legend, all, names, selected, emptyMessage, onChange } = props;
  const [refusal, setRefusal] = useState<string | null>(null);
  const errorId = `${id}-error`;
  return (
    <fieldset aria-describedby={refusal ? errorId : undefined}>
      <legend>{legend}</legend>
      <div class="checkboxes">
        {all.map((item) => (
          <div class="choice" key={item}>
            <input
              type="checkbox"
              id={`${id}-${item}`}
              checked={selected.includes(item)}
              onChange={(event) => {
                const box = event.currentTarget;
                const change = toggleSelection(all, selected, item, box.checked, emptyMessage);
                if (!change.ok) {
                  box.checked = true;
                  setRefusal(change.message);
                  return;
                }
                setRefusal(null);
                onChange(change.value);
              }}
            />
            <label for={`${id}-${item}`}>{names[item]}</label>
          </div>
        ))}
      </div>
      <p id={errorId} class="field-error" role="alert">
        {refusal ?? ''}
      </p>
    </fieldset>
  );
}

function SiteList({ session, sites, defaultMode }: { session: SettingsSession; sites: Record<string, SiteChoice>; defaultMode: Settings['defaultMode'] }) {
  const entries = siteEntries(sites);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusTarget === null) return;
    const target = focusTarget === '' ? inputRef.current : document.getElementById(`site-remove-${focusTarget}`);
    target?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const remove = (index: number) => {
    const next = focusAfterRemoval(index, entries.length);
    const remaining = entries.filter((_, i) => i !== index);
    void session.setSite(entries[index]!.site, null);
    setFocusTarget(next === -1 ? '' : remaining[next]!.site);
  };

  return (
    <div class="sites">
      <h3 id="sites-title">Your sites</h3>
      <p class="hint">
        Your choice for a site comes before the default above. A choice for example.com also covers its subdomains, such as news.example.com,
        unless you add one for the subdomain.
      </p>
      {entries.length === 0 ? (
        <p class="empty">No sites yet.</p>
      ) : (
        <ul class="site-list" aria-labelledby="sites-title">
          {entries.map(({ site, choice }, index) => (
            <li key={site}>
              <label class="site-name" for={`site-choice-${site}`}>
                {site}
              </label>
              <select id={`site-choice-${site}`} value={choice} onChange={(event) => void session.setSite(site, event.currentTarget.value as SiteChoice)}>
                <option value="on">On</option>
                <option value="off">Off</option>
              </select>
              <button type="button" id={`site-remove-${site}`} onClick={() => remove(index)}>
                Remove<span class="visually-hidden"> {site}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddSiteForm session={session} sites={sites} defaultMode={defaultMode} inputRef={inputRef} />
    </div>
  );
}

function AddSiteForm(props: {
  session: SettingsSession;
  sites: Record<string, SiteChoice>;
  defaultMode: Settings['defaultMode'];
  inputRef: { current: HTMLInputElement | null };
}) {
  const { session, sites, defaultMode, inputRef } = props;
  const [text, setText] = useState('');
  const [pickedChoice, setPickedChoice] = useState<SiteChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choice = pickedChoice ?? suggestedChoice(defaultMode);

  // Each site added grows the list above this form and pushes the field down, and the browser does not scroll to
  // follow a focused field that moves: someone adding sites one after another would type under the status line.
  // While the field has focus, keep it in view with the line under it (the hint, or what was wrong); the page's
  // scroll padding keeps both clear of the status line. The field goes last, so it wins in a short window.
  const siteCount = Object.keys(sites).length;
  useLayoutEffect(() => {
    const field = inputRef.current;
    if (!field || document.activeElement !== field) return;
    document.getElementById(error ? 'new-site-error' : 'new-site-hint')?.scrollIntoView({ block: 'nearest' });
    field.scrollIntoView({ block: 'nearest' });
  }, [siteCount, error]);

  const submit = async (event: Event) => {
    event.preventDefault();
    // Read the field itself: a submit can come before the render that follows the last keystroke.
    const check = checkNewSite(inputRef.current?.value ?? text, sites);
    if (!check.ok) {
      setError(check.message);
      inputRef.current?.focus();
      return;
    }
    setError(null);
    // On a failed save the text stays, so nothing typed is lost; the status line says why.
    if (await session.setSite(check.site, choice)) setText('');
  };

  return (
    <form class="add-site" aria-labelledby="add-site-title" noValidate onSubmit={(event) => void submit(event)}>
      <h3 id="add-site-title">Add a site</h3>
      <div class="add-site-fields">
        <div class="field grow">
          <label for="new-site">Site or page address</label>
          <input
            ref={inputRef}
            id="new-site"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            value={text}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'new-site-hint new-site-error' : 'new-site-hint'}
            onInput={(event) => {
              setText(event.currentTarget.value);
              if (error) setError(null);
            }}
          />
        </div>
        <div class="field">
          <label for="new-site-choice">Choice</label>
          <select id="new-site-choice" value={choice} onChange={(event) => setPickedChoice(event.currentTarget.value as SiteChoice)}>
            <option value="on">On</option>
            <option value="off">Off</option>
          </select>
        </div>
        <button type="submit">Add site</button>
      </div>
      <p id="new-site-hint" class="hint">
        For example example.com, or paste a link to any page of the site.
      </p>
      <p id="new-site-error" class="field-error" role="alert">
        {error ?? ''}
      </p>
    </form>
  );
}

function StatusLine({ status }: { status: SaveStatus }) {
  const text = status.kind === 'saved' ? 'Saved.' : status.kind === 'error' ? status.message : '';
  // A new element for each message, so screen readers announce a second "Saved." too.
  return (
    <div class={status.kind === 'error' ? 'status status-error' : 'status'} role="status">
      {text ? <span key={status.kind === 'idle' ? 0 : status.count}>{text}</span> : null}
    </div>
  );
}

