'use client';

/** Anything unexpected on a public page: a calm message in both languages, never a stack trace. */
export default function PublicError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="main" className="mx-auto w-full max-w-2xl px-4 py-16">
      <h1 className="text-2xl font-bold">Er ging iets mis</h1>
      <p className="mt-4">Door een storing kunnen wij deze pagina nu niet tonen. Probeer het over een paar minuten opnieuw.</p>
      <p className="mt-2" lang="en">
        Something went wrong on our side. Please try again in a few minutes.
      </p>
      <button type="button" onClick={reset} className="btn-primary mt-6">
        Opnieuw proberen / Try again
      </button>
    </main>
  );
}
