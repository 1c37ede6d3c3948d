/**
 * Review an import: each proposed activity beside the text it was read from; accept, edit or
 * reject each, or all at once. Nothing enters the register until accepted.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { UploadOutcome } from '../imports.ts';
import type { DayOrder } from '#src/activities/fuzzy-date.ts';
import type { acceptAllResponse, batchResponse, duplicatesResponse, proposalResponse } from '#src/importer/schemas.ts';
import type { z } from 'zod';
import { api } from '../api.ts';
import { Confirm } from '../Confirm.tsx';
import { PlanSuggestions } from '../plans/PlanSuggestions.tsx';
import { ErrorAlert, problemMessage, useFieldErrors } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { DateUnderstood } from '../DateUnderstood.tsx';
import { useI18n, type Language } from '../i18n.tsx';
import { LanguageSelect, Select } from '../Select.tsx';
import { ACTIVITY_KINDS, STATUSES, type ActivityKind, type Status } from '../vocabulary.ts';
import { UnplacedPassages } from '../imports/UnplacedPassages.tsx';
import { countryName } from '#src/registry/countries.ts';
import { DuplicateWarning, type Candidate } from '../duplicates/DuplicateWarning.tsx';
import { Entry, Reasons } from '../duplicates/pieces.tsx';

type Batch = z.infer<typeof batchResponse>;
type Proposal = z.infer<typeof proposalResponse>;
type AcceptAll = z.infer<typeof acceptAllResponse>;
type Duplicates = z.infer<typeof duplicatesResponse>['data'];

/** The fields an editor most often corrects; the rest are as the document said. */
function ProposalEditor({ path, proposal, onSaved, onCancel }: { path: string; proposal: Proposal; onSaved(p: Proposal): void; onCancel(): void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(proposal.title);
  const [dateText, setDateText] = useState(proposal.date?.text ?? '');
  const [dateOrder, setDateOrder] = useState<DayOrder>('dmy');
  const [kind, setKind] = useState<ActivityKind>(proposal.kind);
  const [status, setStatus] = useState<Status>(proposal.status);
  const [error, setError] = useState<unknown>(null);
  const fieldErrorOf = useFieldErrors(error);

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const body = { version: proposal.version, title, kind, status, ...(dateText.trim() ? { date: { text: dateText, ...(dateOrder === 'mdy' ? { order: dateOrder } : {}) } } : {}) };
      onSaved(await api<Proposal>('PATCH', path, { body }));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form onSubmit={(event) => void save(event)} className="stack">
      <ErrorAlert error={error} />
      <Field label={t('app.field.title')} error={fieldErrorOf('title')}>
        <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field
        label={t('app.field.date')}
        error={fieldErrorOf('date')}
        hint={<DateUnderstood text={dateText} order={dateOrder} onOrder={setDateOrder} />}
      >
        <input value={dateText} onChange={(e) => setDateText(e.target.value)} />
      </Field>
      <Field label={t('app.field.kind')}>
        <Select value={kind} onChange={setKind} options={ACTIVITY_KINDS} labelOf={(k) => t(`app.kind.${k}`)} />
      </Field>
      <Field label={t('app.field.status')}>
        <Select value={status} onChange={setStatus} options={STATUSES} labelOf={(s) => t(`app.status.${s}`)} />
      </Field>
      <p className="actions">
        <button type="submit">{t('app.editor.save')}</button>
        <button type="button" onClick={onCancel}>
          {t('app.imports.cancel')}
        </button>
      </p>
    </form>
  );
}

interface ProposalRowProps {
  batchId: string;
  proposal: Proposal;
  /** What the duplicates check finds in other offices and at headquarters, while the proposal is open. */
  candidates: readonly Candidate[];
  language: Language;
  onChange(p: Proposal): void;
  startEditing?: boolean;
}

function ProposalRow({ batchId, proposal, candidates, language, onChange, startEditing = false }: ProposalRowProps) {
  const { t, language: shownIn } = useI18n();
  const [editing, setEditing] = useState(startEditing);
  const [warning, setWarning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const path = `/api/imports/${batchId}/proposals/${proposal.position}`;
  const headingId = useId();

  async function act(action: 'accept' | 'reject' | 'reopen' | 'link' | 'merge', linkTo?: string): Promise<Proposal | null> {
    setError(null);
    try {
      const query = action === 'accept' ? `?language=${language}&version=${proposal.version}` : '';
      const body = action === 'link' || action === 'merge' ? { body: { version: proposal.version, ...(linkTo ? { activity: linkTo } : {}) } } : {};
      const next = await api<Proposal>('POST', `${path}/${action}${query}`, body);
      onChange(next);
      return next;
    } catch (caught) {
      setError(caught);
      return null;
    }
  }

  /** As the editor does: accepted, then each pair it makes with a candidate decided (related, or kept apart with the reason). */
  async function acceptThenDecide(shown: readonly Candidate[], decision: { state: 'kept_apart' | 'related'; reason?: string; relation?: string }) {
    setBusy(true);
    try {
      const accepted = await act('accept');
      if (accepted?.activityId) {
        await Promise.all(shown.map((c) => api('POST', '/api/duplicates/decisions', { body: { activities: [accepted.activityId, c.activity.id], ...decision } })));
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      setWarning(false);
    }
  }

  return (
    <li className={`proposal ${proposal.state}`} aria-labelledby={headingId} id={`proposal-${proposal.position}`}>
      <div className="original">
        <h3 className="visually-hidden">{t('app.imports.original')}</h3>
        {proposal.provenance.section ? <p className="meta">{t('app.imports.section', { section: proposal.provenance.section })}</p> : null}
        <blockquote dir="auto">{proposal.provenance.text}</blockquote>
      </div>
      <div className="proposed">
        <h3 id={headingId} dir="auto">
          {proposal.title}
        </h3>
        <dl>
          <dt>{t('app.field.date')}</dt>
          <dd dir="auto">{proposal.date?.text ?? '—'}</dd>
          <dt>{t('app.field.kind')}</dt>
          <dd>{t(`app.kind.${proposal.kind}`)}</dd>
          <dt>{t('app.field.region')}</dt>
          <dd>
            {proposal.region}
            {proposal.regionFrom ? <span className="meta"> ({t(`review.regionFrom.${proposal.regionFrom}`)})</span> : null}
          </dd>
          <dt>{t('app.field.office')}</dt>
          <dd>{proposal.office}</dd>
          <dt>{t('app.field.status')}</dt>
          <dd>{t(`app.status.${proposal.status}`)}</dd>
          <dt>{t('app.field.place')}</dt>
          <dd>{proposal.place ? [proposal.place.city, proposal.place.country && countryName(proposal.place.country, shownIn, 'display'), proposal.place.online ? t('app.placeMode.online') : ''].filter(Boolean).join(', ') : '—'}</dd>
          <dt>{t('app.field.bodies')}</dt>
          <dd>{proposal.bodies.join(', ') || '—'}</dd>
          {proposal.newBodies?.length ? (
            <>
              <dt>{t('review.newBodies')}</dt>
              <dd>{proposal.newBodies.join(', ')}</dd>
            </>
          ) : null}
          <PlanSuggestions path={path} proposal={proposal} editable={proposal.state === 'proposed'} onChange={onChange} onError={setError} />
        </dl>
        <p className="state">{t(`app.imports.state.${proposal.state}`)}</p>
        {proposal.match && proposal.state === 'proposed' ? (
          <div className="match" role="note">
            <p>
              <strong>{t('review.match.title')}:</strong> <Link to={`/activities/${proposal.match.activity}`} dir="auto">{proposal.match.title || proposal.match.activity}</Link>
            </p>
            <p className="meta">{t(`review.match.${proposal.match.why}`)}</p>
            <p className="actions">
              <button type="button" onClick={() => void act('link')} aria-describedby={headingId}>
                {t('review.match.link')}
              </button>
              <button type="button" onClick={() => void act('merge')} aria-describedby={headingId}>
                {t('review.match.merge')}
              </button>
            </p>
          </div>
        ) : null}
        {candidates.length > 0 && proposal.state === 'proposed' ? (
          <div className="match" role="note" aria-label={t('review.duplicates.title')}>
            <p>
              <strong>{t('review.duplicates.title')}</strong>
            </p>
            <ul className="cards duplicates">
              {candidates.map((candidate) => (
                <li key={candidate.activity.id}>
                  <Entry activity={candidate.activity} />
                  <Reasons reasons={candidate.reasons} />
                </li>
              ))}
            </ul>
            <p className="meta">{t('review.duplicates.help')}</p>
          </div>
        ) : null}
        {warning ? (
          <DuplicateWarning
            candidates={candidates}
            canJoin
            busy={busy}
            onBack={() => setWarning(false)}
            onJoin={(candidate) => {
              setWarning(false);
              void act('link', candidate.activity.id);
            }}
            onRelate={(candidate, kind) => void acceptThenDecide([candidate], { state: 'related', relation: kind })}
            onSaveAnyway={(reason) => void acceptThenDecide(candidates, { state: 'kept_apart', reason })}
          />
        ) : null}
        <ErrorAlert error={error} />
        {editing ? (
          <ProposalEditor
            path={path}
            proposal={proposal}
            onSaved={(saved) => {
              setEditing(false);
              onChange(saved);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : proposal.state === 'proposed' ? (
          <p className="actions">
            <button type="button" onClick={() => (candidates.length > 0 ? setWarning(true) : void act('accept'))} aria-describedby={headingId}>
              {proposal.match ? t('review.match.importAnyway') : t('app.imports.accept')}
            </button>
            <button type="button" onClick={() => setEditing(true)} aria-describedby={headingId}>
              {t('app.imports.edit')}
            </button>
            <button type="button" onClick={() => void act('reject')} aria-describedby={headingId}>
              {t('app.imports.reject')}
            </button>
          </p>
        ) : proposal.state === 'rejected' ? (
          <button type="button" onClick={() => void act('reopen')} aria-describedby={headingId}>
            {t('app.imports.reopen')}
          </button>
        ) : proposal.activityId ? (
          <Link to={`/activities/${proposal.activityId}`}>{t('app.imports.openActivity')}</Link>
        ) : null}
      </div>
    </li>
  );
}

export default function ImportReview() {
  const i18n = useI18n();
  const { t } = i18n;
  const { id = '' } = useParams();
  const [batch, setBatch] = useState<Batch | null>(null);
  const [duplicates, setDuplicates] = useState<Duplicates>([]);
  const uploaded = (useLocation().state ?? null) as UploadOutcome | null;
  const [language, setLanguage] = useState<Language>('en');
  const [error, setError] = useState<unknown>(null);
  const [refused, setRefused] = useState<AcceptAll['refused']>([]);
  const [confirming, setConfirming] = useState<'accept-all' | 'reject-all' | null>(null);
  const [justMade, setJustMade] = useState<number | null>(null);
  const selectId = useId();

  // The duplicates check runs on every open proposal: after the batch, so the proposals show first.
  const load = useCallback(
    () =>
      api<Batch>('GET', `/api/imports/${id}`).then(async (loaded) => {
        setBatch(loaded);
        setDuplicates(loaded.counts.proposed > 0 ? (await api<{ data: Duplicates }>('GET', `/api/imports/${id}/duplicates?language=${language}`)).data : []);
      }).catch(setError),
    [id, language],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const replace = (proposal: Proposal) =>
    setBatch((current) => current && { ...current, proposals: current.proposals.map((p) => (p.position === proposal.position ? proposal : p)) });

  async function all(action: 'accept-all' | 'reject-all') {
    setError(null);
    try {
      if (action === 'accept-all') setRefused((await api<AcceptAll>('POST', `/api/imports/${id}/accept-all?language=${language}`)).refused);
      else await api('POST', `/api/imports/${id}/reject-all`);
      await load();
    } catch (caught) {
      setError(caught);
    }
  }

  if (!batch) return <ErrorAlert error={error} />;
  const open = batch.counts.proposed;
  return (
    <>
      <h1>{batch.header.title ?? batch.document}</h1>
      <p role="status">
        {t('app.imports.counts', { proposed: batch.counts.proposed, accepted: batch.counts.accepted, rejected: batch.counts.rejected })}
        {batch.counts.unplaced > 0 ? ` · ${t('review.counts.unplaced', { open: batch.counts.unplacedOpen })}` : ''}
        {batch.done ? ` · ${t('review.done')}` : ''}
      </p>
      {uploaded?.existing ? <p className="banner">{t('review.upload.existing')}</p> : null}
      {uploaded && uploaded.proposedBefore > 0 ? <p className="banner">{t('review.upload.proposedBefore', { count: uploaded.proposedBefore })}</p> : null}
      <div className="actions">
        <label htmlFor={selectId}>{t('app.imports.language')}</label>
        <LanguageSelect id={selectId} value={language} onChange={setLanguage} />
        <button type="button" disabled={open === 0} onClick={() => setConfirming('accept-all')}>
          {t('app.imports.acceptAll', { count: open })}
        </button>
        <button type="button" disabled={open === 0} onClick={() => setConfirming('reject-all')}>
          {t('app.imports.rejectAll', { count: open })}
        </button>
      </div>
      <ErrorAlert error={error} />
      {refused.length > 0 ? (
        <div role="alert" className="alert">
          <p>{t('app.imports.refused', { count: refused.length })}</p>
          <ul>
            {refused.map((r) => (
              <li key={r.position}>
                #{r.position + 1}: {problemMessage(i18n, r)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {/* Both act on every open proposal at once: each asks first. */}
      {confirming === 'reject-all' ? (
        <Confirm
          title={t('app.imports.confirmRejectAllTitle', { count: open })}
          help={t('app.imports.confirmRejectAllHelp')}
          confirm={t('app.imports.rejectAll', { count: open })}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void all('reject-all');
          }}
        />
      ) : confirming === 'accept-all' ? (
        <Confirm
          title={t('sheets.imports.confirmAcceptAllTitle', { count: open })}
          help={t('sheets.imports.confirmAcceptAllHelp')}
          confirm={t('app.imports.acceptAll', { count: open })}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void all('accept-all');
          }}
        />
      ) : null}
      {batch.proposals.length === 0 ? <p>{t('review.noProposals')} {batch.emptyReason ? t(`review.empty.${batch.emptyReason}`) : null}</p> : null}
      <ol className="proposals">
        {batch.proposals.map((proposal) => (
          <ProposalRow
            key={proposal.position}
            batchId={batch.id}
            proposal={proposal}
            candidates={duplicates.find((d) => d.position === proposal.position)?.candidates ?? []}
            language={language}
            onChange={(p) => {
              replace(p);
              void load();
            }}
            startEditing={proposal.position === justMade}
          />
        ))}
      </ol>
      <UnplacedPassages
        batch={batch}
        onDecided={() => void load()}
        onProposed={(made) => {
          setJustMade(made.proposal.position);
          void load().then(() => document.getElementById(`proposal-${made.proposal.position}`)?.scrollIntoView());
        }}
      />
    </>
  );
}
