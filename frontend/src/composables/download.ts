/**
 * Hands a fetched file to the browser as a download (an <a download> on an object URL), so files that need the
 * bearer token (dossier PDFs, export ZIPs, fitness sheets) save like any other download.
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // the click has started the download; keep the URL a moment for slow browsers
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** Human-readable size: 12.3 KB, 4.5 MB. */
export function formatBytes(n: number | undefined | null): string {
  if (n === undefined || n === null || Number.isNaN(n)) return '—'
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}
