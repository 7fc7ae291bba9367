import ora, { type Ora } from 'ora';
import { colourWanted } from './colour';

/**
 * One status line on a terminal: the scenario running and for how long. ora keeps quiet when
 * stderr is not an interactive terminal or CI is set, so logs and CI output stay clean.
 */
export class LiveProgress {
  private readonly enabled = Boolean(process.stderr.isTTY) && !process.env.CI;
  // No colour for the spinner either where NO_COLOR asks for none (ora's chalk does not read it).
  private readonly spinner: Ora = ora({ stream: process.stderr, isEnabled: this.enabled, ...(colourWanted(process.stderr) ? {} : { color: undefined }) });
  private timer?: NodeJS.Timeout;

  start(name: string): void {
    if (!this.enabled) return; // a disabled ora would still print each text once
    const started = Date.now();
    const render = () => (this.spinner.text = `${name} (${Math.round((Date.now() - started) / 1000)} s)`);
    this.stop();
    render();
    this.spinner.start();
    this.timer = setInterval(render, 1000);
  }

  /** Clears the status line before a result line is printed. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.spinner.stop();
  }
}
