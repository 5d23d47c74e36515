// Saves text, a Blob or an image as a file, through a temporary link: the one place the page
// touches the DOM to download. Every function takes the file's name first.

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
  function downloadBlob(fileName: string, data: Blob): void {
    const url = URL.createObjectURL(data)
    saveHref(url, fileName, doc)
    // Revoked later: some browsers read the blob after click() returns, and revoking at once can
    // cancel the download.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
    downloadBlob(fileName, new Blob([text], { type }))
  }
  function downloadDataUrl(fileName: string, dataUrl: string): void {
    saveHref(dataUrl, fileName, doc)
  }
  return { downloadBlob, downloadText, downloadDataUrl }
}
