/**
 * The keyboard route to the page's mentions: the shortcuts in force, read from the browser each time the popup
 * opens (the reader may have changed or removed them), and where to change them.
 */
import { useEffect, useState } from 'preact/hooks';

/** One command as the browser reports it (`commands.getAll()`); an empty or missing shortcut means none is set. */
export interface CommandShortcut {
  name?: string;
  shortcut?: string;
}

/** Where the browser lets the reader change an extension's shortcuts, and a way to open it. */
export interface ShortcutSettings {
  /** Shown as it is, e.g. "chrome://extensions/shortcuts". */
  place: string;
  open: () => void;
}

/** Our commands (the manifest's `commands`), in the order the line names them. */
const COMMANDS = [
  ['next-mention', 'next'],
  ['previous-mention', 'previous'],
] as const;

/** The browser's names for keys, as they are printed on a keyboard. */
const KEY_LABELS: Record<string, string> = { Period: '.', Comma: ',', MacCtrl: 'Ctrl', Command: '⌘' };

function Keys({ shortcut }: { shortcut: string }) {
  const keys = shortcut.split('+').map((key) => KEY_LABELS[key] ?? key);
  return (
    <span class="keys">
      {keys.map((key, i) => (
        <>
          {i > 0 ? '+' : null}
          <kbd>{key}</kbd>
        </>
      ))}
    </span>
  );
}

/**
 * `getShortcuts` answers null where the browser has no keyboard commands (then the line is not shown at all).
 */
export function ShortcutLine({ getShortcuts, settings }: { getShortcuts: () => Promise<CommandShortcut[] | null>; settings: ShortcutSettings }) {
  const [commands, setCommands] = useState<CommandShortcut[] | null>(null);
  useEffect(() => {
    getShortcuts().then(setCommands, () => setCommands(null));
  }, []);
  if (!commands) return null;
  const ours = COMMANDS.map(([name, label]) => ({ label, shortcut: commands.find((c) => c.name === name)?.shortcut?.trim() ?? '' }));
  const set = ours.filter((c) => c.shortcut);
  const unset = ours.filter((c) => !c.shortcut);
  const place = (
    <button type="button" class="link" onClick={settings.open}>
      {settings.place}
    </button>
  );
  return (
    <p class="shortcuts meta" data-testid="shortcuts">
      {set.length ? (
        <>
          Keyboard:{' '}
          {set.map((c, i) => (
            <>
              {i > 0 ? ', ' : null}
              <Keys shortcut={c.shortcut} /> {c.label} mention
            </>
          ))}
          .{' '}
        </>
      ) : null}
      {unset.length === 0 ? (
        <>Change them at {place}.</>
      ) : unset.length === ours.length ? (
        <>No keyboard shortcut is set for the next or previous mention: set them at {place}.</>
      ) : (
        <>
          No keyboard shortcut is set for the {unset.map((c) => c.label).join(' or ')} mention: set one at {place}.
        </>
      )}
    </p>
  );
}
