// Bytes -> text. We decode files ourselves instead of handing a File to PapaParse, which decodes
// each slice on its own and corrupts characters split at slice boundaries.

import { workbookKind, workbookMessage } from './dialect'

/** The encodings we recognise. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; warnings: string[] }
  | { ok: false; message: string }

/** How many leading bytes we inspect for NUL bytes, the mark of a binary file. */
const SNIFF_BYTES = 8192

/** The encoding named by a byte-order mark, and the BOM's length; null without a BOM. */
export function sniffBom(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', length: 3 }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

// Is this a binary file (or UTF-16 text without a byte-order mark) rather than CSV text? Judged on
// the first bytes: NUL bytes that are not valid UTF-8 around them, or so many NULs (a tenth or
// more, as in UTF-16) that they cannot be text. A stray NUL inside a UTF-8 value is still text.
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES)
  let nuls = 0
  for (let i = 0; i < end; i++) if (bytes[i] === 0) nuls++
  if (nuls === 0) return false
  if (nuls * 10 >= end) return true
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true })
    return false
  } catch {
    return true
  }
}

// Decodes a whole file: BOM first (UTF-8, UTF-16 LE/BE), else strict UTF-8, else Windows-1252 with
// a warning, since that is what Excel writes in Western locales. A binary file is refused.
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, message: 'The file is empty.' }
  const bom = sniffBom(bytes)
  if (bom) {
    const body = bytes.subarray(bom.length)
    try {
      const text = new TextDecoder(bom.encoding, { fatal: true, ignoreBOM: true }).decode(body)
      return { ok: true, text, encoding: bom.encoding, warnings: [] }
    } catch {
      return {
        ok: false,
        message: `The file starts with a ${bom.encoding.toUpperCase()} byte-order mark but is not valid ${bom.encoding.toUpperCase()} text.`,
      }
    }
  }
  const workbook = workbookKind(bytes)
  if (workbook) return { ok: false, message: workbookMessage(workbook) }
  if (looksBinary(bytes)) {
    return {
      ok: false,
      message:
        'The file is not CSV text: it contains NUL bytes (a binary file, or UTF-16 text without a byte-order mark; save it as UTF-8 CSV).',
    }
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return { ok: true, text, encoding: 'utf-8', warnings: [] }
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes)
    return {
      ok: true,
      text,
      encoding: 'windows-1252',
      warnings: [
        'The file is not valid UTF-8; it was read as Windows-1252 (Western European). Check accented letters and symbols.',
      ],
    }
  }
}
