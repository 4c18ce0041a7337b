import { getDb, type Db } from '@/db/client';
import { type Actor, currentActor } from '@/lib/auth/actor';
import { contentDisposition, isAttachmentType } from '@/lib/complaints/attachments';
import { parseComplaintId } from '@/lib/complaints/file';
import { logAccessQuietly } from '@/lib/privacy/access-log';
import { loggableError } from './log-error';

export type StoredFile = { fileName: string; contentType: string; content: Uint8Array };

/** What a lookup gives: the file, and the complaint it belongs to (its opening goes into the access log), or null. */
export type Found = { file: StoredFile; complaintId: number | null } | null;

/**
 * A stored file as a download for signed-in staff (the attachment routes). The lookup decides who may have it and
 * answers null otherwise, so a file one may not see answers like one that does not exist (404). Always `attachment`,
 * with the type found in the content when it was stored, `nosniff` and a sandbox: never shown or run in the browser.
 * When the database is unavailable (also while checking the session) the answer is 503, never a 500.
 */
export async function staffDownload(rawId: string, lookup: (db: Db, id: number, actor: Actor) => Promise<Found>): Promise<Response> {
  try {
    const id = parseComplaintId(rawId);
    const actor = await currentActor();
    if (id === null || !actor || actor.mustChangePassword) return plain(404, 'Niet gevonden');
    const found = await lookup(await getDb(), id, actor);
    if (!found) return plain(404, 'Niet gevonden');
    const { file, complaintId } = found;
    if (complaintId !== null) await logAccessQuietly(actor, complaintId, 'attachment');
    return new Response(Buffer.from(file.content), {
      headers: {
        'Content-Type': isAttachmentType(file.contentType) ? file.contentType : 'application/octet-stream',
        'Content-Disposition': contentDisposition(file.fileName),
        'Content-Length': String(file.content.byteLength),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    console.error(`download failed: ${loggableError(error)}`);
    return plain(503, 'Tijdelijk niet beschikbaar. Probeer het over een paar minuten opnieuw.');
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
