// Write coalescing for the per-call statements of /mcp (application-level group commit). Calls hand their item to a
// Coalescer; while fewer than `maxInFlight` statements run, the items gathered so far go out together as one
// statement, and the items arriving meanwhile wait for the next one, which leaves as soon as a statement ends and
// the event loop has handled the I/O ready at that moment. No timer: a lone call goes out at once (no added latency
// when idle), and batches grow only with load, when each saved round trip and commit matters most.
// Each caller still gets its own outcome: a batch whose statement certainly wrote nothing is retried item by item,
// so one bad item never fails its neighbours and every error reaches exactly the callers it concerns.

export interface CoalescerOptions<I> {
  /** Most items in one statement. */
  maxBatch: number;
  /** Most statements running at once for this coalescer. */
  maxInFlight: number;
  /** With `weight`: the most total weight in one statement (a heavier item still goes, alone). */
  maxWeight?: number;
  /** An item's weight, e.g. its estimated size in bytes (default 1). */
  weight?: (item: I) => number;
  /**
   * Whether a failed statement certainly wrote nothing, so its items may be retried one by one (default: always).
   * When it is not certain (e.g. the connection dropped during the commit), every item of the batch fails instead.
   */
  retryable?: (error: unknown) => boolean;
}

interface Waiting<I, O> {
  item: I;
  resolve: (o: O) => void;
  reject: (e: unknown) => void;
}

export class Coalescer<I, O> {
  private queue: Waiting<I, O>[] = [];
  private inFlight = 0;
  private scheduled = false;

  /** `run` gets the items of one batch and returns one outcome per item, in order. */
  constructor(private readonly run: (items: I[]) => Promise<O[]>, private readonly opts: CoalescerOptions<I>) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled) {
        // Items submitted in the same turn of the event loop leave together.
        this.scheduled = true;
        queueMicrotask(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /** Statements running now (for tests and diagnostics). */
  get running(): number {
    return this.inFlight;
  }

  private pump(): void {
    while (this.inFlight < this.opts.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.batchLength());
      this.inFlight++;
      void this.flush(batch).finally(() => {
        this.inFlight--;
        // The next statement leaves once the event loop has handled the I/O that is ready now (setImmediate runs
        // after the poll phase): the calls answered by that I/O join it instead of waiting for the one after.
        setImmediate(() => this.pump());
      });
    }
  }

  /** How many of the queued items the next statement takes: up to maxBatch, and up to maxWeight (at least one). */
  private batchLength(): number {
    const { maxBatch, maxWeight, weight } = this.opts;
    const n = Math.min(maxBatch, this.queue.length);
    if (!weight || maxWeight === undefined) return n;
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += weight(this.queue[i]!.item);
      if (total > maxWeight) return Math.max(1, i);
    }
    return n;
  }

  private async flush(batch: Waiting<I, O>[]): Promise<void> {
    let outcomes: O[];
    try {
      outcomes = await this.run(batch.map((w) => w.item));
      if (outcomes.length !== batch.length) throw new Error(`coalesced statement returned ${outcomes.length} outcomes for ${batch.length} items`);
    } catch (e) {
      if (batch.length === 1 || (this.opts.retryable && !this.opts.retryable(e))) {
        for (const w of batch) w.reject(e);
        return;
      }
      await Promise.all(batch.map(async (w) => {
        try {
          const [one] = await this.run([w.item]);
          w.resolve(one as O);
        } catch (err) {
          w.reject(err);
        }
      }));
      return;
    }
    batch.forEach((w, i) => w.resolve(outcomes[i]!));
  }
}
