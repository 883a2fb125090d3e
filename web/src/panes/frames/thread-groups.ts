// The frames pane's view of a program with threads: one group per live Python thread,
// headed by its name and state, holding that thread's call stack. The thread the
// program is paused in comes first and is marked; the others follow in start order.
import { t } from '../../i18n';
import type { ThreadView } from '../../vm/debug-protocol';

/** Draws one thread's call stack (innermost first) into its group. */
export type StackCards = (thread: ThreadView) => HTMLElement[];

export function threadGroups(threads: ThreadView[], stackCards: StackCards): HTMLElement[] {
  const ordered = [...threads.filter((th) => th.current), ...threads.filter((th) => !th.current)];
  return ordered.map((thread) => {
    const group = document.createElement('section');
    group.className = 'thread-group';
    group.classList.toggle('current', thread.current);
    group.dataset.threadSerial = String(thread.serial);
    group.dataset.threadState = thread.state;
    group.append(threadHeading(thread), ...stackCards(thread));
    return group;
  });
}

function threadHeading(thread: ThreadView): HTMLElement {
  const h = document.createElement('h3');
  h.className = 'thread-heading';
  const name = document.createElement('span');
  name.className = 'thread-name';
  name.textContent = thread.name;
  const state = document.createElement('span');
  state.className = 'thread-state';
  // The paused thread is running by definition; the others run or wait.
  const stateKey = thread.current ? 'framesThreadPaused' : thread.state === 'waiting' ? 'framesThreadWaiting' : 'framesThreadRunning';
  state.textContent = t(stateKey);
  h.append(name, state);
  return h;
}
