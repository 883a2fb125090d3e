// The stepping contract between the C++ run controller (core/trace, exposed by
// wasm/bindings.cpp as JSON strings) and the page's panes. The C++ side emits
// exactly these shapes; vm-worker.ts parses them and forwards them unchanged, so
// a pane never sees a shape this file does not describe.

/** One instruction of a code object, as `dis` lists it (CACHE entries left out). */
export interface InstructionInfo {
  offset: number;
  opname: string;
  /** The oparg, absent for instructions that take none. */
  arg?: number;
  /** What `dis` prints in the argument column ('', 'x', 'to 24', '1 (b)'...). */
  argrepr: string;
  /** Source line, or null when the instruction has none (dis shows no number). */
  line: number | null;
  /** Set when a jump lands here: dis prints '>>' before such instructions. */
  isJumpTarget: boolean;
  /** For jumps: the offset they go to. */
  jumpTarget?: number;
}

/** One code object of the program (the module, each function, class body, comprehension). */
export interface CodeInfo {
  /** Index in ProgramInfo.codes; FrameView.code refers to it. */
  id: number;
  name: string;
  qualname: string;
  firstLine: number;
  instructions: InstructionInfo[];
}

/** Everything about a compiled program that does not change while it runs. */
export interface ProgramInfo {
  filename: string;
  /** codes[0] is the module; the rest in the order `dis` prints them. */
  codes: CodeInfo[];
}

/** A value as a pane shows it: its type and a repr cut to a sensible length. */
export interface ValueView {
  type: string;
  /** repr(value), truncated with '…' past ~120 characters; if __repr__ raised or
   *  ran too long, a description such as '<repr raised ValueError>'. */
  repr: string;
}

export interface NamedValue extends ValueView {
  name: string;
}

export interface FrameView {
  /** Stable for the life of the frame, so panes can animate the same frame. */
  id: number;
  kind: 'module' | 'function' | 'class' | 'generator' | 'coroutine' | 'async_generator';
  qualname: string;
  /** Index into ProgramInfo.codes. */
  code: number;
  /** Byte offset of the instruction about to run (or, for a suspended frame, to resume at). */
  offset: number;
  line: number | null;
  locals: NamedValue[];
  /** Cell and free variables, with '<empty>' style reprs for unbound cells. */
  cells: NamedValue[];
  /** The value stack, bottom first. */
  stack: ValueView[];
}

export interface ExceptionView {
  type: string;
  message: string;
  /** The handler the exception table picks in the innermost frame, if any. */
  handler?: { code: number; offset: number };
}

export type PauseReason =
  | 'start' // paused before the first instruction
  | 'step' // a step command completed
  | 'breakpoint'
  | 'budget' // the step budget ran out: the program is paused, not failed
  | 'pause' // the user asked to pause a running command (threaded build: the interrupt flag)
  | 'finished'; // the program ended (status says how)

/** A Python thread of a paused program that has started threads (debug sessions run
 *  them as green threads, so every thread's instructions are steps). */
export interface ThreadRef {
  /** 0 for the main thread, then 1, 2, ... in start order. */
  serial: number;
  /** threading's name ('MainThread', 'Thread-1 (work)', a name= given); 'Thread-<serial>'
   *  for a thread threading does not know (started with _thread, or not yet bootstrapped). */
  name: string;
}

export interface ThreadView extends ThreadRef {
  /** The thread the program is paused in (its frames are Snapshot.frames). */
  current: boolean;
  /** 'waiting': blocked in a lock, join, sleep or other wait; 'running': runnable, the
   *  scheduler switched away from it (or it is the current one). */
  state: 'running' | 'waiting';
  /** Its program frames, outermost first (FrameView.id is unique within one thread only). */
  frames: FrameView[];
}

export interface Snapshot {
  /** Instructions executed before this point: 0 at the start. Time travel addresses steps by this number.
   *  Every instruction of the program's own code objects is a step, so a frame's first
   *  stop is at its RESUME (after MAKE_CELL / COPY_FREE_VARS where it has them), as dis lists it. */
  step: number;
  reason: PauseReason;
  /** Line of the innermost frame (null when finished). */
  line: number | null;
  /** The call stack (of the paused thread), outermost first. Empty when finished. */
  frames: FrameView[];
  /** Generator and coroutine frames that exist but are not running, apart from the stack. */
  suspended: FrameView[];
  /** The exception being raised or handled in the innermost frame. */
  exception?: ExceptionView;
  /** How much stdout+stderr the program had written by this step, in UTF-16
   *  code units (a JavaScript string's length, as the transcript counts); the
   *  page keeps the transcript and shows this prefix after a step back. */
  outputLength: number;
  /** Set when reason is 'finished': 0 ok, 1 uncaught exception, 130 stopped. */
  status?: number;
  /** Only once the program has started a thread: the thread this step runs in. */
  thread?: ThreadRef;
  /** Only once the program has started a thread: every live Python thread, by serial. */
  threads?: ThreadView[];
}

export interface Breakpoint {
  line: number;
  /** A Python expression evaluated in the frame; the breakpoint fires when it is truthy. */
  condition?: string;
}

/** What the run controller should do next, from the current step. */
export type DebugCommand =
  | { kind: 'step-instruction' }
  | { kind: 'step-line' }
  | { kind: 'step-over' }
  | { kind: 'step-out' }
  | { kind: 'continue' }
  | { kind: 'back' } // one instruction back
  | { kind: 'goto'; step: number }; // any step, earlier or later
