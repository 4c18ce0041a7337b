import { connection } from 'next/server';
import './globals.css';

/**
 * Paths outside the localised pages (e.g. an unknown file): a plain Dutch/English not-found page. Rendered per request
 * (connection()): a prerendered page's scripts carry no nonce, and the page's Content-Security-Policy has one.
 */
export default async function NotFound() {
  await connection();
  return (
    <html lang="nl">
      <body>
        <main className="mx-auto max-w-2xl px-4 py-16">
          <h1 className="text-2xl font-bold">Deze pagina bestaat niet</h1>
          <p className="mt-4" lang="en">
            This page does not exist.
          </p>
          <p className="mt-6">
            <a className="font-semibold text-brand-700 underline" href="/">
              Naar het klachtloket
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
