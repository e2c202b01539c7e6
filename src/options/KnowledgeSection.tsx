/**
 * The options page's knowledge section: the pack in use, automatic updates from the signed feed, and importing a
 * pack from a file (checked, compared with the pack in use, and confirmed before it is used).
 *
 * The background reports what it found as data beside an English sentence; this section says it in the reader's
 * language, keeping the technical detail (the feed's and the validator's words) as it came.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PackPreview, PackStatus, UpdateStatus } from '../knowledge/pack-status';
import { DateText } from '../ui/facts';
import { dateFormatter, type ShowDate } from '../cards/dates';
import type { PackInfo, PackNotice } from '../knowledge/active-pack';
import { countBySection, DIFF_SECTIONS, type DiffItem, type PackDiff } from '../knowledge/pack-diff';
import { FEED_LIMITS } from '../knowledge/pack-feed';
import { isFeedAddress, type Settings } from '../settings/settings';
import { useMessages } from '../ui/i18n';
import { type CountKey, type MessageKey, type Messages } from '../i18n/messages';
import type { KnowledgeClient } from './knowledge-client';

interface Props {
  client: KnowledgeClient;
  settings: Settings;
  set: <K extends keyof Settings>(name: K, value: Settings[K]) => void;
}

/** Each section of a pack as one item of it is called, and as a count of its items. */
const SECTION_NAMES: Record<DiffItem['section'], [MessageKey, CountKey]> = {
  events: ['optionsDiffEvent', 'events'],
  stances: ['optionsDiffPosition', 'optionsDiffPositions'],
  actors: ['optionsDiffActor', 'optionsDiffActors'],
  topics: ['optionsDiffTopic', 'optionsDiffTopics'],
};
const ORIGIN_NAMES: Record<PackInfo['origin'], MessageKey> = {
  bundled: 'optionsOriginBundled',
  import: 'optionsOriginImport',
  feed: 'optionsOriginFeed',
};

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Pack dates and moments, in the messages' date language (as the popup writes them). */
function useDates(): { day: ShowDate; moment: (iso: string) => string } {
  const { dateLocale } = useMessages();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(dateLocale, { dateStyle: 'medium', timeStyle: 'short' });
    return { day: dateFormatter(dateLocale), moment: (iso: string) => format.format(new Date(iso)) };
  }, [dateLocale]);
}

export function KnowledgeSection({ client, settings, set }: Props) {
  const t = useMessages();
  const [status, setStatus] = useState<PackStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    client
      .status()
      .then((s) => (setStatus(s), setError(null)))
      .catch((e: unknown) => setError(errorText(e)));
  useEffect(() => {
    void load();
    return client.onChange(() => void load());
  }, [client]);
  // Cards and the popup link here ("#knowledge"); the section renders after the page loaded, so scroll to it then.
  const linkedHere = typeof location !== 'undefined' && location.hash === '#knowledge';
  useEffect(() => {
    if (status && linkedHere) document.getElementById('knowledge')?.scrollIntoView();
  }, [status !== null, linkedHere]);

  return (
    <section id="knowledge" aria-labelledby="knowledge-title">
      <h2 id="knowledge-title">{t.text('optionsKnowledgeHeading')}</h2>
      {error && (
        <p class="load-error" role="alert">
          {t.text('optionsBackgroundSilent', error)}
        </p>
      )}
      {!status && !error && <p aria-live="polite">{t.text('optionsLoading')}</p>}
      {status && (
        <>
          {status.notice && (
            <div class="notice" role="alert">
              <p>
                <NoticeText notice={status.notice} />
              </p>
              <button type="button" onClick={() => void client.dismissNotice()}>
                {t.text('dismiss')}
              </button>
            </div>
          )}
          <ActivePackFacts status={status} onUseBundled={() => void client.useBundled().then(load)} />
          <Updates client={client} status={status} settings={settings} set={set} />
          <ImportPack client={client} />
        </>
      )}
    </section>
  );
}

/** A stored pack that could not be read: said from its data, or, as an earlier version stored it, in English. */
function NoticeText({ notice }: { notice: PackNotice }) {
  const t = useMessages();
  const dates = useDates();
  const facts = notice.unreadable;
  if (!facts) return <>{notice.message}</>;
  const pack = facts.version ? t.text('optionsStoredPackVersion', facts.version) : t.text('optionsStoredPack');
  const { instead } = facts;
  const asOf = <DateText date={dates.day(instead.asOf)} />;
  return (
    <>
      {instead.kind === 'previous'
        ? t.parts('optionsPackUnreadablePrevious', pack, facts.problem, instead.version, asOf)
        : t.parts('optionsPackUnreadableBundled', pack, facts.problem, asOf)}
    </>
  );
}

function ActivePackFacts({ status, onUseBundled }: { status: PackStatus; onUseBundled: () => void }) {
  const t = useMessages();
  const dates = useDates();
  const { active, bundled } = status;
  const origin = t.text(ORIGIN_NAMES[active.origin]);
  return (
    <div class="pack-in-use">
      <h3>{t.text('optionsInUseHeading')}</h3>
      <dl class="facts-list" data-testid="active-pack">
        <dt>{t.text('optionsPackLabel')}</dt>
        <dd>{active.title}</dd>
        <dt>{t.text('optionsVersionLabel')}</dt>
        <dd>
          {active.version}{' '}
          {active.official ? <span class="badge">{t.text('optionsOfficial')}</span> : <span class="badge badge-warn">{t.text('unofficialPack')}</span>}
        </dd>
        <dt>{t.text('optionsAsOfLabel')}</dt>
        <dd>
          <DateText date={dates.day(active.asOf)} />
        </dd>
        <dt>{t.text('optionsWhereFromLabel')}</dt>
        <dd>{active.activatedAt ? t.text('optionsInUseSince', origin, dates.moment(active.activatedAt)) : origin}</dd>
      </dl>
      {active.origin !== 'bundled' && (
        <p>
          <button type="button" onClick={onUseBundled}>
            {t.text('optionsUseBundled')}
          </button>{' '}
          <span class="hint">{t.parts('optionsBundledVersion', bundled.version, <DateText date={dates.day(bundled.asOf)} />)}</span>
        </p>
      )}
    </div>
  );
}

/** What the last check found, in the reader's language; a status an earlier version stored has only its English sentence. */
function findingText(t: Messages, dates: ReturnType<typeof useDates>, last: UpdateStatus): string {
  const finding = last.finding;
  switch (finding?.kind) {
    case 'bad-address':
      return t.text('optionsCheckBadAddress', finding.address);
    case 'no-permission':
      return t.text('optionsCheckNoPermission', finding.origin);
    case 'up-to-date':
      return t.text('optionsCheckUpToDate', finding.version);
    case 'feed-refused':
      return t.text('optionsCheckRefused', finding.detail);
    case 'invalid':
      return t.count('optionsCheckInvalid', finding.problems, finding.first);
    case 'not-newer':
      return t.text('optionsCheckNotNewer', finding.version);
    case 'not-activated':
      return t.text('optionsCheckNotActivated');
    case 'updated':
      return t.text('optionsCheckUpdated', finding.version, dates.day(finding.asOf).text);
    default:
      return last.message;
  }
}

function Updates({ client, status, settings, set }: { client: KnowledgeClient; status: PackStatus; settings: Settings; set: Props['set'] }) {
  const t = useMessages();
  const dates = useDates();
  const [message, setMessage] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  // From the live settings: the status was read before the reader may have changed the feed below.
  const origin = originOf(settings.feedUrl || status.feed.defaultUrl);
  const toggle = (on: boolean) => {
    setMessage(null);
    if (!origin) return setMessage(t.text('optionsFeedInvalid'));
    if (!on) {
      set('packUpdates', false);
      void client.releaseOrigin(origin);
      return;
    }
    // The permission request must be the first thing the click does: browsers refuse it after an await.
    void client.requestOrigin(origin).then(
      (granted) => {
        if (granted) set('packUpdates', true);
        else setMessage(t.text('optionsPermissionDenied', origin));
      },
      (error: unknown) => setMessage(t.text('optionsPermissionFailed', origin, errorText(error))),
    );
  };
  const checkNow = () => {
    setChecking(true);
    void client
      .checkNow()
      .catch((e: unknown) => setMessage(t.text('optionsCheckFailed', errorText(e))))
      .finally(() => setChecking(false));
  };
  const last = status.lastCheck;
  return (
    <div class="updates">
      <h3>{t.text('optionsUpdatesHeading')}</h3>
      <div class="choice">
        <input type="checkbox" role="switch" id="packUpdates" checked={settings.packUpdates} aria-describedby="packUpdates-hint" onChange={(e) => toggle(e.currentTarget.checked)} />
        <label for="packUpdates">{t.text('optionsUpdatesSwitch')}</label>
      </div>
      <p id="packUpdates-hint" class="hint indented">
        {t.text('optionsUpdatesHint', origin ?? t.text('optionsTheFeed'))}
      </p>
      {message && (
        <p class="field-error indented" role="alert">
          {message}
        </p>
      )}
      <p class="indented">
        <button type="button" onClick={checkNow} disabled={!settings.packUpdates || checking} aria-describedby="last-check">
          {t.text(checking ? 'optionsChecking' : 'optionsCheckNow')}
        </button>
      </p>
      <p id="last-check" class="indented last-check" aria-live="polite">
        {last ? (
          <>
            {t.text('optionsLastCheck', dates.moment(last.at))}{' '}
            <span class={last.outcome === 'refused' || last.outcome === 'no-permission' ? 'check-problem' : ''}>{findingText(t, dates, last)}</span>
          </>
        ) : (
          t.text('optionsNoCheckYet')
        )}
      </p>
      <FeedSettings settings={settings} set={set} status={status} />
    </div>
  );
}

function FeedSettings({ settings, set, status }: { settings: Settings; set: Props['set']; status: PackStatus }) {
  const t = useMessages();
  const [url, setUrl] = useState(settings.feedUrl);
  const [key, setKey] = useState(settings.feedKey);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setUrl(settings.feedUrl), [settings.feedUrl]);
  useEffect(() => setKey(settings.feedKey), [settings.feedKey]);
  const save = (event: Event) => {
    event.preventDefault();
    const cleanUrl = url.trim();
    const cleanKey = key.trim();
    if (cleanUrl && !isFeedAddress(cleanUrl)) return setProblem(t.text('optionsFeedAddressInvalid'));
    if (cleanKey && !/^[A-Za-z0-9+/]{43}=$/.test(cleanKey)) return setProblem(t.text('optionsFeedKeyInvalid'));
    setProblem(null);
    // A new address needs its own permission: updates go off until the reader turns them on for it.
    if (cleanUrl !== settings.feedUrl && settings.packUpdates) set('packUpdates', false);
    set('feedUrl', cleanUrl);
    set('feedKey', cleanKey);
  };
  return (
    <details class="indented feed-settings">
      <summary>{t.text('optionsOtherFeed')}</summary>
      <form onSubmit={save}>
        <p class="hint">{t.text('optionsOtherFeedHint', status.feed.defaultUrl)}</p>
        <label for="feedUrl">{t.text('optionsFeedAddress')}</label>
        <input id="feedUrl" type="url" value={url} placeholder={status.feed.defaultUrl} onInput={(e) => setUrl(e.currentTarget.value)} />
        <label for="feedKey">{t.text('optionsFeedKey')}</label>
        <input id="feedKey" type="text" spellcheck={false} value={key} placeholder={t.text('optionsFeedKeyPlaceholder')} onInput={(e) => setKey(e.currentTarget.value)} />
        {problem && (
          <p class="field-error" role="alert">
            {problem}
          </p>
        )}
        <p>
          <button type="submit">{t.text('optionsSaveFeed')}</button>
        </p>
        <p class="hint">{t.text('optionsOtherKeyHint', t.text('unofficialPack'))}</p>
      </form>
    </details>
  );
}

type ImportState =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'error'; message: string; problems?: { path: string; message: string }[] }
  | { step: 'preview'; text: string; signature: string | null; fileName: string; preview: Extract<PackPreview, { ok: true }> }
  | { step: 'done'; info: PackInfo };

function ImportPack({ client }: { client: KnowledgeClient }) {
  const t = useMessages();
  const dates = useDates();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [accepted, setAccepted] = useState(false);
  const choose = async (files: FileList | null) => {
    setAccepted(false);
    const list = [...(files ?? [])];
    const packFile = list.find((f) => !f.name.endsWith('.sig'));
    const signatureFile = list.find((f) => f.name.endsWith('.sig'));
    if (!packFile) return setState({ step: 'error', message: t.text('optionsChoosePackFile') });
    if (packFile.size > FEED_LIMITS.packBytes) return setState({ step: 'error', message: t.text('optionsPackTooLarge', packFile.name, FEED_LIMITS.packBytes / 1024 / 1024) });
    setState({ step: 'reading' });
    const text = await packFile.text();
    const signature = signatureFile ? (await signatureFile.text()).trim() : null;
    const preview = await client.preview(text, signature);
    if (!preview.ok) return setState({ step: 'error', message: t.count('optionsImportProblems', preview.problems.length, packFile.name), problems: preview.problems });
    setState({ step: 'preview', text, signature, fileName: packFile.name, preview });
  };
  const confirm = async () => {
    if (state.step !== 'preview') return;
    const reply = await client.activate(state.text, state.signature, accepted);
    if (reply.ok) setState({ step: 'done', info: reply.info });
    else
      setState({
        step: 'error',
        message: t.text(reply.reason === 'unconfirmed' ? 'optionsActivateUnconfirmed' : 'optionsActivateInvalid'),
        ...(reply.problems ? { problems: reply.problems } : {}),
      });
  };
  return (
    <div class="import">
      <h3>{t.text('optionsImportHeading')}</h3>
      <label for="packFile">{t.text('optionsPackFile')}</label>
      <input id="packFile" type="file" accept=".json,.sig,application/json" multiple onChange={(e) => void choose(e.currentTarget.files)} />
      <div aria-live="polite">
        {state.step === 'reading' && <p>{t.text('optionsCheckingPack')}</p>}
        {state.step === 'error' && (
          <div class="import-problems" role="alert">
            <p>{state.message}</p>
            {state.problems && (
              <ul>
                {state.problems.slice(0, 50).map((p, i) => (
                  <li key={i}>
                    <code>{p.path}</code>: {p.message}
                  </li>
                ))}
                {state.problems.length > 50 && <li>{t.count('optionsMoreProblems', state.problems.length - 50)}</li>}
              </ul>
            )}
          </div>
        )}
        {state.step === 'done' && (
          <p class="import-done">
            {state.info.official
              ? t.text('optionsNowInUse', state.info.version, dates.day(state.info.asOf).text)
              : t.text('optionsNowInUseUnofficial', state.info.version, dates.day(state.info.asOf).text, t.text('unofficialPack'))}
          </p>
        )}
      </div>
      {state.step === 'preview' && (
        <div class="import-preview" aria-labelledby="preview-title">
          <h4 id="preview-title">{t.text('optionsPreviewHeading', state.fileName)}</h4>
          <DiffSummary diff={state.preview.diff} />
          {state.preview.signer === 'project' ? (
            <p class="signature-ok">{t.text('optionsSignedByProject')}</p>
          ) : (
            <div class="signature-warn">
              <p>
                {state.preview.signer === 'unsigned'
                  ? t.text('optionsUnsigned')
                  : state.preview.signer === 'feed-key'
                    ? t.text('optionsSignedByFeedKey')
                    : t.text('optionsSignedByOther', state.preview.signatureProblem ?? t.text('optionsUnknownKey'))}{' '}
                {t.text('optionsNotChecked', t.text('unofficialPack'))}
              </p>
              <div class="choice">
                <input type="checkbox" id="acceptUnofficial" checked={accepted} onChange={(e) => setAccepted(e.currentTarget.checked)} />
                <label for="acceptUnofficial">{t.text('optionsAcceptUnofficial')}</label>
              </div>
            </div>
          )}
          <p>
            <button type="button" class="primary" onClick={() => void confirm()} disabled={state.preview.signer !== 'project' && !accepted}>
              {t.text('optionsUseThisPack')}
            </button>{' '}
            <button type="button" onClick={() => setState({ step: 'idle' })}>
              {t.text('optionsCancel')}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}

function DiffSummary({ diff }: { diff: PackDiff }) {
  const t = useMessages();
  const dates = useDates();
  // `change` names the group for the page's tests and styles, whatever the language.
  const groups: { change: string; title: MessageKey; items: DiffItem[] }[] = [
    { change: 'added', title: 'optionsDiffAdded', items: diff.added },
    { change: 'changed', title: 'optionsDiffChanged', items: diff.changed },
    { change: 'removed', title: 'optionsDiffRemoved', items: diff.removed },
  ];
  return (
    <>
      <p>
        {t.parts(
          'optionsDiffVersions',
          diff.from.version,
          diff.to.version,
          <DateText date={dates.day(diff.from.asOf)} />,
          <strong>
            <DateText date={dates.day(diff.to.asOf)} />
          </strong>,
        )}
      </p>
      {groups.every(({ items }) => items.length === 0) && <p>{t.text('optionsDiffSame')}</p>}
      {groups.map(({ change, title, items }) => {
        if (items.length === 0) return null;
        const counts = countBySection(items);
        const summary = DIFF_SECTIONS.filter((s) => counts[s] > 0)
          .map((s) => t.count(SECTION_NAMES[s][1], counts[s]))
          .join(', ');
        return (
          <details key={change} class="diff-group" data-change={change}>
            <summary>{t.text(title, summary)}</summary>
            <ul>
              {items.slice(0, 200).map((item) => (
                <li key={`${item.section}:${item.id}`}>
                  {item.date && <DateText date={dates.day(item.date)} />} {item.label} <span class="hint">({t.text(SECTION_NAMES[item.section][0])})</span>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </>
  );
}
