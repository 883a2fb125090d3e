// The messages reveal.js sends to an iframe on a slide: the plain string
// 'slide:start' / 'slide:stop' (what its "generic postMessage API" posts),
// also accepted in the {namespace: 'reveal', eventName} shape of its event
// bubbling, as an object or as JSON. Anything else is not ours: null.
export type RevealEvent = 'slide:start' | 'slide:stop';

const isRevealEvent = (value: unknown): value is RevealEvent => value === 'slide:start' || value === 'slide:stop';

export function revealEvent(data: unknown): RevealEvent | null {
  if (isRevealEvent(data)) return data;
  let message = data;
  if (typeof data === 'string' && data.startsWith('{')) {
    try {
      message = JSON.parse(data);
    } catch {
      return null;
    }
  }
  if (typeof message !== 'object' || message === null) return null;
  const { namespace, eventName } = message as Record<string, unknown>;
  return namespace === 'reveal' && isRevealEvent(eventName) ? eventName : null;
}
