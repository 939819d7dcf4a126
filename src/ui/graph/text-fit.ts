// Shortens labels to fit a box without measuring text in the DOM: measuring hundreds of labels
// forces layout on every redraw, and an estimate is good enough with an ellipsis and the full
// text in the accessible name.

/** Average advance of a character in em for the UI's sans-serif (digits and lowercase dominate). */
const EM_PER_CHAR = { regular: 0.56, bold: 0.6 } as const;

/** `text`, cut with an ellipsis if it would be wider than `width` pixels at `size`. */
export function fitText(text: string, width: number, size: number, weight: keyof typeof EM_PER_CHAR = 'regular'): string {
  const fits = Math.floor(width / (size * EM_PER_CHAR[weight]));
  return text.length <= fits ? text : `${text.slice(0, Math.max(1, fits - 1))}…`;
}
