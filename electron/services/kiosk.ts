// The place this kiosk stands in, as the welcome screen presents it.
import type { KioskInfo } from '../api/models';
import type { Store } from '../store';

interface SiteRow {
  name: string;
  town: string;
  currency: string;
  idle_timeout_s: number;
  content_json: string;
}

export function readSite(store: Store): SiteRow {
  const row = store.db.prepare('SELECT name, town, currency, idle_timeout_s, content_json FROM sites LIMIT 1').get() as
    | SiteRow
    | undefined;
  if (!row) throw new Error('the store has no site: it was not seeded');
  return row;
}

export function kioskInfo(store: Store, idleTimeoutS: number): KioskInfo {
  const site = readSite(store);
  const content = JSON.parse(site.content_json) as Omit<KioskInfo['place'], 'name' | 'town'>;
  return {
    kioskId: store.kioskId,
    place: { name: site.name, town: site.town, ...content },
    idleTimeoutS,
    currency: site.currency,
  };
}
