import { render } from 'preact';
import { Popup, browserPopupApi } from '../../features/popup.tsx';

render(<Popup api={browserPopupApi} />, document.getElementById('app')!);
