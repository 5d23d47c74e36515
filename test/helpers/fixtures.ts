import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The bytes of a file under test/fixtures/. */
export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)))
}

/** The header of a file with only our required columns. */
export const REQUIRED_HEADER =
  'incident_id,date,target_group,killed_min,killed_max,injured_min,injured_max'
