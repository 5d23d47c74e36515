// Saves text or an image as a file, through a temporary link: the one place the page touches the
// DOM to download.

function saveHref(href: string, fileName: string, doc: Document): void {
  const link = doc.createElement('a')
  link.href = href
  link.download = fileName
  link.style.display = 'none'
  doc.body.append(link)
  link.click()
  link.remove()
}

export function useDownload(doc: Document = document) {
  function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
    const url = URL.createObjectURL(new Blob([text], { type }))
    saveHref(url, fileName, doc)
    // Revoke later: some browsers read the blob after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  function downloadDataUrl(fileName: string, dataUrl: string): void {
    saveHref(dataUrl, fileName, doc)
  }
  return { downloadText, downloadDataUrl }
}
