/**
 * One line of progress on stderr (rewritten in place on a terminal, a line every few seconds otherwise): rows
 * written of the expected total, the rate, and what is being written.
 */
export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private lastDraw = 0;
  private readonly tty = process.stderr.isTTY === true;

  constructor(
    private readonly label: string,
    private total: number,
    private readonly enabled = true,
  ) {}

  add(rows: number, what: string): void {
    this.done += rows;
    if (this.done > this.total) this.total = this.done;
    const now = Date.now();
    if (now - this.lastDraw < (this.tty ? 200 : 5000)) return;
    this.lastDraw = now;
    this.draw(what);
  }

  finish(what = 'done'): void {
    this.draw(what);
    if (this.enabled && this.tty) process.stderr.write('\n');
  }

  private draw(what: string): void {
    if (!this.enabled) return;
    const seconds = (Date.now() - this.started) / 1000;
    const share = this.total > 0 ? Math.min(100, Math.floor((100 * this.done) / this.total)) : 100;
    const width = 24;
    const bar = '#'.repeat(Math.round((share / 100) * width)).padEnd(width, '.');
    const line = `${this.label} [${bar}] ${share}% ${this.done.toLocaleString('en')} rows, ${Math.round(this.done / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s, ${seconds.toFixed(0)} s: ${what}`;
    process.stderr.write(this.tty ? `\r${line.padEnd(120).slice(0, Math.max(120, line.length))}` : `${line}\n`);
  }
}
