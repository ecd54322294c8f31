/** Copies text to the clipboard; false when the browser refused (no permission, not focused). */
export function copyToClipboard(text: string): Promise<boolean> {
  return navigator.clipboard.writeText(text).then(
    () => true,
    () => false,
  );
}
