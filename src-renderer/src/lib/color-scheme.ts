const DARK_QUERY = '(prefers-color-scheme: dark)'

/** Keeps the `.dark` class on <html> in sync with the OS preference; returns a function that stops it. */
export function followSystemColorScheme(root: HTMLElement = document.documentElement): () => void {
  const media = window.matchMedia(DARK_QUERY)
  const apply = () => {
    root.classList.toggle('dark', media.matches)
    root.style.colorScheme = media.matches ? 'dark' : 'light'
  }
  apply()
  media.addEventListener('change', apply)
  return () => media.removeEventListener('change', apply)
}
