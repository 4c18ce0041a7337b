/** Readable complaint references: KL-2026-0042 (year of receipt, then the year's sequence number). */
export function formatReference(year: number, sequence: number): string {
  return `KL-${year}-${String(sequence).padStart(4, '0')}`;
}

export const REFERENCE_PATTERN = /^KL-\d{4}-\d{4,}$/;
