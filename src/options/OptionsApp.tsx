/**
 * The options page. Every change is saved as it is made; the status line at the bottom says "Saved." or why
 * not. The page follows changes made in other tabs through `storage.onChanged`. Its words are the reader's
 * language's messages (src/ui/i18n.ts), as the popup's are.
 */
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Storage } from 'webextension-polyfill';
import { PARTY_IDS, TRACK_IDS } from '../knowledge/schema';
import { DWELL_MS } from '../overlay/hover-machine';
import { NEWS_SITES } from '../settings/news-sites';
import { PARTY_MESSAGE, TRACK_MESSAGE } from '../i18n/vocabulary';
import type { Settings, SiteChoice } from '../settings/settings';
import { chooseSettingsArea, SettingsStore } from '../settings/store';
import { MessagesProvider, useMessages } from '../ui/i18n';
import { type MessageKey, type Messages } from '../i18n/messages';
import type { KnowledgeClient } from './knowledge-client';
import { KnowledgeSection } from './KnowledgeSection';
import { problemNotice, settingLabel } from './problems';
import { toggleSelection } from './selection';
import { SettingsSession, type SaveFailure, type SaveStatus, type SessionSnapshot } from './session';
import { checkNewSite, focusAfterRemoval, siteEntries, suggestedChoice } from './site-list';
import '../ui/theme.css';
import './options.css';

export type OptionsStorage = Pick<Storage.Static, 'sync' | 'local' | 'onChanged'>;

/**
 * `knowledge`: the background's knowledge packs; without it (tests of the settings alone) that section is left out.
 * `messages`: the words, the browser's in the extension; without them, those of an enclosing provider, or English.
 */
export function OptionsApp({ storage, knowledge, messages }: { storage: OptionsStorage; knowledge?: KnowledgeClient; messages?: Messages }) {
  const outer = useMessages();
  const t = messages ?? outer;
  return (
    <MessagesProvider value={t}>
      <main class="options" lang={t.language}>
        <OptionsContent storage={storage} knowledge={knowledge} />
      </main>
    </MessagesProvider>
  );
}

function OptionsContent({ storage, knowledge }: { storage: OptionsStorage; knowledge?: KnowledgeClient | undefined }) {
  const t = useMessages();
  const { session, snapshot, setupError } = useSession(storage);
  const error =
    setupError !== null ? t.text('optionsStorageUnavailable', setupError) : snapshot?.loadError != null ? t.text('optionsReadFailed', snapshot.loadError) : null;
  if (error)
    return (
      <>
        <h1>{t.text('optionsTitle')}</h1>
        <p class="load-error" role="alert">
          {t.text('optionsLoadError', error)}
        </p>
      </>
    );
  if (!session || !snapshot?.state)
    return (
      <p class="loading" role="status">
        {t.text('optionsLoading')}
      </p>
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
      .catch((error: unknown) => setSetupError(error instanceof Error ? error.message : String(error)));
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
  const t = useMessages();
  const state = snapshot.state!;
  const { settings } = state;
  const set = <K extends keyof Settings>(name: K, value: Settings[K]) => void session.set(name, value);
  return (
    <>
      <h1>{t.text('optionsTitle')}</h1>
      <p class="intro">{t.text('optionsIntro')}</p>
      {snapshot.loadProblems && <ProblemsNotice problems={snapshot.loadProblems} />}

      <section aria-labelledby="pause-title" class={settings.paused ? 'pause is-paused' : 'pause'}>
        <h2 id="pause-title" class="visually-hidden">
          {settingLabel(t, 'paused')}
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
          <label for="paused">{t.text('optionsPauseSwitch')}</label>
        </div>
        <p id="paused-hint" class="hint">
          {t.text(settings.paused ? 'optionsPausedHint' : 'optionsPauseHint')}
        </p>
      </section>

      <section aria-labelledby="where-title">
        <h2 id="where-title">{t.text('optionsWhereHeading')}</h2>
        <RadioGroup
          legend={settingLabel(t, 'defaultMode')}
          name="defaultMode"
          value={settings.defaultMode}
          onChange={(value) => set('defaultMode', value)}
          options={[
            {
              value: 'everywhere',
              label: t.text('optionsModeEverywhere'),
              hint: t.text('optionsModeEverywhereHint'),
            },
            {
              value: 'news-sites',
              label: t.text('optionsModeNewsSites'),
              hint: t.text('optionsModeNewsSitesHint'),
              extra: <NewsSiteList />,
            },
            { value: 'opt-in', label: t.text('optionsModeOptIn'), hint: t.text('optionsModeOptInHint', t.text('optionsYourSites')) },
          ]}
        />
        <SiteList session={session} sites={state.sites} defaultMode={settings.defaultMode} />
      </section>

      <section aria-labelledby="marks-title">
        <h2 id="marks-title">{t.text('optionsMarksHeading')}</h2>
        <RadioGroup
          legend={settingLabel(t, 'highlightStyle')}
          name="highlightStyle"
          value={settings.highlightStyle}
          onChange={(value) => set('highlightStyle', value)}
          options={[
            { value: 'underline', label: t.text('optionsStyleUnderline'), sample: 'underline' },
            { value: 'background', label: t.text('optionsStyleBackground'), sample: 'background' },
            { value: 'none', label: t.text('optionsStyleNone'), hint: t.text('optionsStyleNoneHint') },
          ]}
        />
        <RadioGroup
          legend={settingLabel(t, 'markScope')}
          name="markScope"
          value={settings.markScope}
          onChange={(value) => set('markScope', value)}
          options={[
            {
              value: 'section',
              label: t.text('optionsScopeSection'),
              hint: t.text('optionsScopeSectionHint'),
            },
            { value: 'paragraph', label: t.text('optionsScopeParagraph') },
            { value: 'every', label: t.text('optionsScopeEvery') },
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
          <label for="wholePage">{settingLabel(t, 'wholePage')}</label>
        </div>
        <p id="wholePage-hint" class="hint">
          {t.text('optionsWholePageHint')}
        </p>
      </section>

      <section aria-labelledby="cards-title">
        <h2 id="cards-title">{t.text('optionsCardsHeading')}</h2>
        <RadioGroup
          legend={settingLabel(t, 'cardTrigger')}
          name="cardTrigger"
          value={settings.cardTrigger}
          onChange={(value) => set('cardTrigger', value)}
          options={[
            {
              value: 'hover',
              label: t.text('optionsTriggerHover'),
              hint: t.count('optionsTriggerHoverHint', DWELL_MS / 1000),
            },
            { value: 'click', label: t.text('optionsTriggerClick'), hint: t.text('optionsTriggerClickHint') },
            {
              value: 'modifier-hover',
              label: t.text('optionsTriggerModifier'),
              hint: t.text('optionsTriggerModifierHint'),
            },
          ]}
        />
        <RadioGroup
          legend={settingLabel(t, 'cardTheme')}
          name="cardTheme"
          value={settings.cardTheme}
          onChange={(value) => set('cardTheme', value)}
          options={[
            { value: 'page', label: t.text('optionsThemePage'), hint: t.text('optionsThemePageHint') },
            { value: 'system', label: t.text('optionsThemeSystem'), hint: t.text('optionsThemeSystemHint') },
          ]}
        />
        <SelectionGroup
          id="tracks"
          legend={t.text('optionsTracksLegend')}
          all={TRACK_IDS}
          names={TRACK_MESSAGE}
          selected={settings.tracks}
          emptyMessage={t.text('optionsTracksEmpty')}
          onChange={(value) => set('tracks', value)}
        />
        <SelectionGroup
          id="parties"
          legend={t.text('optionsPartiesLegend')}
          all={PARTY_IDS}
          names={PARTY_MESSAGE}
          selected={settings.parties}
          emptyMessage={t.text('optionsPartiesEmpty')}
          onChange={(value) => set('parties', value)}
        />
      </section>

      {knowledge && <KnowledgeSection client={knowledge} settings={settings} set={set} />}

      <StatusLine status={snapshot.status} />
    </>
  );
}

function ProblemsNotice({ problems }: { problems: NonNullable<SessionSnapshot['loadProblems']> }) {
  const t = useMessages();
  const [dismissed, setDismissed] = useState(false);
  const notice = problemNotice(t, problems);
  if (!notice || dismissed) return null;
  return (
    <section class="notice" aria-labelledby="notice-title" role="alert">
      <h2 id="notice-title">{t.text('optionsResetHeading')}</h2>
      <p>{notice.summary}</p>
      <details>
        <summary>{t.text('optionsResetWhatWasWrong')}</summary>
        <ul>
          {notice.details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
      <p class="hint">{t.text('optionsResetKept')}</p>
      <button type="button" onClick={() => setDismissed(true)}>
        {t.text('dismiss')}
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
  const t = useMessages();
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
                    (<span class={`sample sample-${option.sample}`}>{t.text('optionsSampleName')}</span>)
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
  const t = useMessages();
  const sites = [...NEWS_SITES].sort();
  return (
    <details class="news-sites">
      <summary>{t.count('optionsShowNewsSites', sites.length)}</summary>
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
  /** The message that names each item. */
  names: Readonly<Record<T, MessageKey>>;
  selected: readonly T[];
  emptyMessage: string;
  onChange: (value: T[]) => void;
}) {
  const { id, legend, all, names, selected, emptyMessage, onChange } = props;
  const t = useMessages();
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
            <label for={`${id}-${item}`}>{t.text(names[item])}</label>
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
  const t = useMessages();
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
      <h3 id="sites-title">{t.text('optionsYourSites')}</h3>
      <p class="hint">{t.text('optionsYourSitesHint')}</p>
      {entries.length === 0 ? (
        <p class="empty">{t.text('optionsNoSites')}</p>
      ) : (
        <ul class="site-list" aria-labelledby="sites-title">
          {entries.map(({ site, choice }, index) => (
            <li key={site}>
              <label class="site-name" for={`site-choice-${site}`}>
                {site}
              </label>
              <select id={`site-choice-${site}`} value={choice} onChange={(event) => void session.setSite(site, event.currentTarget.value as SiteChoice)}>
                <option value="on">{t.text('optionsSiteOn')}</option>
                <option value="off">{t.text('optionsSiteOff')}</option>
              </select>
              <button type="button" id={`site-remove-${site}`} onClick={() => remove(index)}>
                {t.parts('optionsRemoveSite', <span class="visually-hidden">{site}</span>)}
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
  const t = useMessages();
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
    const check = checkNewSite(t, inputRef.current?.value ?? text, sites);
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
      <h3 id="add-site-title">{t.text('optionsAddSiteHeading')}</h3>
      <div class="add-site-fields">
        <div class="field grow">
          <label for="new-site">{t.text('optionsSiteAddress')}</label>
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
          <label for="new-site-choice">{t.text('optionsSiteChoice')}</label>
          <select id="new-site-choice" value={choice} onChange={(event) => setPickedChoice(event.currentTarget.value as SiteChoice)}>
            <option value="on">{t.text('optionsSiteOn')}</option>
            <option value="off">{t.text('optionsSiteOff')}</option>
          </select>
        </div>
        <button type="submit">{t.text('optionsAddSite')}</button>
      </div>
      <p id="new-site-hint" class="hint">
        {t.text('optionsSiteExample')}
      </p>
      <p id="new-site-error" class="field-error" role="alert">
        {error ?? ''}
      </p>
    </form>
  );
}

/** A change that could not be saved, said in the reader's language around the storage area's own words. */
function failureText(t: Messages, failure: SaveFailure): string {
  if ('setting' in failure) return t.text('optionsSaveSettingFailed', settingLabel(t, failure.setting), failure.detail);
  return t.text(failure.choice === null ? 'optionsForgetSiteFailed' : 'optionsSaveSiteFailed', failure.site, failure.detail);
}

function StatusLine({ status }: { status: SaveStatus }) {
  const t = useMessages();
  const text = status.kind === 'saved' ? t.text('optionsSaved') : status.kind === 'error' ? failureText(t, status.failure) : '';
  // A new element for each message, so screen readers announce a second "Saved." too.
  return (
    <div class={status.kind === 'error' ? 'status status-error' : 'status'} role="status">
      {text ? <span key={status.kind === 'idle' ? 0 : status.count}>{text}</span> : null}
    </div>
  );
}

