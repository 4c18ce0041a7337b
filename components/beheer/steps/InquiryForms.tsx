'use client';

import { useTranslations } from 'next-intl';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from '@/components/beheer/form/Field';
import { RadioGroup } from '@/components/beheer/settings/RadioGroup';
import { formatDate } from '@/lib/format';
import { planHearingAction, recordAnswerAction, recordHearingAction, requestInfoAction, sendCopyAction, skipHearingAction } from '@/lib/complaints/steps/actions';
import {
  planHearingSchema,
  recordAnswerSchema,
  recordHearingSchema,
  requestInfoSchema,
  sendCopySchema,
  skipHearingSchema,
  STEP_LIMITS,
} from '@/lib/complaints/steps/schemas';
import { CONTACT_MEDIA, HEARING_SKIP_GROUNDS } from '@/lib/procedure/vocabulary';
import { Optional, StepForm, useStepForm } from './StepForm';
import type { StepFormProps } from './types';

/** Questions to the client and their answers, the copy to the person complained about, and the hearing. */

const longDate = (date: string) => formatDate(date, 'nl');
const fullDate = (date: string) => formatDate(date, 'nl', 'full');

/** How something came in or went out: phone, e-mail, post, in person. */
function MediumChoice({ legend, error, register }: { legend: string; error?: string; register: UseFormRegisterReturn }) {
  const t = useTranslations('beheer.steps.media');
  return <RadioGroup inline legend={legend} error={error} register={register} options={CONTACT_MEDIA.map((medium) => ({ value: medium, label: t(medium) }))} />;
}

export function RequestInfoForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.requestInfo');
  const { client, resolutionDue, today } = props.data;
  const { form, frame, errors, errorText } = useStepForm(props, requestInfoSchema, requestInfoAction, { question: '', answerBy: '' });
  return (
    <StepForm
      title={t('title')}
      intro={
        <>
          <p>{t('intro')}</p>
          <p className="font-semibold">{t('clock', { date: fullDate(resolutionDue) })}</p>
          <p>{client.email ? t('email', { email: client.email }) : t('post')}</p>
        </>
      }
      {...frame}
      submitLabel={t('submit')}
    >
      <Field label={t('question')} hint={t('questionHint')} error={errorText(errors.question?.message)} required>
        {(a11y) => <textarea rows={5} maxLength={STEP_LIMITS.text} {...a11y} {...form.register('question')} />}
      </Field>
      <Field label={<Optional>{t('answerBy')}</Optional>} hint={t('answerByHint')} error={errorText(errors.answerBy?.message)}>
        {(a11y) => <input type="date" min={today} {...a11y} className={`${a11y.className} max-w-xs`} {...form.register('answerBy')} />}
      </Field>
    </StepForm>
  );
}

export function RecordAnswerForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.recordAnswer');
  const { openQuestion, today } = props.data;
  const { form, frame, errors, errorText } = useStepForm(props, recordAnswerSchema, recordAnswerAction, { answer: '', answeredOn: today, via: 'phone' });
  return (
    <StepForm title={t('title')} intro={<p>{t('intro')}</p>} {...frame} submitLabel={t('submit')}>
      {openQuestion ? (
        <figure className="rounded-md border border-stone-300 bg-white px-4 py-3" data-testid="open-question">
          <figcaption className="text-sm font-semibold text-stone-700">{t('question')}</figcaption>
          <blockquote className="mt-1 whitespace-pre-line [overflow-wrap:anywhere]">{openQuestion.question}</blockquote>
          <p className="mt-2 text-sm text-stone-600">
            {t('asked', { date: longDate(openQuestion.askedOn) })}
            {openQuestion.answerBy ? ` ${t('answerBy', { date: longDate(openQuestion.answerBy) })}` : ''}
          </p>
        </figure>
      ) : (
        <p className="font-semibold text-amber-900">{t('noQuestion')}</p>
      )}
      <Field label={t('answer')} hint={t('answerHint')} error={errorText(errors.answer?.message)} required>
        {(a11y) => <textarea rows={5} maxLength={STEP_LIMITS.text} {...a11y} {...form.register('answer')} />}
      </Field>
      <Field label={t('answeredOn')} error={errorText(errors.answeredOn?.message)} required>
        {(a11y) => <input type="date" min={openQuestion?.askedOn} max={today} {...a11y} className={`${a11y.className} max-w-xs`} {...form.register('answeredOn')} />}
      </Field>
      <MediumChoice legend={t('via')} error={errorText(errors.via?.message)} register={form.register('via')} />
    </StepForm>
  );
}

export function SendCopyForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.sendCopy');
  const { involved, receivedOn, today } = props.data;
  const subjects = involved.filter((person) => person.involvement === 'subject').map((person) => person.name);
  const { form, frame, errors, errorText } = useStepForm(props, sendCopySchema, sendCopyAction, { sentOn: today, via: 'email' });
  return (
    <StepForm
      title={t('title')}
      intro={
        <>
          <p>{t('intro')}</p>
          {subjects.length > 0 ? <p className="font-semibold">{t('recipients', { names: subjects.join(', ') })}</p> : null}
        </>
      }
      {...frame}
      submitLabel={t('submit')}
    >
      <Field label={t('sentOn')} error={errorText(errors.sentOn?.message)} required>
        {(a11y) => <input type="date" min={receivedOn} max={today} {...a11y} className={`${a11y.className} max-w-xs`} {...form.register('sentOn')} />}
      </Field>
      <MediumChoice legend={t('via')} error={errorText(errors.via?.message)} register={form.register('via')} />
    </StepForm>
  );
}

export function PlanHearingForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.planHearing');
  const { client, hearing, today } = props.data;
  const moving = hearing.state === 'planned' && hearing.on ? hearing.on : null;
  const { form, frame, errors, errorText } = useStepForm(props, planHearingSchema, planHearingAction, { on: '', time: '', place: '', participants: '' });
  return (
    <StepForm
      title={moving ? t('buttonMove') : t('title')}
      intro={
        <>
          <p>{t('intro')}</p>
          {moving ? <p className="font-semibold">{t('moving', { date: fullDate(moving) })}</p> : null}
          <p>{client.email ? t('email', { email: client.email }) : t('post')}</p>
        </>
      }
      {...frame}
      submitLabel={t('submit')}
    >
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label={t('on')} error={errorText(errors.on?.message)} required>
          {(a11y) => <input type="date" min={today} {...a11y} {...form.register('on')} />}
        </Field>
        <Field label={<Optional>{t('time')}</Optional>} hint={t('timeHint')} error={errorText(errors.time?.message)}>
          {(a11y) => <input type="time" {...a11y} {...form.register('time')} />}
        </Field>
      </div>
      <Field label={<Optional>{t('place')}</Optional>} hint={t('placeHint')} error={errorText(errors.place?.message)}>
        {(a11y) => <input type="text" maxLength={STEP_LIMITS.short} {...a11y} {...form.register('place')} />}
      </Field>
      <Field label={t('participants')} hint={t('participantsHint')} error={errorText(errors.participants?.message)} required>
        {(a11y) => <textarea rows={2} maxLength={STEP_LIMITS.reason} {...a11y} {...form.register('participants')} />}
      </Field>
    </StepForm>
  );
}

export function RecordHearingForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.recordHearing');
  const { hearing, receivedOn, today } = props.data;
  const planned = hearing.state === 'planned' ? hearing.on : null;
  const heldOn = planned && planned <= today ? planned : today;
  const { form, frame, errors, errorText } = useStepForm(props, recordHearingSchema, recordHearingAction, { heldOn, participants: '', report: '' });
  return (
    <StepForm
      title={t('title')}
      intro={
        <>
          <p>{t('intro')}</p>
          {planned ? <p>{t('planned', { date: fullDate(planned) })}</p> : null}
        </>
      }
      {...frame}
      submitLabel={t('submit')}
    >
      <Field label={t('heldOn')} error={errorText(errors.heldOn?.message)} required>
        {(a11y) => <input type="date" min={receivedOn} max={today} {...a11y} className={`${a11y.className} max-w-xs`} {...form.register('heldOn')} />}
      </Field>
      <Field label={t('participants')} error={errorText(errors.participants?.message)} required>
        {(a11y) => <textarea rows={2} maxLength={STEP_LIMITS.reason} {...a11y} {...form.register('participants')} />}
      </Field>
      <Field label={t('report')} hint={t('reportHint')} error={errorText(errors.report?.message)} required>
        {(a11y) => <textarea rows={8} maxLength={STEP_LIMITS.text} {...a11y} {...form.register('report')} />}
      </Field>
    </StepForm>
  );
}

export function SkipHearingForm(props: StepFormProps) {
  const t = useTranslations('beheer.steps.skipHearing');
  const { form, frame, errors, errorText } = useStepForm(props, skipHearingSchema, skipHearingAction, { explanation: '' });
  return (
    <StepForm title={t('title')} intro={<p>{t('intro')}</p>} {...frame} submitLabel={t('submit')}>
      <RadioGroup
        legend={t('ground')}
        error={errorText(errors.ground?.message)}
        options={HEARING_SKIP_GROUNDS.map((ground) => ({ value: ground, label: t(`grounds.${ground}`), hint: t(`groundHints.${ground}`) }))}
        register={form.register('ground')}
      />
      <Field label={t('explanation')} hint={t('explanationHint')} error={errorText(errors.explanation?.message)} required>
        {(a11y) => <textarea rows={3} maxLength={STEP_LIMITS.reason} {...a11y} {...form.register('explanation')} />}
      </Field>
    </StepForm>
  );
}
