// A tiny typed emitter for drivers and the runner. Listener lists are copied on change, not on emit:
// `acked` fires once per streamed line, so emitting must not allocate.
export class Emitter<E extends { [K in keyof E]: (...args: never[]) => void }> {
  private readonly listeners = new Map<keyof E, ReadonlyArray<E[keyof E]>>();

  on<K extends keyof E>(event: K, listener: E[K]): () => void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return () => this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
  }

  emit<K extends keyof E>(event: K, ...args: Parameters<E[K]>): void {
    const list = this.listeners.get(event);
    if (!list) return;
    for (let i = 0; i < list.length; i++) (list[i] as (...a: Parameters<E[K]>) => void)(...args);
  }
}
