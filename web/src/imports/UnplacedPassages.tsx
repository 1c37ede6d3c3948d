/**
 * The passages an import could not place, each beside what became of it: the reviewer makes one
 * a proposal (read again for its date, place and bodies, then edited and accepted like the
 * others) or dismisses it. The batch is done when none is left open.
 */
import { useId, useState } from 'react';
import type { z } from 'zod';
import type { batchResponse, passageResponse, proposedPassageResponse } from '#src/importer/schemas.ts';
import { api } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { useI18n } from '../i18n.tsx';
import { nameOf, useOffices } from '../registry.ts';
import { Select } from '../Select.tsx';

type Batch = z.infer<typeof batchResponse>;
type Decided = z.infer<typeof passageResponse>;
export type ProposedPassage = z.infer<typeof proposedPassageResponse>;
type Passage = Batch['unplaced'][number] & Omit<Decided, 'text' | 'section' | 'line'>;

/** The listed passages with what was decided about each; one not decided is open at version 0. */
export function passagesOf(batch: Batch): Passage[] {
  const decided = new Map(batch.decisions.map((d) => [d.position, d]));
  return batch.unplaced.map((passage, position) => ({
    ...passage,
    ...(decided.get(position) ?? { position, state: 'open' as const, proposal: null, decidedAt: null, decidedBy: null, version: 0 }),
  }));
}

function PassageRow({ batch, passage, onDecided, onProposed }: { batch: Batch; passage: Passage; onDecided(d: Decided): void; onProposed(p: ProposedPassage): void }) {
  const { t } = useI18n();
  const offices = useOffices();
  const [office, setOffice] = useState<string>(batch.office ?? '');
  const [error, setError] = useState<unknown>(null);
  const headingId = useId();
  const officeId = useId();
  const path = `/api/imports/${batch.id}/passages/${passage.position}`;

  async function act(action: 'propose' | 'dismiss' | 'restore') {
    setError(null);
    try {
      if (action === 'propose') onProposed(await api<ProposedPassage>('POST', `${path}/propose`, { body: { version: passage.version, ...(office ? { office } : {}) } }));
      else onDecided(await api<Decided>('POST', `${path}/${action}`, { body: { version: passage.version } }));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <li className={`proposal passage ${passage.state}`} aria-labelledby={headingId}>
      <div className="original">
        <h3 id={headingId} className="meta">
          {passage.section ? t('review.passage.where', { section: passage.section, line: passage.line }) : t('review.passage.line', { line: passage.line })}
        </h3>
        <blockquote dir="auto">{passage.text}</blockquote>
      </div>
      <div className="proposed">
        <p className="state">{t(`review.passage.state.${passage.state}`)}</p>
        <ErrorAlert error={error} />
        {passage.state === 'open' ? (
          <>
            <p className="actions">
              <label htmlFor={officeId}>{t('review.passage.office')}</label>
              <Select id={officeId} value={office} onChange={setOffice} none={t('review.passage.chooseOffice')} options={offices.map((o) => o.code)} labelOf={(code) => nameOf(offices, code)} />
            </p>
            <p className="actions">
              <button type="button" onClick={() => void act('propose')} aria-describedby={headingId}>
                {t('review.passage.propose')}
              </button>
              <button type="button" onClick={() => void act('dismiss')} aria-describedby={headingId}>
                {t('review.passage.dismiss')}
              </button>
            </p>
          </>
        ) : passage.state === 'dismissed' ? (
          <button type="button" onClick={() => void act('restore')} aria-describedby={headingId}>
            {t('review.passage.restore')}
          </button>
        ) : passage.proposal !== null ? (
          <a href={`#proposal-${passage.proposal}`}>{t('review.passage.toProposal')}</a>
        ) : null}
      </div>
    </li>
  );
}

export function UnplacedPassages({ batch, onDecided, onProposed }: { batch: Batch; onDecided(d: Decided): void; onProposed(p: ProposedPassage): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const passages = passagesOf(batch);
  const open = passages.filter((p) => p.state === 'open');
  if (batch.counts.unplaced === 0) return null;

  async function dismissOpen() {
    setError(null);
    try {
      const { data } = await api<{ data: Decided[] }>('POST', `/api/imports/${batch.id}/passages/dismiss-open`);
      // One reload for them all.
      if (data[0]) onDecided(data[0]);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section aria-labelledby="unplaced">
      <h2 id="unplaced">{t('review.passages.title', { open: batch.counts.unplacedOpen, count: batch.counts.unplaced })}</h2>
      <p>{t('review.passages.help')}</p>
      {passages.length < batch.counts.unplaced ? <p>{t('review.passages.notListed', { listed: passages.length, count: batch.counts.unplaced })}</p> : null}
      {open.length > 1 ? (
        <p className="actions">
          <button type="button" onClick={() => void dismissOpen()}>
            {t('review.passages.dismissOpen', { count: open.length })}
          </button>
        </p>
      ) : null}
      <ErrorAlert error={error} />
      <ol className="proposals">
        {passages.map((passage) => (
          <PassageRow key={passage.position} batch={batch} passage={passage} onDecided={onDecided} onProposed={onProposed} />
        ))}
      </ol>
    </section>
  );
}
