// The simulated planner: Grbl's ring of 15 blocks (BLOCK_BUFFER_SIZE 16, one kept free), executed one
// after the other at their programmed speed scaled by the overrides. No look-ahead: a block takes
// length ÷ speed; an optional start-from-rest penalty stands in for acceleration.

export type Axes = [number, number, number];

export interface Block {
  /** Machine coordinates at the end of the block. */
  target: Axes;
  lengthMm: number;
  /** Duration at 100 % override, ms (time scale applied). */
  nominalMs: number;
  /** Speed at 100 % override, mm/min. */
  speedMmMin: number;
  kind: 'feed' | 'rapid' | 'jog';
}

export class Planner {
  readonly blocks: Block[] = [];
  /** Where the head block started; the current position when the planner is empty. */
  position: Axes = [0, 0, 0];
  feedOverride = 100;
  rapidOverride = 100;
  /** Feed hold complete: blocks stay queued and nothing moves. */
  held = false;
  private running = false;
  /** Nominal ms of the head block already done before `segmentStart`. */
  private progress = 0;
  private segmentStart = 0;

  constructor(readonly capacity: number) {}

  get free(): number {
    return this.capacity - this.blocks.length;
  }

  get moving(): boolean {
    return this.running && this.blocks.length > 0;
  }

  private rate(b: Block): number {
    if (b.kind === 'rapid') return this.rapidOverride / 100;
    if (b.kind === 'jog') return 1;
    return this.feedOverride / 100;
  }

  push(block: Block, now: number): void {
    this.blocks.push(block);
    if (!this.running && !this.held) {
      this.running = true;
      this.segmentStart = now;
      this.progress = 0;
    }
  }

  /** Completes every block whose end is at or before `now`; returns how many. */
  advance(now: number): number {
    let done = 0;
    while (this.running && this.blocks.length > 0) {
      const head = this.blocks[0]!;
      const end = this.segmentStart + (head.nominalMs - this.progress) / this.rate(head);
      if (end > now) break;
      this.position = head.target;
      this.blocks.shift();
      this.progress = 0;
      this.segmentStart = end;
      done++;
    }
    if (this.blocks.length === 0) this.running = false;
    return done;
  }

  nextEventAt(): number | null {
    if (!this.running || this.blocks.length === 0) return null;
    const head = this.blocks[0]!;
    return this.segmentStart + (head.nominalMs - this.progress) / this.rate(head);
  }

  private fraction(now: number): number {
    const head = this.blocks[0];
    if (!head || head.nominalMs <= 0) return 0;
    const done = this.running ? this.progress + (now - this.segmentStart) * this.rate(head) : this.progress;
    return Math.min(1, Math.max(0, done / head.nominalMs));
  }

  positionAt(now: number): Axes {
    const head = this.blocks[0];
    if (!head) return [...this.position];
    const f = this.fraction(now);
    const p = this.position;
    return [p[0] + (head.target[0] - p[0]) * f, p[1] + (head.target[1] - p[1]) * f, p[2] + (head.target[2] - p[2]) * f];
  }

  /** Current speed in mm/min (0 when stopped). */
  speedAt(): number {
    const head = this.blocks[0];
    if (!head || !this.running) return 0;
    return head.speedMmMin * this.rate(head);
  }

  /** Folds the time spent so far into the head's progress, so a rate change applies from now on. */
  private snapshot(now: number): void {
    const head = this.blocks[0];
    if (head && this.running) this.progress += (now - this.segmentStart) * this.rate(head);
    this.segmentStart = now;
  }

  setOverride(kind: 'feed' | 'rapid', percent: number, now: number): void {
    this.snapshot(now);
    if (kind === 'feed') this.feedOverride = percent;
    else this.rapidOverride = percent;
  }

  hold(now: number): void {
    this.advance(now);
    this.snapshot(now);
    this.running = false;
    this.held = true;
  }

  release(now: number): void {
    this.held = false;
    if (this.blocks.length > 0 && !this.running) {
      this.running = true;
      this.segmentStart = now;
    }
  }

  /** Stops dead and forgets every block (reset, alarm, jog cancel); the position is where it stopped. */
  flush(now: number): void {
    this.position = this.positionAt(now);
    this.blocks.length = 0;
    this.progress = 0;
    this.running = false;
    this.held = false;
  }
}
