// Copies text for the user to paste: the Clipboard API where the page may use it, else a selected
// text area and the browser's copy command (pages opened over plain http, older browsers). Says
// whether it worked, so the button can tell the user.

export function useClipboard(doc: Document = document) {
  async function copyText(text: string): Promise<boolean> {
    try {
      const clipboard = doc.defaultView?.navigator.clipboard
      if (clipboard) {
        await clipboard.writeText(text)
        return true
      }
    } catch {
      // Refused (no permission, no focus): the fallback below may still work.
    }
    const area = doc.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    doc.body.append(area)
    area.select()
    let done = false
    try {
      done = doc.execCommand('copy')
    } catch {
      done = false
    }
    area.remove()
    return done
  }
  return { copyText }
}
