// Text inside a PNG: iTXt chunks (UTF-8 keyword/value pairs, PNG specification 11.3.4.5) put after
// the header chunk, so a published chart carries its title, description, source and address in
// the file as well as in its pixels (image tools and search engines read them). And the image's
// size, read from its header.

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** CRC-32 of bytes, as PNG chunks use it. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 33 && SIGNATURE.every((byte, i) => bytes[i] === byte)
}

/** Width and height of a PNG in pixels, from its header; null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (!isPng(bytes)) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

function itxtChunk(keyword: string, text: string): Uint8Array {
  const encoder = new TextEncoder()
  // Keyword (Latin-1, 1-79 bytes), NUL, no compression (0, 0), no language tag, NUL, no
  // translated keyword, NUL, then the UTF-8 text.
  const key = encoder.encode(keyword.replace(/[^\x20-\x7e]/g, '').slice(0, 79))
  const value = encoder.encode(text)
  const data = new Uint8Array(key.length + 5 + value.length)
  data.set(key, 0)
  data.set([0, 0, 0, 0, 0], key.length)
  data.set(value, key.length + 5)
  const chunk = new Uint8Array(12 + data.length)
  const view = new DataView(chunk.buffer)
  view.setUint32(0, data.length)
  chunk.set(encoder.encode('iTXt'), 4)
  chunk.set(data, 8)
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)))
  return chunk
}

/** The PNG with an iTXt chunk per entry after its header chunk; other bytes as they were. */
export function addPngText(bytes: Uint8Array, entries: Record<string, string>): Uint8Array {
  if (!isPng(bytes)) return bytes
  const headerEnd = 8 + 12 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(8)
  const chunks = Object.entries(entries)
    .filter(([, text]) => text !== '')
    .map(([keyword, text]) => itxtChunk(keyword, text))
  const size = chunks.reduce((sum, chunk) => sum + chunk.length, bytes.length)
  const out = new Uint8Array(size)
  out.set(bytes.subarray(0, headerEnd), 0)
  let at = headerEnd
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  out.set(bytes.subarray(headerEnd), at)
  return out
}

/** The iTXt and tEXt entries of a PNG, keyword to text (for tests and checks). */
export function readPngText(bytes: Uint8Array): Record<string, string> {
  const found: Record<string, string> = {}
  if (!isPng(bytes)) return found
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const decoder = new TextDecoder()
  let at = 8
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at)
    const type = decoder.decode(bytes.subarray(at + 4, at + 8))
    const data = bytes.subarray(at + 8, at + 8 + length)
    if (type === 'iTXt' || type === 'tEXt') {
      const nul = data.indexOf(0)
      const keyword = decoder.decode(data.subarray(0, nul))
      if (type === 'tEXt') found[keyword] = new TextDecoder('latin1').decode(data.subarray(nul + 1))
      else {
        // After the keyword: compression flag and method, language tag, translated keyword.
        let p = nul + 3
        p = data.indexOf(0, p) + 1
        p = data.indexOf(0, p) + 1
        found[keyword] = decoder.decode(data.subarray(p))
      }
    }
    at += 12 + length
  }
  return found
}
