import { requireActor } from '@/lib/auth/page';

/** The inbox (placeholder until the inbox lands). */
export default async function InboxPage() {
  const actor = await requireActor('complaints.read');
  return <h1 className="text-2xl font-bold">Klachten — {actor.name}</h1>;
}
