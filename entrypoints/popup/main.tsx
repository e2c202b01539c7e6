import { render } from 'preact';
export default null;
render(<p>Negotiation Lens</p>, document.getElementById('app')!);
