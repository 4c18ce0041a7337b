/**
 * Files a client sends with an answer on their status page: which are accepted, and under what name they are kept.
 * Pure (no I/O, no validation library), so the answer form in the browser can use the same limits. The type is the one
 * found in the file's content (`detectedType`, lib/complaints/attachment-type.ts), never the name or what the browser
 * claims: a program renamed to .pdf is refused.
 */

/** The types accepted, with the extensions a file of that type may carry (the first is added when it has none of them). */
export const ATTACHMENT_TYPES = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'image/jpeg': { label: 'JPG', extensions: ['jpg', 'jpeg'] },
  'image/png': { label: 'PNG', extensions: ['png'] },
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

export const ATTACHMENT_LIMITS = {
  /** At most this many files with one answer. */
  maxFiles: 5,
  /** At most 10 MB per file. */
  maxBytes: 10 * 1024 * 1024,
  /** The longest file name kept (longer ones are shortened, keeping the extension). */
  nameLength: 200,
} as const;

/**
 * The most an answer request may carry: five files at the limit, the text and the form's overhead. The route reads no
 * more than this and refuses the rest before parsing anything.
 */
export const ANSWER_REQUEST_MAX_BYTES = ATTACHMENT_LIMITS.maxFiles * ATTACHMENT_LIMITS.maxBytes + 1024 * 1024;

/** What the browser accepts in its file picker (a convenience only: the server checks the content). */
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

export function isAttachmentType(type: string | null | undefined): type is AttachmentType {
  return typeof type === 'string' && Object.hasOwn(ATTACHMENT_TYPES, type);
}

/** A file as sent: its name, its size in bytes and the type its content shows (null when none is recognised). */
export type AttachmentCandidate = { name: string; size: number; detectedType: string | null };

/** Why a file is refused: message keys (`answer.errors.<key>`). */
export type AttachmentRefusal = 'attachmentEmpty' | 'attachmentTooLarge' | 'attachmentType';

export type AttachmentProblem = { index: number; refusal: AttachmentRefusal } | { index: null; refusal: 'attachmentTooMany' };

/** An accepted file: the name it is kept under and its type. */
export type AcceptedAttachment = { name: string; contentType: AttachmentType; size: number };

export type AttachmentCheck = { ok: true; files: AcceptedAttachment[] } | { ok: false; problems: AttachmentProblem[] };

/**
 * Checks the files of one answer: at most five; each not empty, at most 10 MB, and a PDF, JPEG or PNG by content.
 * Every problem is reported (one per file), so the client can fix them all at once.
 */
export function checkAttachments(files: readonly AttachmentCandidate[]): AttachmentCheck {
  const problems: AttachmentProblem[] = [];
  if (files.length > ATTACHMENT_LIMITS.maxFiles) problems.push({ index: null, refusal: 'attachmentTooMany' });
  const accepted: AcceptedAttachment[] = [];
  files.forEach((file, index) => {
    const refusal = fileRefusal(file);
    if (refusal) problems.push({ index, refusal });
    else accepted.push({ name: attachmentName(file.name, file.detectedType as AttachmentType), contentType: file.detectedType as AttachmentType, size: file.size });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, files: accepted };
}

function fileRefusal(file: AttachmentCandidate): AttachmentRefusal | null {
  if (file.size <= 0) return 'attachmentEmpty';
  if (file.size > ATTACHMENT_LIMITS.maxBytes) return 'attachmentTooLarge';
  return isAttachmentType(file.detectedType) ? null : 'attachmentType';
}

/** The problems as field errors of the answer form: `attachments` for the number, `attachments.<i>` per file. */
export function attachmentFieldErrors(problems: readonly AttachmentProblem[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const problem of problems) (errors[problem.index === null ? 'attachments' : `attachments.${problem.index}`] ??= []).push(problem.refusal);
  return errors;
}

// Control characters, and format characters such as right-to-left overrides ("fdp.exe" shown as "exe.pdf").
const UNSAFE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu;

/**
 * The name a file is kept and offered for download under: without any folder part, without control or direction
 * characters, at most 200 characters, and always ending in an extension of its real type (so a PDF sent as
 * "scan.exe" downloads as "scan.exe.pdf" and opens as what it is).
 */
export function attachmentName(raw: string, type: AttachmentType): string {
  const base = (raw.split(/[/\\]/).pop() ?? '').replace(UNSAFE, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  const { extensions } = ATTACHMENT_TYPES[type];
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  const stem = (extensions as readonly string[]).includes(extension) ? base.slice(0, dot) : base;
  const suffix = `.${(extensions as readonly string[]).includes(extension) ? extension : extensions[0]}`;
  const kept = Array.from(stem || 'bijlage')
    .slice(0, ATTACHMENT_LIMITS.nameLength - suffix.length)
    .join('')
    .trim();
  return `${kept || 'bijlage'}${suffix}`;
}

/** A size the way people read it: "840 kB", "2,4 MB" (Dutch) or "2.4 MB" (English). */
export function formatFileSize(bytes: number, locale: 'nl' | 'en' = 'nl'): string {
  const format = (n: number, digits: number) =>
    new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: digits }).format(n);
  if (bytes < 1024) return `${format(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${format(Math.max(1, Math.round(bytes / 1024)), 0)} kB`;
  return `${format(bytes / (1024 * 1024), 1)} MB`;
}

/**
 * `Content-Disposition: attachment` with the file's name: an ASCII fallback and the exact name (RFC 6266 / 5987), so
 * the browser always saves the file and never shows it inline.
 */
export function contentDisposition(name: string): string {
  const stripped = name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\;%]/g, '_').trim();
  const ascii = stripped === '' || stripped.startsWith('.') ? `bijlage${stripped}` : stripped;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
