import { setUpPage } from '/assets/js/layout.js';

await setUpPage({ title: 'notFound.title', current: '' });
