// The page's title and its link-preview tags follow the view: "Killed by target group, Kabul,
// 2021 — <the dataset's title>". The preview tags in index.html are written at build time from the
// shipped dataset's metadata (crawlers do not run scripts); here they follow the view for tools
// that read the live page.

import { computed, watchEffect } from 'vue'
import { viewHeading, viewTitle } from '../core/view/viewTitle'
import { useDataset } from './useDataset'
import { useViewState } from './useViewState'

function setMeta(doc: Document, attribute: 'name' | 'property', key: string, content: string) {
  let tag = doc.head.querySelector<HTMLMetaElement>(`meta[${attribute}="${key}"]`)
  if (!tag) {
    tag = doc.createElement('meta')
    tag.setAttribute(attribute, key)
    doc.head.append(tag)
  }
  tag.content = content
}

export function usePageMeta(doc: Document = document) {
  const { meta, sourceName } = useDataset()
  const { view } = useViewState()
  const datasetTitle = computed(() => meta.value.title || sourceName.value)
  const title = computed(() => viewTitle(view.value, datasetTitle.value))
  const heading = computed(() => viewHeading(view.value))

  watchEffect(() => {
    doc.title = title.value
    setMeta(doc, 'property', 'og:title', title.value)
    setMeta(doc, 'name', 'twitter:title', title.value)
    const description = meta.value.description
    if (description !== '') {
      setMeta(doc, 'property', 'og:description', description)
      setMeta(doc, 'name', 'description', description)
    }
  })
  return { title, heading, datasetTitle }
}
