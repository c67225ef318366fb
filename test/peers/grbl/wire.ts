// Wire-rate emulation: a UART at 115200 baud with 8N1 framing moves 10 bits per byte, 11,520 bytes a
// second each way. Over a pty bytes cross instantly; the pacer gives them back at the wire's rate so
// the benchmark measures the protocol against the real link's limit.

export class WirePacer {
  private readonly chunks: Uint8Array[] = [];
  private offset = 0;
  private queued = 0;
  private credit = 0;
  private last = 0;
  private readonly bytesPerMs: number;

  constructor(baud: number) {
    this.bytesPerMs = baud / 10 / 1000;
  }

  get pending(): number {
    return this.queued;
  }

  push(bytes: Uint8Array, now: number): void {
    if (bytes.length === 0) return;
    if (this.queued === 0) {
      // An idle line: the first byte still takes its 10 bit times to arrive.
      this.last = now;
      this.credit = 0;
    }
    this.chunks.push(bytes);
    this.queued += bytes.length;
  }

  /** The bytes that have finished crossing the wire by `now`. */
  take(now: number): Uint8Array | null {
    if (this.queued === 0) return null;
    this.credit += (now - this.last) * this.bytesPerMs;
    this.last = now;
    // The epsilon keeps 0.9999999 (float rounding of a whole byte's time) from stalling the clock.
    const n = Math.min(Math.floor(this.credit + 1e-9), this.queued);
    if (n <= 0) return null;
    this.credit -= n;
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const head = this.chunks[0]!;
      const take = Math.min(n - filled, head.length - this.offset);
      out.set(head.subarray(this.offset, this.offset + take), filled);
      filled += take;
      this.offset += take;
      if (this.offset === head.length) {
        this.chunks.shift();
        this.offset = 0;
      }
    }
    this.queued -= n;
    if (this.queued === 0) this.credit = 0;
    return out;
  }

  /** When the next byte will have arrived, or null when nothing is on the wire. */
  nextAt(now: number): number | null {
    if (this.queued === 0) return null;
    const credit = this.credit + (now - this.last) * this.bytesPerMs;
    return credit + 1e-9 >= 1 ? now : now + Math.max((1 - credit) / this.bytesPerMs, 1e-3);
  }

  clear(): void {
    this.chunks.length = 0;
    this.offset = 0;
    this.queued = 0;
    this.credit = 0;
  }
}
