// Back-end events on their way to the transports. `sessionId` targets one screen; absent, all of them.
import type { ApiEvent } from '../api/models';

export type EventListener = (event: ApiEvent, sessionId?: string) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ApiEvent, sessionId?: string): void {
    for (const l of this.listeners) l(event, sessionId);
  }
}
