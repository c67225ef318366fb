// The things entries point at, found by id or code, and who pays: a member (with the category, plan and
// joining date that price their charges) or an anonymous visitor at the shop counter.
import { DomainError } from '../../api/errors';
import type { NamedRef } from '../../api/models';
import type { Db } from '../../store/db';
import type { MaterialUnit } from './units';

export interface MachineRef {
  id: string;
  code: string;
  name: string;
  kind: string;
  connection: 'serial' | 'manual';
  firmware: string | null;
}

export interface MaterialRef {
  id: string;
  code: string;
  kind: 'filament' | 'sheet' | 'vinyl' | 'thermoforming';
  name_fr: string;
  name_en: string;
  unit: MaterialUnit;
  low_stock_qty: number | null;
}

export interface ShopItemRef {
  id: string;
  code: string;
  name_fr: string;
  name_en: string;
  unit: 'item';
  low_stock_qty: number | null;
  active: number;
}

export function machineRef(db: Db, idOrCode: string): MachineRef | undefined {
  return db
    .prepare('SELECT id, code, name, kind, connection, firmware FROM machines WHERE (id = ? OR code = ?) AND active = 1')
    .get(idOrCode, idOrCode) as MachineRef | undefined;
}

export function materialRef(db: Db, idOrCode: string): MaterialRef | undefined {
  return db
    .prepare('SELECT id, code, kind, name_fr, name_en, unit, low_stock_qty FROM materials WHERE id = ? OR code = ?')
    .get(idOrCode, idOrCode) as MaterialRef | undefined;
}

export function shopItemRef(db: Db, idOrCode: string): ShopItemRef | undefined {
  return db
    .prepare('SELECT id, code, name_fr, name_en, unit, low_stock_qty, active FROM shop_items WHERE id = ? OR code = ?')
    .get(idOrCode, idOrCode) as ShopItemRef | undefined;
}

export function requireMachine(db: Db, idOrCode: string): MachineRef {
  const m = machineRef(db, idOrCode);
  if (!m) throw new DomainError('not_found', { what: 'machine' });
  return m;
}

export function requireMaterial(db: Db, idOrCode: string): MaterialRef {
  const m = materialRef(db, idOrCode);
  if (!m) throw new DomainError('not_found', { what: 'material' });
  return m;
}

export function machineNamed(m: MachineRef): NamedRef {
  return { id: m.id, code: m.code, name: { fr: m.name, en: m.name } };
}

export function materialNamed(m: { id: string; code: string; name_fr: string; name_en: string }): NamedRef {
  return { id: m.id, code: m.code, name: { fr: m.name_fr, en: m.name_en } };
}

/** Who an entry is for. Members carry what prices their charges; a visitor pays the plain price. */
export interface Payer {
  memberId: string | null;
  visitorLabel: string | null;
  categoryId: string | null;
  categoryCode: string | null;
  /** When the member joined (their first month may be free). */
  joinedAt: string | null;
  planId: string | null;
  planCode: string | null;
  coversCoworking: boolean;
}

/** `includeErased`: a closed account's job still ends and is still accounted for, against its anonymous id. */
export function memberPayer(db: Db, memberId: string, includeErased = false): Payer {
  const r = db
    .prepare(
      `SELECT m.id, m.created_at, m.profile_category_id, c.code AS category, m.plan_id, p.code AS plan, COALESCE(p.covers_coworking, 0) AS covers
       FROM members m JOIN profile_categories c ON c.id = m.profile_category_id LEFT JOIN plans p ON p.id = m.plan_id
       WHERE m.id = ? AND (m.erased_at IS NULL OR ?)`,
    )
    .get(memberId, includeErased ? 1 : 0) as
    | { id: string; created_at: string; profile_category_id: string; category: string; plan_id: string | null; plan: string | null; covers: number }
    | undefined;
  if (!r) throw new DomainError('not_found', { what: 'member' });
  return {
    memberId: r.id,
    visitorLabel: null,
    categoryId: r.profile_category_id,
    categoryCode: r.category,
    joinedAt: r.created_at,
    planId: r.plan_id,
    planCode: r.plan,
    coversCoworking: r.covers === 1,
  };
}

export function visitorPayer(label: string): Payer {
  return { memberId: null, visitorLabel: label, categoryId: null, categoryCode: null, joinedAt: null, planId: null, planCode: null, coversCoworking: false };
}
