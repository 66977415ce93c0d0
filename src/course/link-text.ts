/**
 * Whether a Markdown link's text already is its address: the same, or an autolink whose address
 * only adds the scheme (GFM turns www.example.test into http://www.example.test, a@b into
 * mailto:a@b). Then the TUI and the line mode print the text once, not "text (address)".
 */
export const linkSaysItsAddress = (text: string, href: string) =>
  [text, `http://${text}`, `https://${text}`, `mailto:${text}`].includes(href);
