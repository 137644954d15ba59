// The site search's Web Worker: runs search-service.js off the page, so typing is
// never held up by ranking. Same origin, a module worker: allowed by the site's
// Content-Security-Policy (worker-src 'self').

import { createService } from './search-service.js';

const handle = createService((answer) => self.postMessage(answer));
self.addEventListener('message', (event) => handle(event.data));
