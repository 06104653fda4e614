/**
 * The workbench forwards everything it logs (its own chatter and the extension host's console) through
 * `codeAutomationLog`. Offline, the workbench keeps reporting that it cannot reach the marketplace, that no
 * account is signed in, and so on. Those lines, and the stack frames under them, are kept in the log file
 * but not printed, so that what reaches the terminal is the test runner's output.
 */
const HARMLESS = [
  /^\[AgentHost/,
  /^\[AccountPolicyGate\]/,
  /^\[Service Worker\]/,
  /^Creating a socket \(/,
  /getaddrinfo (ENOTFOUND|EAI_AGAIN) /,
  /^\[Extension Host\] \[otel/,
  /^Ignoring the error while validating workspace folder/,
];

export class WorkbenchLogFilter {
  private inHarmlessBlock = false;

  /** True when the line should be printed. */
  accept(line: string): boolean {
    if (HARMLESS.some((pattern) => pattern.test(line))) {
      this.inHarmlessBlock = true;
      return false;
    }
    if (this.inHarmlessBlock && /^\s+at /.test(line)) {
      return false;
    }
    this.inHarmlessBlock = false;
    return true;
  }
}
