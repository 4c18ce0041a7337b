import type { LinkableUser } from './StaffForm';

type Row = { id: number; name: string; email: string; active: boolean; staffId: number | null };

/** The accounts a staff record may be linked to; accounts linked to another record are shown but cannot be chosen. */
export function linkableUserOptions(rows: readonly Row[], staffId: number | null, labels: { taken: string; inactive: string }): LinkableUser[] {
  const byUser = new Map<number, Row[]>();
  for (const row of rows) byUser.set(row.id, [...(byUser.get(row.id) ?? []), row]);
  return [...byUser.values()].map((links) => {
    const row = links[0]!;
    // Linked to another record than this one (older data may hold more than one link).
    const takenByOther = links.some((link) => link.staffId !== null && link.staffId !== staffId);
    const notes = [takenByOther ? labels.taken : null, row.active ? null : labels.inactive].filter(Boolean);
    return { id: row.id, label: `${row.name} (${row.email})${notes.length ? ` – ${notes.join(', ')}` : ''}`, takenByOther };
  });
}
