import { describe, expect, it } from 'vitest'
import { frameReport } from '../../../src/core/extract/report'

const framed = (text: string) => {
  const frame = frameReport(text)
  return { ...frame, lines: frame.frame.map((s) => text.slice(s.start, s.end)) }
}

describe('the frame of a published report', () => {
  it('blanks the headline and the dateline, and reads the dateline as the report’s date', () => {
    const text =
      'Suicide Attack Kills 13 in Afghanistan\nMay 1, 2014\n\nA suicide attack in northeastern Afghanistan has killed at least 13 people.\n'
    const frame = framed(text)
    expect(frame.lines).toEqual(['Suicide Attack Kills 13 in Afghanistan', 'May 1, 2014'])
    expect(frame.reference).toBe('2014-05-01')
    expect(frame.referenceFrom).toBe('dateline')
    // Same length, every offset still points into the text; the body is untouched.
    expect(frame.body).toHaveLength(text.length)
    expect(frame.body.trim()).toBe(
      'A suicide attack in northeastern Afghanistan has killed at least 13 people.',
    )
  })

  it.each([
    ['Monday, June 8, 2009', '2009-06-08'],
    ['VOA News, April 28, 2019', '2019-04-28'],
    ['14 September 2021', '2021-09-14'],
    ['September 2017', '2017-09'],
  ])('reads the dateline %s as %s', (line, iso) => {
    expect(frameReport(`Headline Here\n${line}\n\nThe body, a sentence.\n`).reference).toBe(iso)
  })

  it('takes a caption’s date when there is no dateline, but never a FILE photo’s', () => {
    const caption =
      'Police Killed\n\nThe caskets of 25 policemen are carried in Cairo August 19, 2013.\n\nThe bodies of 24 policemen were flown to Cairo.\n'
    const frame = framed(caption)
    expect(frame.lines).toContain(
      'The caskets of 25 policemen are carried in Cairo August 19, 2013.',
    )
    expect(frame.reference).toBe('2013-08-19')
    expect(frame.referenceFrom).toBe('caption')
    const file = frameReport(
      'Peacekeepers Killed\n\nFILE - A peacekeeper stands guard in Kidal, Mali, July 28, 2013.\n\nTwo peacekeepers were killed Saturday.\n',
    )
    expect(file.reference).toBeNull()
  })

  it('blanks a list of sources, whose titles are headlines, not incidents', () => {
    const frame = framed(
      'Blast in Baghdad\nMonday, December 13, 2004\n\n13 Iraqis were killed on Monday.\n\nSources\n13 December 2004, Baghdad Suicide Bomb Attack Kills at Least 7, VOA News.\n',
    )
    expect(frame.lines.at(-1)).toContain('Kills at Least 7')
    expect(frame.body).not.toContain('Kills at Least 7')
  })

  it('keeps a body sentence that ends with a date in the past tense', () => {
    const frame = framed('Headline\n\nGunmen killed five people in Kano on January 10, 2013.\n')
    expect(frame.body).toContain('Gunmen killed five people')
  })
})
