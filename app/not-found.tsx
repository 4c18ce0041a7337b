import './globals.css';

/**
 * Paths outside the localised pages (e.g. an unknown file): a plain Dutch/English not-found page, plain links, nothing
 * that needs its scripts. Prerendered: it belongs to the root layout, so waiting for the request here (connection())
 * would make every page below it dynamic, the cached start page and complaint form too (issue 13). Unknown public
 * paths get the localised not-found page of app/[locale]/[...rest], rendered per request.
 */
export default function NotFound() {
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
