'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Controller, type UseFormRegisterReturn, useFieldArray } from 'react-hook-form';
import { Field } from '@/components/beheer/form/Field';
import { escalateAction, linkPartyAction, recordPartyResponseAction, resolveAction } from '@/lib/complaints/steps/actions';
import { escalateSchema, linkPartySchema, recordPartyResponseSchema, resolveSchema, STEP_LIMITS } from '@/lib/complaints/steps/schemas';
import { bestParty, compareWithClient } from '@/lib/complaints/party-match';
import { formatDate } from '@/lib/format';
import { NEW_MEASURE_STATUSES, OUTCOMES } from '@/lib/procedure/vocabulary';
import { Optional, StepForm, useStepForm } from './StepForm';
import type { StepFormProps } from './types';

const NEW_MEASURE = { description: '', owner: '', dueOn: '', status: 'planned' as const };

/**
 * Resolve: the outcome, findings and judgement, and the measures that follow from the complaint (new ones, and/or
 * existing ones linked). The server checks the same schema, the guards (copy sent, hearing decided) and the measures.
 */
export function ResolveForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.resolve');
  const { client } = props.data;
  const { form, frame, errors, errorText } = useStepForm(props, resolveSchema, resolveAction, {
    outcome: undefined,
    findings: '',
    judgement: '',
    measures: [],
    linkMeasureIds: [],
  });
  const rows = useFieldArray({ control: form.control, name: 'measures' });
  const outcomeId = useId();

  return (
    <StepForm
      title={t('title')}
      intro={
        <>
          <p>{t('intro')}</p>
          <p>{client.email ? t('letterEmail', { email: client.email }) : t('letterPost')}</p>
        </>
      }
      {...frame}
      submitLabel={t('submit')}
    >
      <fieldset aria-describedby={errors.outcome ? `${outcomeId}-error` : undefined}>
        <legend className="field-label">
          {t('outcome')}
          <span aria-hidden="true" className="text-red-700"> *</span>
        </legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {OUTCOMES.map((value) => (
            <label
              key={value}
              className="flex cursor-pointer items-start gap-3 rounded-md border border-stone-300 bg-white px-3 py-2 hover:border-brand-500 has-[:checked]:border-brand-700 has-[:checked]:ring-1 has-[:checked]:ring-brand-700"
            >
              <input type="radio" value={value} className="mt-1 h-5 w-5 shrink-0" aria-invalid={Boolean(errors.outcome)} {...form.register('outcome')} />
              <span>
                <span className="block font-semibold">{t(`outcomes.${value}`)}</span>
                <span className="block text-sm text-stone-700">{t(`outcomeHints.${value}`)}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.outcome ? (
          <span id={`${outcomeId}-error`} className="field-error">
            {errorText(errors.outcome.message)}
          </span>
        ) : null}
      </fieldset>

      <Field label={t('findings')} hint={t('findingsHint')} error={errorText(errors.findings?.message)} required>
        {(a11y) => <textarea rows={5} {...a11y} {...form.register('findings')} />}
      </Field>
      <Field label={t('judgement')} hint={t('judgementHint')} error={errorText(errors.judgement?.message)} required>
        {(a11y) => <textarea rows={4} {...a11y} {...form.register('judgement')} />}
      </Field>

      <fieldset className="space-y-4 rounded-md border border-stone-300 bg-white p-4">
        <legend className="px-1 text-base font-bold">{t('measures')}</legend>
        <p className="text-sm text-stone-700">{t('measuresIntro')}</p>

        <div className="space-y-3">
          <h4 className="font-semibold">{t('newMeasures')}</h4>
          {rows.fields.map((row, index) => {
            const rowErrors = errors.measures?.[index];
            const number = index + 1;
            return (
              <div key={row.id} className="space-y-3 rounded-md border border-stone-200 bg-stone-50 p-3" data-testid="measure-row">
                <div className="flex items-center justify-between gap-2">
                  <p className="font-semibold text-stone-800">{t('measureNumber', { number })}</p>
                  <button
                    type="button"
                    onClick={() => rows.remove(index)}
                    aria-label={t('removeMeasureLabel', { number })}
                    className="rounded-md px-2 py-1 text-sm font-semibold text-red-800 underline-offset-4 hover:underline"
                  >
                    {t('removeMeasure')}
                  </button>
                </div>
                <Field label={t('description')} error={errorText(rowErrors?.description?.message)} required>
                  {(a11y) => <textarea rows={2} {...a11y} {...form.register(`measures.${index}.description`)} />}
                </Field>
                <Field label={t('owner')} hint={t('ownerHint')} error={errorText(rowErrors?.owner?.message)} required>
                  {(a11y) => <input type="text" autoComplete="off" {...a11y} {...form.register(`measures.${index}.owner`)} />}
                </Field>
                <div className="grid gap-3 sm:grid-cols-2">
                  <Field label={<Optional>{t('dueOn')}</Optional>} error={errorText(rowErrors?.dueOn?.message)}>
                    {(a11y) => <input type="date" {...a11y} {...form.register(`measures.${index}.dueOn`)} />}
                  </Field>
                  <Field label={t('status')} error={errorText(rowErrors?.status?.message)} required>
                    {(a11y) => (
                      <select {...a11y} {...form.register(`measures.${index}.status`)}>
                        {NEW_MEASURE_STATUSES.map((status) => (
                          <option key={status} value={status}>
                            {t(`statuses.${status}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                </div>
              </div>
            );
          })}
          {errors.measures?.message ? <span className="field-error">{errorText(errors.measures.message)}</span> : null}
          {rows.fields.length < STEP_LIMITS.measures ? (
            <button
              type="button"
              onClick={() => rows.append({ ...NEW_MEASURE })}
              className="rounded-md border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
            >
              + {t('addMeasure')}
            </button>
          ) : (
            <p className="text-sm text-stone-700">{t('maxMeasures', { max: STEP_LIMITS.measures })}</p>
          )}
        </div>

        {props.data.measures.length > 0 ? (
          <Controller
            control={form.control}
            name="linkMeasureIds"
            render={({ field, fieldState }) => (
              <ExistingMeasures
                measures={props.data.measures}
                value={(field.value ?? []).map(Number)}
                onChange={(ids) => field.onChange(ids)}
                error={errorText(fieldState.error?.message ?? errors.linkMeasureIds?.message)}
              />
            )}
          />
        ) : null}
      </fieldset>
    </StepForm>
  );
}

/** A checkbox list of the measures recorded so far, with a filter when the list is long. */
function ExistingMeasures({
  measures,
  value,
  onChange,
  error,
}: {
  measures: StepFormProps['data']['measures'];
  value: number[];
  onChange: (ids: number[]) => void;
  error: string | undefined;
}) {
  const t = useTranslations('beheer.steps.resolve');
  const [filter, setFilter] = useState('');
  const id = useId();
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = measures.filter((m) => {
    const text = `${m.description} ${m.owner}`.toLowerCase();
    return value.includes(m.id) || words.every((w) => text.includes(w));
  });
  const toggle = (measureId: number, on: boolean) => onChange(on ? [...value, measureId] : value.filter((v) => v !== measureId));

  return (
    <div className="space-y-2 border-t border-stone-200 pt-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 id={id} className="font-semibold">
          {t('existing')}
        </h4>
        <span className="text-sm text-stone-700" aria-live="polite">
          {t('chosen', { count: value.length })}
        </span>
      </div>
      <p className="text-sm text-stone-600">{t('existingHint')}</p>
      {measures.length > 6 ? (
        <label className="block">
          <span className="sr-only">{t('filter')}</span>
          <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('filter')} className="input mt-0" />
        </label>
      ) : null}
      <ul role="group" aria-labelledby={id} aria-invalid={Boolean(error)} className="max-h-72 space-y-1 overflow-y-auto rounded-md border border-stone-200 p-1" data-testid="existing-measures">
        {shown.length === 0 ? <li className="px-2 py-2 text-sm text-stone-600">{t('noMatch')}</li> : null}
        {shown.map((m) => (
          <li key={m.id}>
            <label className="flex cursor-pointer items-start gap-3 rounded px-2 py-2 hover:bg-brand-50 has-[:checked]:bg-brand-50">
              <input type="checkbox" className="mt-1 h-5 w-5 shrink-0" checked={value.includes(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
              <span className="min-w-0">
                <span className="block [overflow-wrap:anywhere]">{m.description}</span>
                <span className="block text-sm text-stone-600">
                  {t('measureFacts', { owner: m.owner, due: m.dueOn ? formatDate(m.dueOn, 'nl') : t('noDue'), status: t(`statuses.${m.status}`) })}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error ? <span className="field-error">{error}</span> : null}
    </div>
  );
}

/** The party choice shared by linking and escalating: what the client said, the suggestion, the warning. */
function usePartyChoice(data: StepFormProps['data']) {
  const { parties, contractingPartyId, partySuggestions } = data;
  const linked = parties.find((p) => p.id === contractingPartyId) ?? null;
  const suggested = bestParty(partySuggestions);
  return { linked, suggested };
}

function ClientSaid({ clientParty }: { clientParty: StepFormProps['data']['clientParty'] }) {
  const t = useTranslations('beheer.steps.escalate');
  const tChoice = useTranslations('beheer.register.partyChoices');
  const choice = tChoice(clientParty.choice);
  return (
    <p data-testid="client-party">
      {clientParty.name
        ? t('clientSaidNamed', { choice, name: clientParty.name })
        : clientParty.choice === 'unknown'
          ? t('clientSaidUnknown')
          : t('clientSaid', { choice })}
    </p>
  );
}

function PartySelect({
  data,
  reg,
  value,
  suggested,
  error,
  showDelivery,
}: {
  data: StepFormProps['data'];
  reg: UseFormRegisterReturn;
  value: unknown;
  suggested: number | null;
  error?: string;
  showDelivery: boolean;
}) {
  const t = useTranslations('beheer.steps.escalate');
  const tType = useTranslations('beheer.common.partyTypes');
  const { parties, clientParty } = data;
  const chosen = parties.find((p) => String(p.id) === String(value ?? ''));
  const differs = chosen ? compareWithClient(clientParty, chosen, parties) === 'differs' : false;
  return (
    <>
      <Field
        label={t('party')}
        hint={
          chosen ? (
            <>
              {chosen.id === suggested ? <span className="block font-semibold">{t('suggested')}</span> : null}
              {showDelivery ? (chosen.contactEmail ? t('toEmail', { email: chosen.contactEmail }) : t('toPost')) : null}
            </>
          ) : undefined
        }
        error={error}
        required
      >
        {(a11y) => (
          <select {...a11y} {...reg}>
            <option value="">{t('choose')}</option>
            {parties.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.id === suggested ? t('suggestedOption', { name: p.name, type: tType(p.type) }) : t('option', { name: p.name, type: tType(p.type) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div role="status">
        {differs && chosen ? (
          <p data-testid="party-differs" className="rounded-md border-2 border-amber-600 bg-amber-50 px-3 py-2 font-semibold text-amber-900">
            {t('differs', { name: chosen.name })}
          </p>
        ) : null}
      </div>
    </>
  );
}

/** What both party forms say first: the step's intro, what the client named, the party linked now, or that none exist. */
function PartyIntro({ intro, data, linked }: { intro: string; data: StepFormProps['data']; linked: { name: string } | null | undefined }) {
  const t = useTranslations('beheer.steps.escalate');
  return (
    <>
      <p>{intro}</p>
      <ClientSaid clientParty={data.clientParty} />
      {linked ? <p>{t('linked', { name: linked.name })}</p> : null}
      {data.parties.length === 0 ? <p className="font-semibold text-amber-900">{t('noParties')}</p> : null}
    </>
  );
}

/**
 * Link the complaint to the known contracting party the client meant: pre-selected is the clear best match for what
 * the client named on the form, marked as a suggestion.
 */
export function LinkPartyForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.linkParty');
  const { linked, suggested } = usePartyChoice(props.data);
  const preselected = suggested !== null && suggested !== linked?.id ? String(suggested) : '';
  const { form, frame, errors, errorText } = useStepForm(props, linkPartySchema, linkPartyAction, { contractingPartyId: preselected });
  return (
    <StepForm
      title={t('title')}
      intro={<PartyIntro intro={t('intro')} data={props.data} linked={linked} />}
      {...frame}
      submitLabel={t('submit')}
    >
      <PartySelect
        data={props.data}
        reg={form.register('contractingPartyId')}
        value={form.watch('contractingPartyId')}
        suggested={suggested}
        error={errorText(errors.contractingPartyId?.message)}
        showDelivery={false}
      />
    </StepForm>
  );
}

/**
 * Escalate: the contracting party and what the client is not satisfied with. Pre-selected: the party the complaint is
 * linked to, else the clear best match for what the client named on the form, marked as a suggestion. A choice other
 * than what the client named is warned about here, and again by the step on the server.
 */
export function EscalateForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.escalate');
  const { linked, suggested: best } = usePartyChoice(props.data);
  const suggested = linked ? null : best;
  const preselected = linked ? String(linked.id) : suggested !== null ? String(suggested) : '';
  const { form, frame, errors, errorText } = useStepForm(props, escalateSchema, escalateAction, { contractingPartyId: preselected, dissatisfaction: '' });

  return (
    <StepForm
      title={t('title')}
      intro={<PartyIntro intro={t('intro')} data={props.data} linked={linked} />}
      {...frame}
      submitLabel={t('submit')}
    >
      <PartySelect
        data={props.data}
        reg={form.register('contractingPartyId')}
        value={form.watch('contractingPartyId')}
        suggested={suggested}
        error={errorText(errors.contractingPartyId?.message)}
        showDelivery
      />
      <Field label={t('dissatisfaction')} hint={t('dissatisfactionHint')} error={errorText(errors.dissatisfaction?.message)} required>
        {(a11y) => <textarea rows={4} {...a11y} {...form.register('dissatisfaction')} />}
      </Field>
    </StepForm>
  );
}

/** The contracting party's response, and the day it came in: the complaint is then closed by the party. */
export function RecordPartyResponseForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.recordPartyResponse');
  const { form, frame, errors, errorText } = useStepForm(props, recordPartyResponseSchema, recordPartyResponseAction, {
    response: '',
    receivedOn: props.data.today,
  });
  return (
    <StepForm title={t('title')} intro={<p>{t('intro')}</p>} {...frame} submitLabel={t('submit')}>
      <Field label={t('response')} error={errorText(errors.response?.message)} required>
        {(a11y) => <textarea rows={5} {...a11y} {...form.register('response')} />}
      </Field>
      <Field label={t('receivedOn')} error={errorText(errors.receivedOn?.message)} required>
        {(a11y) => <input type="date" max={props.data.today} {...a11y} {...form.register('receivedOn')} />}
      </Field>
    </StepForm>
  );
}
