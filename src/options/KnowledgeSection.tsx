/**
 * The options page's knowledge section: the pack in use, automatic updates from the signed feed, and importing a
 * pack from a file (checked, compared with the pack in use, and confirmed before it is used).
 */
import { useEffect, useState } from 'preact/hooks';
import type { PackPreview, PackStatus } from '../knowledge/pack-status';
import { DateText } from '../ui/facts';
import { readerDates } from '../cards/dates';
import type { PackInfo } from '../knowledge/active-pack';
import { countBySection, DIFF_SECTIONS, type DiffItem, type PackDiff } from '../knowledge/pack-diff';
import { FEED_LIMITS } from '../knowledge/pack-feed';
import { isFeedAddress, type Settings } from '../settings/settings';
import type { KnowledgeClient } from './knowledge-client';

interface Props {
  client: KnowledgeClient;
  settings: Settings;
  set: <K extends keyof Settings>(name: K, value: Settings[K]) => void;
}

const SECTION_NAMES: Record<DiffItem['section'], [string, string]> = {
  events: ['event', 'events'],
  stances: ['position', 'positions'],
  actors: ['person or state', 'people and states'],
  topics: ['topic', 'topics'],
};
const ORIGIN_NAMES: Record<PackInfo['origin'], string> = {
  bundled: 'comes with the extension',
  import: 'imported from a file',
  feed: 'from the update feed',
};

const count = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;
const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};
const dateTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function KnowledgeSection({ client, settings, set }: Props) {
  const [status, setStatus] = useState<PackStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    client
      .status()
      .then((s) => (setStatus(s), setError(null)))
      .catch((e: unknown) => setError(`The extension's background did not answer (${e instanceof Error ? e.message : String(e)}).`));
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
      <h2 id="knowledge-title">Knowledge</h2>
      {error && (
        <p class="load-error" role="alert">
          {error}
        </p>
      )}
      {!status && !error && <p aria-live="polite">Loading…</p>}
      {status && (
        <>
          {status.notice && (
            <div class="notice" role="alert">
              <p>{status.notice.message}</p>
              <button type="button" onClick={() => void client.dismissNotice()}>
                Dismiss
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

function ActivePackFacts({ status, onUseBundled }: { status: PackStatus; onUseBundled: () => void }) {
  const { active, bundled } = status;
  return (
    <div class="pack-in-use">
      <h3>In use</h3>
      <dl class="facts-list" data-testid="active-pack">
        <dt>Pack</dt>
        <dd>{active.title}</dd>
        <dt>Version</dt>
        <dd>
          {active.version}{' '}
          {active.official ? <span class="badge">official</span> : <span class="badge badge-warn">unofficial pack</span>}
        </dd>
        <dt>As of</dt>
        <dd>
          <DateText date={readerDates(active.asOf)} />
        </dd>
        <dt>Where from</dt>
        <dd>
          {ORIGIN_NAMES[active.origin]}
          {active.activatedAt ? `, in use since ${dateTime(active.activatedAt)}` : ''}
        </dd>
      </dl>
      {active.origin !== 'bundled' && (
        <p>
          <button type="button" onClick={onUseBundled}>
            Use the bundled pack again
          </button>{' '}
          <span class="hint">
            Version {bundled.version}, as of <DateText date={readerDates(bundled.asOf)} />.
          </span>
        </p>
      )}
    </div>
  );
}

function Updates({ client, status, settings, set }: { client: KnowledgeClient; status: PackStatus; settings: Settings; set: Props['set'] }) {
  const [message, setMessage] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  // From the live settings: the status was read before the reader may have changed the feed below.
  const origin = originOf(settings.feedUrl || status.feed.defaultUrl);
  const toggle = (on: boolean) => {
    setMessage(null);
    if (!origin) return setMessage('The feed address is not valid: correct it below first.');
    if (!on) {
      set('packUpdates', false);
      void client.releaseOrigin(origin);
      return;
    }
    // The permission request must be the first thing the click does: browsers refuse it after an await.
    void client.requestOrigin(origin).then(
      (granted) => {
        if (granted) set('packUpdates', true);
        else setMessage(`The browser did not allow the extension to reach ${origin}, so updates stay off.`);
      },
      (error: unknown) => setMessage(`The browser refused to ask for access to ${origin} (${error instanceof Error ? error.message : String(error)}), so updates stay off.`),
    );
  };
  const checkNow = () => {
    setChecking(true);
    void client
      .checkNow()
      .catch((e: unknown) => setMessage(`The check failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => setChecking(false));
  };
  const last = status.lastCheck;
  return (
    <div class="updates">
      <h3>Automatic updates</h3>
      <div class="choice">
        <input type="checkbox" role="switch" id="packUpdates" checked={settings.packUpdates} aria-describedby="packUpdates-hint" onChange={(e) => toggle(e.currentTarget.checked)} />
        <label for="packUpdates">Check for newer knowledge once a day</label>
      </div>
      <p id="packUpdates-hint" class="hint indented">
        Off until you turn it on. When on, the extension asks {origin ?? 'the feed'} once a day for a small file that names the newest pack,
        and downloads the pack only when it is newer. Nothing about you or the pages you read is sent. Packs must carry a valid signature;
        anything else is refused and the pack in use is kept. Turning this on asks your browser for access to that one address.
      </p>
      {message && (
        <p class="field-error indented" role="alert">
          {message}
        </p>
      )}
      <p class="indented">
        <button type="button" onClick={checkNow} disabled={!settings.packUpdates || checking} aria-describedby="last-check">
          {checking ? 'Checking…' : 'Check now'}
        </button>
      </p>
      <p id="last-check" class="indented last-check" aria-live="polite">
        {last ? (
          <>
            Last check: {dateTime(last.at)}. <span class={last.outcome === 'refused' || last.outcome === 'no-permission' ? 'check-problem' : ''}>{last.message}</span>
          </>
        ) : (
          'No check yet.'
        )}
      </p>
      <FeedSettings settings={settings} set={set} status={status} />
    </div>
  );
}

function FeedSettings({ settings, set, status }: { settings: Settings; set: Props['set']; status: PackStatus }) {
  const [url, setUrl] = useState(settings.feedUrl);
  const [key, setKey] = useState(settings.feedKey);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setUrl(settings.feedUrl), [settings.feedUrl]);
  useEffect(() => setKey(settings.feedKey), [settings.feedKey]);
  const save = (event: Event) => {
    event.preventDefault();
    const cleanUrl = url.trim();
    const cleanKey = key.trim();
    if (cleanUrl && !isFeedAddress(cleanUrl)) return setProblem('The feed address must start with https:// (or http://127.0.0.1 for a feed on this computer).');
    if (cleanKey && !/^[A-Za-z0-9+/]{43}=$/.test(cleanKey)) return setProblem('The public key must be 44 characters of base64, as pack:keygen prints it.');
    setProblem(null);
    // A new address needs its own permission: updates go off until the reader turns them on for it.
    if (cleanUrl !== settings.feedUrl && settings.packUpdates) set('packUpdates', false);
    set('feedUrl', cleanUrl);
    set('feedKey', cleanKey);
  };
  return (
    <details class="indented feed-settings">
      <summary>Use another feed</summary>
      <form onSubmit={save}>
        <p class="hint">For someone who publishes their own packs. Leave both empty for the project's feed ({status.feed.defaultUrl}).</p>
        <label for="feedUrl">Feed address</label>
        <input id="feedUrl" type="url" value={url} placeholder={status.feed.defaultUrl} onInput={(e) => setUrl(e.currentTarget.value)} />
        <label for="feedKey">The feed's public key</label>
        <input id="feedKey" type="text" spellcheck={false} value={key} placeholder="the project's key" onInput={(e) => setKey(e.currentTarget.value)} />
        {problem && (
          <p class="field-error" role="alert">
            {problem}
          </p>
        )}
        <p>
          <button type="submit">Save feed</button>
        </p>
        <p class="hint">Packs signed with another key than the project's are labelled “unofficial pack”.</p>
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
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [accepted, setAccepted] = useState(false);
  const choose = async (files: FileList | null) => {
    setAccepted(false);
    const list = [...(files ?? [])];
    const packFile = list.find((f) => !f.name.endsWith('.sig'));
    const signatureFile = list.find((f) => f.name.endsWith('.sig'));
    if (!packFile) return setState({ step: 'error', message: 'Choose the pack file (.json), and its signature file (.sig) if you have it.' });
    if (packFile.size > FEED_LIMITS.packBytes) return setState({ step: 'error', message: `${packFile.name} is larger than the ${FEED_LIMITS.packBytes / 1024 / 1024} MB a pack may be.` });
    setState({ step: 'reading' });
    const text = await packFile.text();
    const signature = signatureFile ? (await signatureFile.text()).trim() : null;
    const preview = await client.preview(text, signature);
    if (!preview.ok) return setState({ step: 'error', message: `${packFile.name} cannot be used: ${preview.problems.length} problem${preview.problems.length === 1 ? '' : 's'}. Nothing was changed.`, problems: preview.problems });
    setState({ step: 'preview', text, signature, fileName: packFile.name, preview });
  };
  const confirm = async () => {
    if (state.step !== 'preview') return;
    const reply = await client.activate(state.text, state.signature, accepted);
    if (reply.ok) setState({ step: 'done', info: reply.info });
    else setState({ step: 'error', message: reply.message, ...(reply.problems ? { problems: reply.problems } : {}) });
  };
  return (
    <div class="import">
      <h3>Import a pack from a file</h3>
      <label for="packFile">Pack file (.json), with its signature (.json.sig) if you have it</label>
      <input id="packFile" type="file" accept=".json,.sig,application/json" multiple onChange={(e) => void choose(e.currentTarget.files)} />
      <div aria-live="polite">
        {state.step === 'reading' && <p>Checking the pack…</p>}
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
                {state.problems.length > 50 && <li>…and {state.problems.length - 50} more.</li>}
              </ul>
            )}
          </div>
        )}
        {state.step === 'done' && (
          <p class="import-done">
            Now in use: version {state.info.version}, as of {readerDates(state.info.asOf).text}
            {state.info.official ? '.' : ' (unofficial pack).'}
          </p>
        )}
      </div>
      {state.step === 'preview' && (
        <div class="import-preview" aria-labelledby="preview-title">
          <h4 id="preview-title">What {state.fileName} would change</h4>
          <DiffSummary diff={state.preview.diff} />
          {state.preview.signer === 'project' ? (
            <p class="signature-ok">Signed with the project's key: an official pack.</p>
          ) : (
            <div class="signature-warn">
              <p>
                {state.preview.signer === 'unsigned'
                  ? 'This pack has no signature.'
                  : state.preview.signer === 'feed-key'
                    ? 'This pack is signed with your own feed\u2019s key, not the project\u2019s.'
                    : `Its signature is not the project's: ${state.preview.signatureProblem ?? 'unknown key'}.`}{' '}
                Its content was not checked by the project. It will be labelled “unofficial pack” wherever its date is shown.
              </p>
              <div class="choice">
                <input type="checkbox" id="acceptUnofficial" checked={accepted} onChange={(e) => setAccepted(e.currentTarget.checked)} />
                <label for="acceptUnofficial">I understand, use this unofficial pack</label>
              </div>
            </div>
          )}
          <p>
            <button type="button" class="primary" onClick={() => void confirm()} disabled={state.preview.signer !== 'project' && !accepted}>
              Use this pack
            </button>{' '}
            <button type="button" onClick={() => setState({ step: 'idle' })}>
              Cancel
            </button>
          </p>
        </div>
      )}
    </div>
  );
}

function DiffSummary({ diff }: { diff: PackDiff }) {
  const groups: [string, DiffItem[]][] = [
    ['Added', diff.added],
    ['Changed', diff.changed],
    ['Removed', diff.removed],
  ];
  return (
    <>
      <p>
        Version {diff.from.version} → {diff.to.version}. As of <DateText date={readerDates(diff.from.asOf)} /> →{' '}
        <strong>
          <DateText date={readerDates(diff.to.asOf)} />
        </strong>
        .
      </p>
      {groups.every(([, items]) => items.length === 0) && <p>It has the same events, positions, people and topics as the pack in use.</p>}
      {groups.map(([title, items]) => {
        if (items.length === 0) return null;
        const counts = countBySection(items);
        const summary = DIFF_SECTIONS.filter((s) => counts[s] > 0)
          .map((s) => count(counts[s], SECTION_NAMES[s]))
          .join(', ');
        return (
          <details key={title} class="diff-group" data-change={title.toLowerCase()}>
            <summary>
              {title}: {summary}
            </summary>
            <ul>
              {items.slice(0, 200).map((item) => (
                <li key={`${item.section}:${item.id}`}>
                  {item.date && <DateText date={readerDates(item.date)} />} {item.label} <span class="hint">({SECTION_NAMES[item.section][0]})</span>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </>
  );
}
