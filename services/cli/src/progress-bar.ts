/** A one-line progress bar on a terminal's stderr; redraws at most every `intervalMs`. */
export class ProgressBar {
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly total: number,
    private readonly label: string,
    private readonly intervalMs = 150,
  ) {}

  update(done: number, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < this.intervalMs) return;
    this.lastDraw = now;
    const width = 30;
    const ratio = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const filled = Math.round(ratio * width);
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const rate = Math.round(done / seconds);
    this.stream.write(
      `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ` +
        `${done.toLocaleString('en')}/${this.total.toLocaleString('en')} ${this.label} ${rate.toLocaleString('en')}/s `,
    );
  }

  finish(done: number): void {
    this.update(done, true);
    this.stream.write('\n');
  }
}
