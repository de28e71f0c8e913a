/*
 * QueryLens toolbar, badge: the corner button on a page, summing the page and its calls (statements, DB time, the
 * worst finding), and the panel it opens. Lives in a shadow root, so the page's styles cannot reach it.
 */
import { el, button, millis, plural, findingLabel, renderPanel, state } from './panel.js';
import { watchCalls } from './requests.js';

const CORNERS = ['bottom-right', 'bottom-left', 'top-left', 'top-right'];
const SEVERITY = ['INFO', 'WARNING', 'ERROR'];

function storage(kind) {
	try {
		return window[kind];
	}
	catch (e) {
		return null;
	}
}

// The page's recording and those of its calls, added up: what the badge says.
export function totals(recordings) {
	const sum = { queryCount: 0, queryTimeMs: 0, findings: [], loaded: 0 };
	recordings.forEach(function (data) {
		if (!data) {
			return;
		}
		sum.loaded++;
		sum.queryCount += data.queryCount;
		sum.queryTimeMs += data.queryTimeMs;
		(data.findings || []).forEach(function (f) {
			if (!f.ignored) {
				sum.findings.push({ finding: f, uri: data.uri });
			}
		});
	});
	// The worst first, the page's own before its calls' at the same severity.
	sum.findings.sort(function (a, b) {
		return SEVERITY.indexOf(b.finding.severity) - SEVERITY.indexOf(a.finding.severity);
	});
	return sum;
}

export function mountBadge(config) {
	const api = config.api;
	const session = storage('sessionStorage');
	const local = storage('localStorage');
	if (session && session.getItem('querylens.hidden') === 'true') {
		return null;
	}
	const requests = [{ id: config.pageId, method: null, url: location.href, own: true }];
	let selected = config.pageId;
	let open = false;
	let history = [];
	const host = document.createElement('querylens-toolbar');
	host.id = 'querylens-toolbar';
	// Inline !important declarations win over any rule of the page's own stylesheets.
	[['all', 'initial'], ['position', 'fixed'], ['z-index', '2147483647'], ['display', 'block'],
		['top', '0'], ['left', '0'], ['width', '0'], ['height', '0'], ['overflow', 'visible'],
		['visibility', 'visible'], ['opacity', '1'], ['transform', 'none'], ['filter', 'none'],
		['contain', 'none'], ['pointer-events', 'auto']].forEach(function (rule) {
		host.style.setProperty(rule[0], rule[1], 'important');
	});
	const frame = config.shadowFor(host);
	let corner = (local && local.getItem('querylens.corner')) || 'bottom-right';
	if (CORNERS.indexOf(corner) < 0) {
		corner = 'bottom-right';
	}
	let collapsed = local && local.getItem('querylens.collapsed') === 'true';
	const badge = el('div', 'ql-badge');
	const panel = el('div', 'ql-panel ql-overlay');
	panel.hidden = true;
	frame.appendChild(badge);
	frame.appendChild(panel);
	// Under the root element, not the body: a transform or filter on the body would otherwise become the badge's
	// containing block and move it.
	document.documentElement.appendChild(host);

	function placeBadge() {
		CORNERS.forEach(function (c) {
			badge.classList.remove('ql-' + c);
			panel.classList.remove('ql-panel-' + c);
		});
		badge.classList.add('ql-' + corner);
		panel.classList.add('ql-panel-' + corner);
		badge.classList.toggle('ql-collapsed', !!collapsed);
		badge.setAttribute('data-corner', corner);
	}

	function renderBadge() {
		badge.textContent = '';
		const page = api.cached(config.pageId);
		const sum = totals(requests.map(function (r) {
			return api.cached(r.id);
		}));
		const calls = requests.length - 1;
		let label = 'QueryLens…';
		let worst = null;
		if (page) {
			label = sum.queryCount + ' q · ' + millis(sum.queryTimeMs);
			if (sum.findings.length) {
				worst = sum.findings[0];
				label += ' · ⚠ ' + findingLabel(worst.finding.type);
			}
		}
		badge.classList.toggle('ql-warn', sum.findings.length > 0);
		// Counted in findings, as the panel and the JSON's findingCount count them, not in finding types.
		const more = sum.findings.length > 1 ? el('span', 'ql-more', '+' + (sum.findings.length - 1)) : null;
		if (more) {
			more.title = plural(sum.findings.length - 1, 'more finding', 'more findings') + ': '
				+ sum.findings.slice(1).map(function (f) {
					return findingLabel(f.finding.type) + ' on ' + f.uri;
				}).join(', ');
		}
		const sub = calls > 0 ? el('span', 'ql-sub', '+' + calls + ' fetch') : null;
		if (sub) {
			sub.title = 'The counts add up this page and ' + plural(calls, 'call', 'calls') + ' it made: '
				+ requests.slice(1).map(function (r) {
					return new URL(r.url, location.href).pathname;
				}).join(', ');
		}
		const openButton = button(collapsed ? (page ? String(sum.queryCount) : '…') : [el('span', 'ql-logo', '◎'),
			el('span', 'ql-badge-text', label), more, sub],
		'ql-open', function () {
			if (collapsed) {
				collapsed = false;
				if (local) {
					local.setItem('querylens.collapsed', 'false');
				}
				placeBadge();
				renderBadge();
				return;
			}
			togglePanel(!open);
		}, collapsed ? 'Expand the QueryLens badge' : 'Open the QueryLens panel'
			+ (worst ? ' (worst finding: ' + findingLabel(worst.finding.type) + ' on ' + worst.uri + ')' : ''));
		badge.appendChild(openButton);
		if (!collapsed) {
			badge.appendChild(button('–', 'ql-collapse', function () {
				collapsed = true;
				if (local) {
					local.setItem('querylens.collapsed', 'true');
				}
				togglePanel(false);
				placeBadge();
				renderBadge();
			}, 'Collapse the badge'));
			badge.appendChild(button('⤢', 'ql-move', function () {
				corner = CORNERS[(CORNERS.indexOf(corner) + 1) % CORNERS.length];
				if (local) {
					local.setItem('querylens.corner', corner);
				}
				placeBadge();
			}, 'Move the badge to the next corner'));
			badge.appendChild(button('×', 'ql-hide', function () {
				if (session) {
					session.setItem('querylens.hidden', 'true');
				}
				host.remove();
			}, 'Hide QueryLens for this browser session'));
		}
	}

	function renderOpenPanel() {
		const id = selected;
		if (!api.cached(id)) {
			panel.textContent = '';
			panel.appendChild(el('p', 'ql-muted', 'Loading…'));
		}
		api.load(id).then(function (data) {
			if (selected !== id || !open) {
				return;
			}
			renderPanel(panel, data, {
				api: api,
				base: config.base,
				requests: requests,
				history: history,
				onClose: function () {
					togglePanel(false);
				},
				onSelect: function (next) {
					selected = next;
					state.highlighted = null;
					renderOpenPanel();
				}
			});
		}, function (error) {
			panel.textContent = '';
			panel.appendChild(el('p', 'ql-error', error.message));
		});
	}

	function togglePanel(show) {
		open = show;
		panel.hidden = !show;
		badge.classList.toggle('ql-active', show);
		if (show) {
			renderOpenPanel();
			api.history().then(function (recent) {
				history = recent;
				if (open) {
					renderOpenPanel();
				}
			}, function () {
			});
		}
	}

	document.addEventListener('keydown', function (event) {
		if (event.key === 'Escape' && open) {
			togglePanel(false);
		}
	});

	placeBadge();
	renderBadge();
	api.load(config.pageId).then(function () {
		renderBadge();
		watchCalls(config.base, config.pageId, function (call) {
			requests.push(call);
			renderBadge();
			api.load(call.id).then(function () {
				renderBadge();
				if (open) {
					renderOpenPanel();
				}
			}, function () {
			});
		});
	}, function () {
		badge.classList.add('ql-gone');
	});
	return { requests: function () {
		return requests.slice();
	} };
}
