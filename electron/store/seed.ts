// First start: fill an empty store from assets/fablab.json, all in one transaction.
import { hashPin } from '../services/auth/pin';
import { nameKey } from '../services/auth/name-key';
import type { RowWriter } from './rows';
import { seedSchema, type SeedData } from './seed-schema';

export function isSeeded(writer: RowWriter): boolean {
  return writer.db.prepare('SELECT 1 FROM sites LIMIT 1').get() !== undefined;
}

/** Returns false when the store already holds a site (seeding never runs twice). */
export async function seedIfEmpty(writer: RowWriter, raw: unknown): Promise<boolean> {
  if (isSeeded(writer)) return false;
  const data: SeedData = seedSchema.parse(raw);
  // Hash outside the transaction: scrypt is slow and async, the transaction must be neither.
  const pinHashes = await Promise.all(data.demoMembers.map((m) => hashPin(m.pin)));
  if (isSeeded(writer)) return false;
  writer.transaction(() => {
    const { site } = data;
    writer.insert('sites', {
      code: site.code,
      name: site.name,
      town: site.town,
      currency: site.currency,
      first_month_free: site.firstMonthFree ? 1 : 0,
      idle_timeout_s: site.idleTimeoutS,
      content_json: JSON.stringify({
        tagline: site.tagline,
        description: site.description,
        offers: site.offers,
        openingHours: site.openingHours,
        events: site.events,
      }),
    });
    const categories = new Map<string, string>();
    data.profileCategories.forEach((c, sort) => {
      categories.set(c.code, writer.insert('profile_categories', { code: c.code, name_fr: c.name.fr, name_en: c.name.en, sort }));
    });
    const plans = new Map<string, string>();
    for (const p of data.plans) {
      plans.set(
        p.code,
        writer.insert('plans', {
          code: p.code,
          name_fr: p.name.fr,
          name_en: p.name.en,
          price_cents: p.priceCents,
          period: p.period,
          included_days: p.includedDays,
          covers_coworking: p.coworking ? 1 : 0,
          description_json: JSON.stringify(p.description),
        }),
      );
    }
    for (const m of data.materials) {
      writer.insert('materials', {
        code: m.code,
        kind: m.kind,
        name_fr: m.name.fr,
        name_en: m.name.en,
        unit: m.unit,
        price_cents: m.priceCents,
        stock_qty: m.stock,
        properties_json: JSON.stringify(m.properties),
      });
    }
    for (const m of data.machines) {
      writer.insert('machines', {
        code: m.code,
        name: m.name,
        kind: m.kind,
        model: m.model,
        connection: m.connection,
        firmware: m.firmware,
        port_path: m.portPath,
        baud: m.baud,
        usb_vendor_id: m.usb?.vendorId ?? null,
        usb_product_id: m.usb?.productId ?? null,
        usb_serial_number: m.usb?.serialNumber ?? null,
        work_x_mm: m.workArea?.x ?? null,
        work_y_mm: m.workArea?.y ?? null,
        work_z_mm: m.workArea?.z ?? null,
        limits_json: JSON.stringify(m.limits),
        required_module: m.requiredModule,
        rate_per_hour_cents: m.ratePerHourCents,
        description_json: JSON.stringify(m.description),
      });
    }
    data.demoMembers.forEach((m, i) => {
      const category = categories.get(m.profileCategory);
      if (!category) throw new Error(`seed: unknown profile category ${m.profileCategory}`);
      const plan = m.plan === null ? null : plans.get(m.plan);
      if (plan === undefined) throw new Error(`seed: unknown plan ${m.plan}`);
      writer.insert('members', {
        display_name: m.displayName,
        name_key: nameKey(m.displayName),
        profile_category_id: category,
        role: m.role,
        pin_hash: pinHashes[i]!,
        plan_id: plan,
      });
    });
  });
  return true;
}
