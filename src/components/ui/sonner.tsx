import { Toaster as Sonner, type ToasterProps } from 'sonner'

/** The app's toaster (rendered once in __root.tsx); follows the system theme. */
export function Toaster(props: ToasterProps) {
  return <Sonner theme="system" closeButton position="bottom-right" {...props} />
}
