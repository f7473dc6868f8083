// One shadow root per checked document for the card and the findings panel, so the page's CSS cannot
// reach our UI and ours cannot reach the page. The host carries data-gkc-ui, which the core's HTML
// adapter skips, and hangs off <html> rather than <body> (长者版 toolbars scale <body> with a transform,
// which would shift anything position:fixed inside it).

export type UiHost = { host: HTMLElement; shadow: ShadowRoot; container: HTMLElement; remove(): void };

export function createUiHost(doc: Document, css: string): UiHost {
  const host = doc.createElement('gkc-ui');
  host.setAttribute('data-gkc-ui', '');
  host.setAttribute('style', 'all:initial!important;position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;z-index:2147483647!important;display:block!important');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  container.className = 'root';
  shadow.append(style, container);
  // Keys typed in our UI are ours: the page's shortcuts never see them (Esc is handled in capture).
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
  doc.documentElement.appendChild(host);
  return { host, shadow, container, remove: () => host.remove() };
}
