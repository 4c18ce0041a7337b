/** While the complaint file loads: the outline of the page. */
export default function ComplaintFileLoading() {
  return (
    <div className="animate-pulse space-y-6" aria-busy="true" aria-live="polite">
      <span className="sr-only">Laden…</span>
      <div className="h-4 w-40 rounded bg-stone-200" />
      <div className="h-8 w-72 rounded bg-stone-200" />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <div className="card h-48" />
          <div className="card h-40" />
          <div className="card h-64" />
        </div>
        <div className="space-y-6">
          <div className="card h-24" />
          <div className="card h-56" />
          <div className="card h-40" />
        </div>
      </div>
    </div>
  );
}
