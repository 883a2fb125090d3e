// Share links and embed options, both carried in the URL hash (never sent to a
// server). `#s=<lz-string>` holds the shared state: code, pane layout and the
// step to replay to. An embed URL adds its own flags beside it:
//   embed.html#s=…&panes=editor,bytecode,stack&readonly=1&autorun=1&theme=dark
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { PANE_IDS, type PaneId } from './events';

export interface SharedState {
  code: string;
  panes: PaneId[];
  step: number;
}

/** What the hash held: nothing to restore, a valid state, or a broken link. */
export type SharedLink = { kind: 'none' } | { kind: 'ok'; state: SharedState } | { kind: 'corrupt' };

const VERSION = 1;

const isPane = (value: unknown): value is PaneId => PANE_IDS.includes(value as PaneId);

export function encodeShare(state: SharedState): string {
  const payload = { v: VERSION, code: state.code, panes: state.panes, step: state.step };
  return `s=${compressToEncodedURIComponent(JSON.stringify(payload))}`;
}

export function decodeShare(hash: string): SharedLink {
  // URLSearchParams reads '+' (part of lz-string's URI alphabet) as a space.
  const packed = hashParams(hash).get('s')?.replace(/ /g, '+');
  if (packed === undefined) return { kind: 'none' };
  try {
    // lz-string returns null or '' (not an exception) for most garbage.
    const json = decompressFromEncodedURIComponent(packed);
    if (!json) return { kind: 'corrupt' };
    const data: unknown = JSON.parse(json);
    if (typeof data !== 'object' || data === null) return { kind: 'corrupt' };
    const { v, code, panes, step } = data as Record<string, unknown>;
    if (v !== VERSION || typeof code !== 'string' || !Array.isArray(panes)) return { kind: 'corrupt' };
    if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0) return { kind: 'corrupt' };
    return { kind: 'ok', state: { code, panes: panes.filter(isPane), step } };
  } catch {
    return { kind: 'corrupt' };
  }
}

/** The embed page's flags; the editor counts as a pane there (it can be left out). */
export interface EmbedOptions {
  panes: Array<PaneId | 'editor'> | null; // null: the shared layout
  readOnly: boolean;
  autorun: boolean;
  dark: boolean;
}

export function embedOptions(hash: string): EmbedOptions {
  const params = hashParams(hash);
  const flag = (name: string): boolean => ['1', 'true', 'yes'].includes(params.get(name) ?? '');
  const panes = params.get('panes');
  return {
    panes: panes === null
      ? null
      : panes.split(',').filter((p): p is PaneId | 'editor' => p === 'editor' || isPane(p)),
    readOnly: flag('readonly'),
    autorun: flag('autorun'),
    dark: params.get('theme') === 'dark',
  };
}

/**
 * `seed=N` in the hash: the green-thread scheduler's seed (pages that are not
 * cross-origin isolated run threads as green threads; the same seed replays the same
 * interleaving of a race). 0 when absent or not a whole number.
 */
export function threadSeed(hash: string): number {
  const value = Number(hashParams(hash).get('seed') ?? '0');
  return Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

function hashParams(hash: string): URLSearchParams {
  return new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
}
