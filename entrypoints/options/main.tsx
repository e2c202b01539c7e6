import { render } from 'preact';
render(<p>Settings</p>, document.getElementById('app')!);
