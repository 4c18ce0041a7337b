import { array, custom, type input, maxLength, minLength, object, regex, string, trim, uuid } from 'zod/mini';
import { activeManagers, activeUser, answerByIdempotencyKey, attachmentCount, insertAttachments, lockComplaintByTokenHash } from '@/db/attachments';
import type { Tx } from '@/db/client';
import type { LockedComplaint } from '@/db/procedure';
import { organisationOrDefault } from '@/db/settings';
import { defineAction, Forbidden, RuleViolation } from '@/lib/actions/pipeline';
import { clientAnswerNotice } from '@/lib/mail/letters';
import { deliverOutboxAfterResponse } from '@/lib/mail/schedule';
import type { IsoDate } from '@/lib/procedure/dates';
import type { Status } from '@/lib/procedure/vocabulary';
import { appUrl } from '@/lib/server/env';
import { hashToken, TOKEN_PATTERN } from '@/lib/server/tokens';
import { attachmentFieldErrors, ATTACHMENT_LIMITS, ATTACHMENT_TYPES, checkAttachments, formatFileSize } from './attachments';
import { detectedType } from './attachment-type';
import { LIMITS } from './limits';
import { runClientStep } from './steps/define';
import { answerOpenQuestion } from './steps/inquiry';
import { type StepMessage, toOther } from './steps/mail';

/**
 * The client answers our question on their status page (DESIGN rule 8). The secret link is their authority: there is
 * no staff session. One transaction through the action pipeline: the files checked by their content (before anything
 * is read or written) → the complaint locked through the link → the recordAnswer step of the transition table
 * (`runClientStep`): the answer on the open question (recorded by nobody: the client), the files, the status, the
 * history entry ("client") and a mail to the handler. The same form key always yields the same answer: a double click
 * or a replay records nothing twice.
 */

/** The answer form's fields as the route hands them over (the files already read, bounded by the route). */
export const clientAnswerSchema = object(
  {
    token: string('invalid').check(regex(TOKEN_PATTERN, 'invalid')),
    questionId: string('invalid').check(regex(/^[1-9]\d{0,8}$/, 'invalid')),
    answer: string('required').check(trim(), minLength(1, 'required'), maxLength(LIMITS.description, 'tooLong')),
    idempotencyKey: uuid('invalid'),
    attachments: array(
      object({ name: string('invalid').check(maxLength(1000, 'invalid')), bytes: custom<Uint8Array>((value) => value instanceof Uint8Array, 'invalid') }, 'invalid'),
      'invalid',
    ).check(maxLength(ATTACHMENT_LIMITS.maxFiles * 4, 'attachmentTooMany')),
  },
  'invalid',
);
export type ClientAnswerInput = input<typeof clientAnswerSchema>;

export type ClientAnswerResult = { status: Status; answeredOn: IsoDate | null; attachments: number; repeated: boolean };

/** Who hears about the answer: the complaint's handler; without an (active) one, the managers, who assign. */
async function staffMessages(tx: Tx, complaint: LockedComplaint, answeredOn: IsoDate, attachmentCount: number): Promise<StepMessage[]> {
  const handler = await activeUser(tx, complaint.handlerId);
  const recipients = handler ? [handler] : await activeManagers(tx);
  const organisation = await organisationOrDefault(tx);
  const fileUrl = `${appUrl()}/beheer/klachten/${complaint.id}`;
  return recipients.map((person) =>
    toOther(
      'client_answer',
      person,
      clientAnswerNotice({ staffName: person.name, reference: complaint.reference, answeredOn, attachmentCount, fileUrl, noHandler: !handler, organisation }),
    ),
  );
}

export const answerQuestion = defineAction({
  name: 'answerQuestion',
  access: 'public',
  schema: clientAnswerSchema,
  async run(tx, input, { now }): Promise<ClientAnswerResult> {
    // The files first, by what they contain: a refused file means nothing is read or written.
    const candidates = await Promise.all(
      input.attachments.map(async (file) => ({ name: file.name, size: file.bytes.byteLength, detectedType: await detectedType(file.bytes) })),
    );
    const files = checkAttachments(candidates);
    if (!files.ok) throw new RuleViolation(attachmentFieldErrors(files.problems));

    const complaint = await lockComplaintByTokenHash(tx, hashToken(input.token));
    // An unknown link answers like a page that does not exist.
    if (!complaint) throw new Forbidden();
    const earlier = await answerByIdempotencyKey(tx, input.idempotencyKey);
    // The same form sent again: the answer it already gave. A key another complaint's answer used is not this form's
    // (a browser makes a fresh random one per form): refused like a malformed form, nothing written.
    if (earlier && earlier.complaintId !== complaint.id) throw new RuleViolation({ _form: ['invalid'] });
    if (earlier) return { status: complaint.status, answeredOn: earlier.answeredOn, attachments: await attachmentCount(tx, earlier.id), repeated: true };

    let answeredOn: IsoDate | null = null;
    const result = await runClientStep(tx, 'recordAnswer', complaint, now, async ({ today }) => {
      answeredOn = today;
      const { question, details } = await answerOpenQuestion(tx, complaint, {
        answer: input.answer,
        answeredOn: today,
        via: null,
        recordedBy: null,
        questionId: Number(input.questionId),
        idempotencyKey: input.idempotencyKey,
      });
      const stored = await insertAttachments(
        tx,
        files.files.map((file, i) => ({
          complaintId: complaint.id,
          informationRequestId: question.id,
          fileName: file.name,
          contentType: file.contentType,
          sizeBytes: file.size,
          content: input.attachments[i]!.bytes,
        })),
      );
      const listed = stored.map((file) => `${file.fileName} (${ATTACHMENT_TYPES[file.contentType as keyof typeof ATTACHMENT_TYPES].label}, ${formatFileSize(file.sizeBytes)})`);
      return {
        details: { ...details, ...(listed.length > 0 ? { attachments: listed } : {}) },
        messages: await staffMessages(tx, complaint, today, stored.length),
      };
    });
    return { status: result.status, answeredOn, attachments: files.files.length, repeated: false };
  },
  after: deliverOutboxAfterResponse,
});
