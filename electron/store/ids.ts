// UUIDv7: time-ordered, so ids from several kiosks merge without collisions and still sort by creation.
import { v7 } from 'uuid';

export function newId(): string {
  return v7();
}
