'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Field, FormAlert, SubmitButton } from '@/components/beheer/form/Field';
import { useServerForm } from '@/components/beheer/form/useServerForm';
import { markLetterPostedAction } from '@/lib/post/actions';
import { markPostedSchema } from '@/lib/post/schemas';

/** "Verstuurd per post op <datum>": today by default, not in the future, not before the letter was written. */
export function MarkPostedForm({ id, today, writtenOn, writtenOnText, subject }: { id: number; today: string; writtenOn: string; writtenOnText: string; subject: string }) {
  const t = useTranslations('beheer.post');
  const router = useRouter();
  const { form, onSubmit, formError, errorText } = useServerForm({
    schema: markPostedSchema,
    action: (input) => markLetterPostedAction(input),
    defaultValues: { id, postedOn: today },
    onSuccess: () => {
      router.replace('/beheer/post?gedaan=posted', { scroll: false });
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={t('letters.markPosted') + ': ' + subject}>
      <FormAlert message={formError} />
      <Field label={t('letters.postedOn')} hint={t('letters.postedOnHint', { date: writtenOnText })} error={errorText(errors.postedOn?.message)} required>
        {(a11y) => (
          <div className="flex flex-wrap items-center gap-3">
            <input type="date" min={writtenOn} max={today} {...a11y} className={`${a11y.className} sm:max-w-xs`} {...form.register('postedOn')} />
            <SubmitButton pending={isSubmitting} pendingText={t('letters.marking')}>
              {t('letters.markPosted')}
            </SubmitButton>
          </div>
        )}
      </Field>
    </form>
  );
}
