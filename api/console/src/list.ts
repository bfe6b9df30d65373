import { ref } from 'vue'
import { get, query } from './api'
import type { Page } from './types'

/** A paged list of the API (newest first, cursor pages) with Previous and Next. */
export function usePagedList<T>(path: () => string, limit = 25) {
  const cursors = ref<(string | null)[]>([null])
  const page = ref<Page<T> | null>(null)
  const error = ref<unknown>(null)

  async function load() {
    const base = path()
    const separator = base.includes('?') ? '&' : '?'
    try {
      page.value = await get<Page<T>>(
        base + separator + query({ limit, cursor: cursors.value[cursors.value.length - 1] }).slice(1),
      )
      error.value = null
    } catch (e) {
      error.value = e
    }
  }

  function next() {
    if (page.value?.nextCursor) {
      cursors.value = [...cursors.value, page.value.nextCursor]
      return load()
    }
  }

  function previous() {
    if (cursors.value.length > 1) {
      cursors.value = cursors.value.slice(0, -1)
      return load()
    }
  }

  function restart() {
    cursors.value = [null]
    return load()
  }

  return { page, error, cursors, load, next, previous, restart }
}
