import { onBeforeUnmount, onMounted } from 'vue'

/**
 * Runs `load` now and again every `intervalMs` after the previous run finished (never two at
 * once), only while the page is visible, until the component goes away. Returns a function that
 * runs it at once (after a change the user made).
 */
export function usePolling(load: () => Promise<void>, intervalMs: () => number) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let running = false
  let stopped = false

  async function tick() {
    clearTimeout(timer)
    if (stopped) return
    if (!running && document.visibilityState !== 'hidden') {
      running = true
      try {
        await load()
      } catch {
        // The page shows its own error; the next tick tries again.
      } finally {
        running = false
      }
    }
    if (!stopped) timer = setTimeout(tick, intervalMs())
  }

  function onVisibility() {
    if (document.visibilityState === 'visible') void tick()
  }

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility)
    void tick()
  })
  onBeforeUnmount(() => {
    stopped = true
    clearTimeout(timer)
    document.removeEventListener('visibilitychange', onVisibility)
  })
  return () => tick()
}
