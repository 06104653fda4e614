/**
 * One flow per action at a time: from its first prompt to its last message, a money flow (the palette's, a
 * tree item's, a panel's or a chat tool's) holds its action, and a second invocation of the same action does
 * not start another flow (which could end in a second order) but says that one is open. No `vscode` import.
 */
const open = new Set<string>();

/** Told when a second invocation finds the action's flow open (the extension shows it, or the chat tool says it). */
let busy: (action: string) => void = () => undefined;

/** Sets what a refused second invocation does (./money says so); returns a function that puts back the previous one. */
export function onFlowBusy(handler: (action: string) => void): () => void {
  const previous = busy;
  busy = handler;
  return () => {
    busy = previous;
  };
}

/**
 * Wraps a flow so that only one of `action` runs at a time; a second call while it runs resolves false at once,
 * having said so through `onFlowBusy`.
 */
export function oneAtATime<A extends unknown[]>(action: string, flow: (...args: A) => Promise<boolean>): (...args: A) => Promise<boolean> {
  return async (...args: A) => {
    if (open.has(action)) {
      busy(action);
      return false;
    }
    open.add(action);
    try {
      return await flow(...args);
    } finally {
      open.delete(action);
    }
  };
}

/** The actions whose flows are open now (for tests and the log). */
export function openFlows(): string[] {
  return [...open];
}
