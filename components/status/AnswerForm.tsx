'use client';

import { useRouter } from 'next/navigation';
import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { CharCount, type CharCountTexts } from '@/components/CharCount';
import { ATTACHMENT_ACCEPT, ATTACHMENT_LIMITS, formatFileSize } from '@/lib/complaints/attachments';
import { newIdempotencyKey } from '@/lib/complaints/idempotency-key';
import { LIMITS } from '@/lib/complaints/limits';
import { fillIn, formatCount, textLength } from '@/lib/complaints/text-length';
import type { Locale } from '@/lib/procedure/vocabulary';

type Messages = typeof import('@/lib/i18n/messages/nl.json');
export type AnswerFormTexts = Messages['answer'] & { count: CharCountTexts };

type Props = { locale: Locale; token: string; questionId: number; texts: AnswerFormTexts };

type Values = { answer: string };
type ErrorKey = keyof Messages['answer']['errors'];

const MAX_MB = ATTACHMENT_LIMITS.maxBytes / (1024 * 1024);
const EXTENSIONS = /\.(pdf|jpe?g|png)$/i;

/**
 * The client's answer to our open question, on their status page: the text with a live count, and up to five files.
 * The browser checks what it can (number, size, the name's extension) so nobody waits for an upload that is refused;
 * the server checks it all again, the type by the file's content. One key per filled-in form: a double click or a
 * retry never records the answer twice. After it is recorded the page reloads and says the answer came in.
 */
export function AnswerForm({ locale, token, questionId, texts }: Props) {
  const router = useRouter();
  const [files, setFiles] = useState<File[]>([]);
  const [fileErrors, setFileErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [key, setKey] = useState('');
  const [done, setDone] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    control,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ defaultValues: { answer: '' }, mode: 'onSubmit', reValidateMode: 'onChange' });

  useEffect(() => setKey(newIdempotencyKey()), []);
  useEffect(() => {
    if (failure || Object.keys(fileErrors).length > 0) alertRef.current?.focus();
  }, [failure, fileErrors]);

  const error = (k: ErrorKey, values: Record<string, string | number> = {}) =>
    fillIn(texts.errors[k] ?? texts.errors.invalid, { maxFiles: ATTACHMENT_LIMITS.maxFiles, maxMb: MAX_MB, ...values });

  /** What the browser can tell about the chosen files before sending them. */
  function checkFiles(list: File[]): Record<string, string> {
    const found: Record<string, string> = {};
    if (list.length > ATTACHMENT_LIMITS.maxFiles) found.attachments = error('attachmentTooMany');
    list.forEach((file, i) => {
      if (file.size === 0) found[`attachments.${i}`] = error('attachmentEmpty', { name: file.name });
      else if (file.size > ATTACHMENT_LIMITS.maxBytes) found[`attachments.${i}`] = error('attachmentTooLarge', { name: file.name });
      else if (!EXTENSIONS.test(file.name)) found[`attachments.${i}`] = error('attachmentType', { name: file.name });
    });
    return found;
  }

  function onPick(event: ChangeEvent<HTMLInputElement>) {
    const picked = Array.from(event.target.files ?? []);
    event.target.value = '';
    const next = [...files, ...picked];
    setFiles(next);
    setFileErrors(checkFiles(next));
  }

  function remove(index: number) {
    const next = files.filter((_, i) => i !== index);
    setFiles(next);
    setFileErrors(checkFiles(next));
    pickerRef.current?.focus();
  }

  const validateAndSubmit = handleSubmit(async (values) => {
    const local = checkFiles(files);
    setFileErrors(local);
    if (Object.keys(local).length > 0) return;
    const body = new FormData();
    body.set('questionId', String(questionId));
    body.set('answer', values.answer);
    body.set('idempotencyKey', key);
    for (const file of files) body.append('attachments', file, file.name);
    let response: Response;
    let result: { ok: boolean; error?: string; fieldErrors?: Record<string, string[]> };
    try {
      response = await fetch(`/api/status/${encodeURIComponent(token)}/answer`, { method: 'POST', body, headers: { Accept: 'application/json' } });
      result = await response.json();
    } catch {
      setFailure(error('network'));
      return;
    }
    if (result.ok) {
      setDone(true);
      router.refresh();
      return;
    }
    if (result.error === 'unavailable') return setFailure(error('unavailable'));
    // Too many answers from this address (429): nothing was saved; try again later.
    if (result.error === 'limited') return setFailure(error('tryLater'));
    const found: Record<string, string> = {};
    for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
      const raw = keys[0] ?? 'invalid';
      const k = (Object.hasOwn(texts.errors, raw) ? raw : 'invalid') as ErrorKey;
      if (field === 'answer') setError('answer', { type: 'server', message: k });
      else if (field.startsWith('attachments.')) found[field] = error(k, { name: files[Number(field.split('.')[1])]?.name ?? '' });
      else if (field === 'attachments') found.attachments = error(k);
      else if (raw === 'stepNotAllowed' || raw === 'noOpenQuestion') setFailure(error('questionClosed'));
      else if (raw === 'complaintBlocked') setFailure(error('tryLater'));
      else setFailure(error('invalid'));
    }
    setFileErrors(found);
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    setFailure(null);
    return validateAndSubmit(event).catch(() => setFailure(error('network')));
  };

  const answerError = (() => {
    const k = errors.answer?.message as ErrorKey | undefined;
    if (!k) return undefined;
    if (k === 'tooLong') return error('tooLong', { count: formatCount(textLength(getValues('answer')), locale), max: formatCount(LIMITS.description, locale) });
    return error(k);
  })();
  const fileMessages = Object.entries(fileErrors);
  const busy = isSubmitting || done;
  const describedBy = ['answer-hint', 'answer-count', answerError ? 'answer-error' : ''].filter(Boolean).join(' ');

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5" aria-busy={busy} data-ready={key ? true : undefined} data-testid="answer-form">
      {failure || fileMessages.length > 0 || answerError ? (
        <div role="alert" ref={alertRef} tabIndex={-1} data-testid="answer-alert" className="rounded-md border-2 border-red-700 bg-red-50 p-4">
          <p className="font-semibold text-red-800">{failure ?? texts.errorSummary}</p>
          {failure ? null : (
            <ul className="mt-2 list-disc pl-6 text-red-800">
              {answerError ? (
                <li>
                  <a className="underline" href="#answer">
                    {texts.label} – {answerError}
                  </a>
                </li>
              ) : null}
              {fileMessages.map(([field, message]) => (
                <li key={field}>
                  <a className="underline" href="#attachments">
                    {message}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}

      <div>
        <label htmlFor="answer" className="field-label">
          {texts.label}{' '}
          <span className="text-red-700" aria-hidden="true">
            *
          </span>
        </label>
        <span className="field-hint" id="answer-hint">
          {fillIn(texts.hint, { max: formatCount(LIMITS.description, locale) })}
        </span>
        <textarea
          id="answer"
          className="input min-h-32"
          rows={5}
          aria-required
          aria-invalid={answerError ? true : undefined}
          aria-describedby={describedBy}
          {...register('answer', {
            validate: (value) => (textLength(value) === 0 ? 'required' : textLength(value) > LIMITS.description ? 'tooLong' : true),
          })}
        />
        <CharCount id="answer-count" control={control} name="answer" max={LIMITS.description} locale={locale} texts={texts.count} />
        {answerError ? (
          <span id="answer-error" className="field-error">
            {answerError}
          </span>
        ) : null}
      </div>

      <div>
        <label htmlFor="attachments" className="field-label">
          {texts.files} <span className="font-normal text-stone-600">({texts.optional})</span>
        </label>
        <span className="field-hint" id="attachments-hint">
          {fillIn(texts.filesHint, { maxFiles: ATTACHMENT_LIMITS.maxFiles, maxMb: MAX_MB })}
        </span>
        {/* The browser's own file button speaks the browser's language; this one speaks the page's. */}
        <input
          ref={pickerRef}
          id="attachments"
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          onChange={onPick}
          aria-describedby="attachments-hint"
          aria-invalid={fileMessages.length > 0 ? true : undefined}
          className="peer sr-only"
        />
        <label
          htmlFor="attachments"
          className="mt-2 inline-block cursor-pointer rounded-md border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 peer-focus-visible:outline peer-focus-visible:outline-[3px] peer-focus-visible:outline-offset-2 peer-focus-visible:outline-amber-500"
        >
          {texts.pick}
        </label>
        {files.length === 0 ? <p className="mt-2 text-sm text-stone-700">{texts.noFiles}</p> : null}
        {files.length > 0 ? (
          <div className="mt-3">
            <p className="text-sm font-semibold text-stone-700" id="chosen-title">
              {texts.chosen}
            </p>
            <ul className="mt-1 space-y-2" aria-labelledby="chosen-title" data-testid="chosen-files">
              {files.map((file, i) => (
                <li key={`${file.name}-${i}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-stone-200 px-3 py-2">
                  <span className="font-semibold [overflow-wrap:anywhere]">{file.name}</span>
                  <span className="text-sm text-stone-700">{formatFileSize(file.size, locale)}</span>
                  {fileErrors[`attachments.${i}`] ? <span className="field-error w-full">{fileErrors[`attachments.${i}`]}</span> : null}
                  <button type="button" className="ml-auto text-sm font-semibold text-brand-800 underline underline-offset-4" onClick={() => remove(i)}>
                    {texts.remove}
                    <span className="sr-only"> {file.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>

      <button type="submit" className="btn-primary" disabled={busy || !key}>
        {busy ? texts.submitting : texts.submit}
      </button>
    </form>
  );
}
