/*
 * QueryLens toolbar: the badge on a page and the panel with the request's statements, also used inline by the
 * dashboard's detail page. ES modules the browser loads as they are (sql, panel, badge, requests): no build step,
 * no CDN. The page's nonce, if its policy asks for one, carries over to the imported modules.
 */
import { el, renderPanel } from './panel.js';
import { mountBadge } from './badge.js';
import { client } from './requests.js';
import { inline, formatted } from './sql.js';

const script = document.querySelector('script[data-querylens-id][src$="/static/toolbar.js"]');

function shadowFor(host, base, nonce) {
	const root = host.attachShadow({ mode: 'open' });
	const link = document.createElement('link');
	link.rel = 'stylesheet';
	link.href = base + '/static/toolbar.css';
	if (nonce) {
		link.nonce = nonce;
	}
	root.appendChild(link);
	const frame = el('div', 'ql-root ql-loading');
	link.addEventListener('load', function () {
		frame.classList.remove('ql-loading');
	});
	link.addEventListener('error', function () {
		frame.classList.remove('ql-loading');
	});
	root.appendChild(frame);
	return frame;
}

if (script && !window.__queryLensLoaded) {
	window.__queryLensLoaded = true;
	const pageId = script.getAttribute('data-querylens-id');
	const base = script.getAttribute('data-querylens-base');
	const nonce = script.nonce || script.getAttribute('nonce') || '';
	const api = client(base);
	let badge = null;
	if (script.getAttribute('data-querylens-mode') === 'inline') {
		const host = document.getElementById('querylens-detail');
		if (host) {
			const panel = el('div', 'ql-panel ql-inline');
			shadowFor(host, base, nonce).appendChild(panel);
			api.load(pageId).then(function (data) {
				renderPanel(panel, data, { api: api, base: base });
			}, function (error) {
				panel.appendChild(el('p', 'ql-error', error.message));
			});
		}
	}
	else {
		badge = mountBadge({ api: api, base: base, pageId: pageId, shadowFor: function (host) {
			return shadowFor(host, base, nonce);
		} });
	}
	window.QueryLens = {
		inline: inline,
		format: formatted,
		requests: function () {
			return badge ? badge.requests() : [];
		}
	};
}
