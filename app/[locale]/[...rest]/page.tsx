import { notFound } from 'next/navigation';

/** Unknown paths under a language get the localised not-found page. */
export default function CatchAll() {
  notFound();
}
