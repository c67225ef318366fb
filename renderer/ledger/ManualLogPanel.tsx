// Using a machine the kiosk does not drive (thermoformer, embroidery, sewing machine, 3D scanner):
// which machine, how many minutes, which material and how much. The price is quoted before anything
// is written. A member notes their own use; a trainer or a manager may note it for someone else.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, LedgerWriteResult, MemberSummary, Quote, ShopProduct } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { CheckIcon, ClockIcon, PencilIcon } from '../components/icons';
import { MachineIllustration } from '../components/MachineIllustration';
import { formatDuration, formatMoney, pick } from '../lib/format';
import { roleAtLeast } from '../lib/roles';
import { ErrorLine } from '../manage/ErrorLine';
import { useKiosk } from '../state/kiosk';
import { stepOf, stepQuantity } from '../shop/cart';
import { formatQuantity } from './amounts';
import { MemberPicker } from './MemberPicker';
import { Stepper } from './Stepper';
import { TextEntry } from './TextEntry';
import '../styles/ledger.css';

const minuteChips = [15, 30, 60, 90, 120] as const;
const minuteStep = 5;
const maxMinutes = 1440;
/** Which material kinds go with which machine kinds: they are offered first. */
const materialFor: Record<string, readonly string[]> = { thermoformer: ['thermoforming'] };

export function ManualLogPanel({ onLogged, forOthers = 'auto' }: { onLogged?(result: LedgerWriteResult): void; forOthers?: 'auto' | 'always' }) {
  const { t } = useTranslation();
  const { call, machines, member, lang, info } = useKiosk();
  const manual = useMemo(() => machines.filter((m) => m.connection === 'manual'), [machines]);
  const canLogForOthers = member !== null && roleAtLeast(member.role, 'trainer');
  const [who, setWho] = useState<'me' | 'other'>(forOthers === 'always' ? 'other' : 'me');
  const [other, setOther] = useState<MemberSummary | null>(null);
  const [machineId, setMachineId] = useState<string | null>(null);
  const [minutes, setMinutes] = useState(30);
  const [products, setProducts] = useState<ShopProduct[]>([]);
  const [materialId, setMaterialId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState(0);
  const [note, setNote] = useState('');
  const [noteOpen, setNoteOpen] = useState(false);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<LedgerWriteResult | null>(null);

  useEffect(() => {
    let live = true;
    call('shop.products', {})
      .then((list) => live && setProducts(list.filter((p) => p.type === 'material')))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [call]);

  const machine = manual.find((m) => m.id === machineId) ?? null;
  const material = products.find((p) => p.id === materialId) ?? null;
  const forId = who === 'other' ? (other?.id ?? null) : null;
  const ready = machine !== null && (minutes > 0 || (material !== null && quantity > 0)) && (who === 'me' || forId !== null);

  const sortedMaterials = useMemo(() => {
    const preferred = machine ? (materialFor[machine.kind] ?? []) : [];
    return [...products].sort((a, b) => Number(preferred.includes(b.kind)) - Number(preferred.includes(a.kind)));
  }, [products, machine]);

  // The price before it is written, as the member's profile and plan make it.
  useEffect(() => {
    setQuote(null);
    if (!machine || !ready) return;
    let live = true;
    const timer = window.setTimeout(() => {
      call('ledger.quote', {
        machineId: machine.id,
        durationS: minutes * 60,
        ...(material && quantity > 0 ? { materialId: material.id, quantity } : {}),
        ...(forId ? { memberId: forId } : {}),
      })
        .then((q) => live && setQuote(q))
        .catch(() => {});
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [call, machine, minutes, material, quantity, forId, ready]);

  if (manual.length === 0) return null;

  const pickMaterial = (p: ShopProduct | null) => {
    setMaterialId(p?.id ?? null);
    setQuantity(p ? Math.min(stepOf(p.unit), p.stock) : 0);
  };

  const submit = async () => {
    if (!machine) return;
    setBusy(true);
    setError(null);
    try {
      const result = await call('ledger.logManual', {
        machineId: machine.id,
        minutes,
        ...(material && quantity > 0 ? { materialId: material.id, quantity } : {}),
        ...(forId ? { memberId: forId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setDone(result);
      setNote('');
      setNoteOpen(false);
      onLogged?.(result);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const money = (c: number) => formatMoney(c, info.currency, lang);

  if (done) {
    const charged = -done.entries.reduce((s, e) => s + e.amountCents, 0);
    return (
      <section className="card manual-log manual-log-done" data-testid="manual-log-done" aria-live="polite">
        <h2>
          <CheckIcon /> {t('ledger.manual.doneTitle')}
        </h2>
        <p className="manual-log-done-line" data-testid="manual-log-charged" data-cents={charged}>
          {t('ledger.manual.doneLine', { amount: money(charged) })}
        </p>
        {done.balanceCents !== null ? <p className="muted">{t('ledger.manual.balanceAfter', { amount: money(done.balanceCents) })}</p> : null}
        <button type="button" className="btn btn-primary" data-testid="manual-log-again" onClick={() => setDone(null)}>
          <PencilIcon />
          <span>{t('ledger.manual.again')}</span>
        </button>
      </section>
    );
  }

  return (
    <section className="card manual-log" aria-labelledby="manual-log-title" data-testid="manual-log">
      <h2 id="manual-log-title">
        <ClockIcon /> {t('ledger.manual.title')}
      </h2>
      <p className="muted">{t('ledger.manual.lead')}</p>

      {canLogForOthers && forOthers === 'auto' ? (
        <div className="manual-log-step">
          <span className="field-label">{t('ledger.manual.forWhom')}</span>
          <div className="segmented" role="group" aria-label={t('ledger.manual.forWhom')}>
            <button type="button" aria-pressed={who === 'me'} data-testid="manual-log-me" onClick={() => setWho('me')}>
              {t('ledger.manual.forMe')}
            </button>
            <button type="button" aria-pressed={who === 'other'} data-testid="manual-log-other" onClick={() => setWho('other')}>
              {t('ledger.manual.forOther')}
            </button>
          </div>
        </div>
      ) : null}
      {who === 'other' ? <MemberPicker value={other} onChange={setOther} label={t('ledger.member.search')} testId="manual-log-member" /> : null}

      <div className="manual-log-step">
        <span className="field-label">
          <span className="step">1</span> {t('ledger.manual.machine')}
        </span>
        <div className="manual-machines" role="group" aria-label={t('ledger.manual.machine')}>
          {manual.map((m) => (
            <button key={m.id} type="button" className="pick-card manual-machine" aria-pressed={m.id === machineId} data-testid="manual-log-machine" data-code={m.code} onClick={() => setMachineId(m.id)}>
              <span className="pick-art">
                <MachineIllustration kind={m.kind} />
              </span>
              <span className="pick-name">{m.name}</span>
              <span className="pick-meta">{m.ratePerHourCents === 0 ? t('machines.free') : t('machines.perHour', { price: money(m.ratePerHourCents) })}</span>
            </button>
          ))}
        </div>
      </div>

      <div className="manual-log-row">
        <div className="manual-log-step">
          <span className="field-label">
            <span className="step">2</span> {t('ledger.manual.duration')}
          </span>
          <Stepper
            value={formatDuration(minutes * 60, lang)}
            label={t('ledger.manual.duration')}
            lessLabel={t('ledger.manual.lessTime', { minutes: minuteStep })}
            moreLabel={t('ledger.manual.moreTime', { minutes: minuteStep })}
            canLess={minutes > 0}
            canMore={minutes < maxMinutes}
            onLess={() => setMinutes((m) => Math.max(0, m - minuteStep))}
            onMore={() => setMinutes((m) => Math.min(maxMinutes, m + minuteStep))}
            testId="manual-log-minutes"
          />
          <div className="chips minute-chips">
            {minuteChips.map((c) => (
              <button key={c} type="button" className="chip" aria-pressed={minutes === c} onClick={() => setMinutes(c)}>
                {formatDuration(c * 60, lang)}
              </button>
            ))}
          </div>
        </div>

        <div className="manual-log-step">
          <span className="field-label">
            <span className="step">3</span> {t('ledger.manual.material')}
          </span>
          <div className="chips" role="group" aria-label={t('ledger.manual.material')}>
            <button type="button" className="chip" aria-pressed={materialId === null} data-testid="manual-log-material-none" onClick={() => pickMaterial(null)}>
              {t('ledger.manual.noMaterial')}
            </button>
            {sortedMaterials.map((p) => (
              <button key={p.id} type="button" className="chip" aria-pressed={p.id === materialId} data-testid="manual-log-material" data-code={p.id} disabled={p.stock <= 0} onClick={() => pickMaterial(p)}>
                {pick(p.name, lang)}
              </button>
            ))}
          </div>
          {material ? (
            <Stepper
              value={formatQuantity(quantity, material.unit, lang, t)}
              label={t('ledger.manual.quantity')}
              lessLabel={t('ledger.ui.less')}
              moreLabel={t('ledger.ui.more')}
              canLess={quantity > 0}
              canMore={quantity < material.stock}
              onLess={() => setQuantity((q) => stepQuantity(q, material, -1))}
              onMore={() => setQuantity((q) => stepQuantity(q, material, 1))}
              testId="manual-log-quantity"
            />
          ) : null}
        </div>
      </div>

      <div className="manual-log-note">
        {noteOpen ? (
          <TextEntry label={t('ledger.manual.note')} value={note} onChange={setNote} maxLength={300} testId="manual-log-note" keyboardOpen />
        ) : (
          <button type="button" className="btn btn-secondary" onClick={() => setNoteOpen(true)}>
            <PencilIcon />
            <span>{t('ledger.manual.addNote')}</span>
          </button>
        )}
      </div>

      <div className="manual-log-foot">
        <p className="manual-log-quote" data-testid="manual-log-quote" data-cents={quote?.totalCents ?? ''}>
          {quote ? (
            <>
              <span className="muted">{t('ledger.manual.price')}</span> <strong>{money(quote.totalCents)}</strong>
              {quote.freeCents > 0 ? <span className="pill pill-ok">{t('ledger.manual.freePart', { amount: money(quote.freeCents) })}</span> : null}
              {quote.quotaCents > 0 ? <span className="pill pill-ok">{t('ledger.manual.quotaPart', { amount: money(quote.quotaCents) })}</span> : null}
              {quote.discountCents > 0 ? <span className="pill pill-ok">{t('ledger.manual.discountPart', { amount: money(quote.discountCents) })}</span> : null}
            </>
          ) : (
            <span className="muted">{ready ? t('ledger.manual.pricing') : t('ledger.manual.pickFirst')}</span>
          )}
        </p>
        <button type="button" className="btn btn-primary btn-huge" data-testid="manual-log-submit" disabled={!ready || busy} onClick={() => void submit()}>
          <CheckIcon />
          <span>{busy ? t('ledger.ui.saving') : t('ledger.manual.submit')}</span>
        </button>
      </div>
      {error ? <ErrorLine error={error} lang={lang} /> : null}
    </section>
  );
}
