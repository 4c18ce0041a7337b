import { describe, expect, it } from 'vitest';
import { detectedType } from './attachment-type';
import {
  ANSWER_REQUEST_MAX_BYTES,
  ATTACHMENT_LIMITS,
  type AttachmentCandidate,
  attachmentFieldErrors,
  attachmentName,
  checkAttachments,
  contentDisposition,
  formatFileSize,
} from './attachments';

const MB = 1024 * 1024;
const pdf = (name = 'brief.pdf', size = 120_000): AttachmentCandidate => ({ name, size, detectedType: 'application/pdf' });

describe('checkAttachments', () => {
  const cases: { what: string; files: AttachmentCandidate[]; expected: ReturnType<typeof checkAttachments> }[] = [
    { what: 'no files', files: [], expected: { ok: true, files: [] } },
    {
      what: 'a PDF, a JPEG and a PNG',
      files: [pdf(), { name: 'foto.JPEG', size: 2 * MB, detectedType: 'image/jpeg' }, { name: 'scherm.png', size: 5_000, detectedType: 'image/png' }],
      expected: {
        ok: true,
        files: [
          { name: 'brief.pdf', contentType: 'application/pdf', size: 120_000 },
          { name: 'foto.jpeg', contentType: 'image/jpeg', size: 2 * MB },
          { name: 'scherm.png', contentType: 'image/png', size: 5_000 },
        ],
      },
    },
    { what: 'exactly 10 MB', files: [pdf('groot.pdf', 10 * MB)], expected: { ok: true, files: [{ name: 'groot.pdf', contentType: 'application/pdf', size: 10 * MB }] } },
    { what: 'one byte over 10 MB', files: [pdf('groot.pdf', 10 * MB + 1)], expected: { ok: false, problems: [{ index: 0, refusal: 'attachmentTooLarge' }] } },
    { what: '11 MB', files: [pdf('scan.pdf', 11 * MB)], expected: { ok: false, problems: [{ index: 0, refusal: 'attachmentTooLarge' }] } },
    { what: 'an empty file', files: [pdf('leeg.pdf', 0)], expected: { ok: false, problems: [{ index: 0, refusal: 'attachmentEmpty' }] } },
    {
      what: 'a program renamed to .pdf (content says exe)',
      files: [{ name: 'factuur.pdf', size: 40_000, detectedType: 'application/x-msdownload' }],
      expected: { ok: false, problems: [{ index: 0, refusal: 'attachmentType' }] },
    },
    { what: 'content of no known type', files: [{ name: 'notitie.pdf', size: 10, detectedType: null }], expected: { ok: false, problems: [{ index: 0, refusal: 'attachmentType' }] } },
    {
      what: 'a GIF (an image, but not one we take)',
      files: [{ name: 'plaatje.gif', size: 100, detectedType: 'image/gif' }],
      expected: { ok: false, problems: [{ index: 0, refusal: 'attachmentType' }] },
    },
    { what: 'five files', files: Array.from({ length: 5 }, (_, i) => pdf(`p${i}.pdf`, 10)), expected: { ok: true, files: Array.from({ length: 5 }, (_, i) => ({ name: `p${i}.pdf`, contentType: 'application/pdf', size: 10 })) } },
    { what: 'six files', files: Array.from({ length: 6 }, (_, i) => pdf(`p${i}.pdf`, 10)), expected: { ok: false, problems: [{ index: null, refusal: 'attachmentTooMany' }] } },
    {
      what: 'every problem at once, each with its file',
      files: [pdf(), { name: 'x.pdf', size: 1, detectedType: 'application/zip' }, pdf('big.pdf', 11 * MB)],
      expected: { ok: false, problems: [{ index: 1, refusal: 'attachmentType' }, { index: 2, refusal: 'attachmentTooLarge' }] },
    },
  ];
  it.each(cases)('$what', ({ files, expected }) => {
    expect(checkAttachments(files)).toEqual(expected);
  });

  it('reports the problems as field errors of the form', () => {
    expect(
      attachmentFieldErrors([
        { index: null, refusal: 'attachmentTooMany' },
        { index: 2, refusal: 'attachmentType' },
      ]),
    ).toEqual({ attachments: ['attachmentTooMany'], 'attachments.2': ['attachmentType'] });
  });

  it('bounds the whole request to five files at the limit plus the text', () => {
    expect(ANSWER_REQUEST_MAX_BYTES).toBeGreaterThan(ATTACHMENT_LIMITS.maxFiles * ATTACHMENT_LIMITS.maxBytes);
    expect(ANSWER_REQUEST_MAX_BYTES).toBeLessThanOrEqual(52 * MB);
  });
});

describe('attachmentName', () => {
  const cases: [raw: string, type: 'application/pdf' | 'image/jpeg' | 'image/png', expected: string][] = [
    ['brief.pdf', 'application/pdf', 'brief.pdf'],
    ['Brief.PDF', 'application/pdf', 'Brief.pdf'],
    ['scan', 'application/pdf', 'scan.pdf'],
    ['setup.exe', 'application/pdf', 'setup.exe.pdf'],
    ['foto.jpg', 'application/pdf', 'foto.jpg.pdf'],
    ['foto.jpeg', 'image/jpeg', 'foto.jpeg'],
    ['C:\\Users\\henk\\Documents\\brief.pdf', 'application/pdf', 'brief.pdf'],
    ['../../etc/passwd', 'image/png', 'passwd.png'],
    ['.verborgen.png', 'image/png', 'verborgen.png'],
    ['rekening\u202Efdp.exe', 'application/pdf', 'rekeningfdp.exe.pdf'],
    ['regel\r\neen.pdf', 'application/pdf', 'regeleen.pdf'],
    ['   ', 'image/png', 'bijlage.png'],
    ['', 'application/pdf', 'bijlage.pdf'],
    ['ééntje.png', 'image/png', 'ééntje.png'],
  ];
  it.each(cases)('%j as %s → %j', (raw, type, expected) => {
    expect(attachmentName(raw, type)).toBe(expected);
  });

  it('shortens a long name to 200 characters and keeps the extension', () => {
    const name = attachmentName(`${'a'.repeat(500)}.pdf`, 'application/pdf');
    expect(name).toHaveLength(200);
    expect(name.endsWith('a.pdf')).toBe(true);
  });
});

describe('detectedType: the content decides, not the name', () => {
  const bytes = (...parts: (string | number[])[]) =>
    new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? Array.from(Buffer.from(p, 'latin1')) : p)));
  const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', new Array(17).fill(0));
  const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0], new Array(20).fill(0));
  const PDF = bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  const EXE = bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff], new Array(200).fill(0));
  const ZIP = bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0], new Array(40).fill(0));
  const cases: [what: string, content: Uint8Array, expected: string | null][] = [
    ['a PDF', PDF, 'application/pdf'],
    ['a PNG', PNG, 'image/png'],
    ['a JPEG', JPEG, 'image/jpeg'],
    ['a Windows program', EXE, 'application/x-msdownload'],
    ['plain text', bytes('Dit is gewoon tekst, geen PDF.'), null],
    ['nothing', new Uint8Array(0), null],
  ];
  it.each(cases)('%s', async (_what, content, expected) => {
    expect(await detectedType(content)).toBe(expected);
  });

  it('a zip is not accepted, whatever it is called', async () => {
    const type = await detectedType(ZIP);
    expect(checkAttachments([{ name: 'brief.pdf', size: ZIP.byteLength, detectedType: type }])).toEqual({ ok: false, problems: [{ index: 0, refusal: 'attachmentType' }] });
  });
});

describe('download headers and sizes', () => {
  it.each([
    ['brief.pdf', `attachment; filename="brief.pdf"; filename*=UTF-8''brief.pdf`],
    ['ééntje "x".png', `attachment; filename="eentje _x_.png"; filename*=UTF-8''%C3%A9%C3%A9ntje%20%22x%22.png`],
    ['符号.pdf', `attachment; filename="bijlage.pdf"; filename*=UTF-8''%E7%AC%A6%E5%8F%B7.pdf`],
  ])('%j', (name, expected) => {
    expect(contentDisposition(name)).toBe(expected);
  });

  it.each([
    [512, 'nl', '512 B'],
    [120_000, 'nl', '117 kB'],
    [2.4 * MB, 'nl', '2,4 MB'],
    [2.4 * MB, 'en', '2.4 MB'],
    [10 * MB, 'nl', '10 MB'],
  ] as const)('%d bytes (%s) → %s', (bytes, locale, expected) => {
    expect(formatFileSize(bytes, locale)).toBe(expected);
  });
});
