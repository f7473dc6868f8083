// What was and was not checked, in plain words. Never green when a table was not read.
import type { SiteView } from '../view.ts';

export function CoverageBanner({ view }: { view: SiteView }) {
  const { banner } = view;
  return (
    <div class={`banner banner-${banner.level}`} role="status" data-verdict={view.verdict}>
      <p class="banner-headline">
        <span class="banner-icon" aria-hidden="true">
          {banner.level === 'ok' ? '✔' : banner.level === 'warn' ? '!' : '✖'}
        </span>
        {banner.headline}
      </p>
      {banner.lines.length > 0 && (
        <ul>
          {banner.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
