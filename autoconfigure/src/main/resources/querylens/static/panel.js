/*
 * QueryLens toolbar, panel: one request's statements and findings. Every value from the app or the database is set
 * as text (textContent), never parsed as HTML. Statements are dense one-line rows (index, share of DB time, duration,
 * a timeline column aligned across rows, the SQL on one line, duplicate and similar marks in their group's colour,
 * call site) that open on click to the formatted SQL, parameters, call path and the EXPLAIN / SELECT buttons. The
 * statements of one transaction share a coloured bar at their left, as Django Debug Toolbar marks them; statements
 * in auto-commit have none.
 */
import { format, inline, literal, oneLine, isSelect } from './sql.js';

// What the panel shows, kept while it switches between the page, its calls and older requests.
export const state = {
	grouped: false,
	sort: 'order',
	highlighted: null,
	expanded: {}
};

const GROUP_COLOURS = 6;

const TRANSACTION_COLOURS = 6;

const FINDING_LABELS = {
	N_PLUS_ONE: 'N+1',
	DUPLICATE_QUERY: 'duplicates',
	BATCHABLE_WRITES: 'batchable writes',
	READ_MODIFY_WRITE: 'read-modify-write',
	UNBOUNDED_RESULT: 'unbounded result',
	SLOW_QUERY: 'slow query',
	WIDE_ROWS: 'wide rows',
	LAZY_LOAD_IN_VIEW: 'lazy load in view',
	QUERY_IN_VIEW: 'query in view'
};
export function el(tag, className, children) {
	let node = document.createElement(tag);
	if (className) {
		node.className = className;
	}
	if (children !== undefined && children !== null) {
		(Array.isArray(children) ? children : [children]).forEach(function (child) {
			if (child === null || child === undefined || child === false) {
				return;
			}
			node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
		});
	}
	return node;
}

export function button(label, className, onClick, title) {
	let node = el('button', 'ql-btn ' + (className || ''), label);
	node.type = 'button';
	if (title) {
		node.title = title;
		node.setAttribute('aria-label', title);
	}
	node.addEventListener('click', function (event) {
		event.stopPropagation();
		onClick(event);
	});
	return node;
}

function copy(text, node) {
	node.setAttribute('data-copied', text);
	function done(ok) {
		let label = node.getAttribute('data-label') || node.textContent;
		node.setAttribute('data-label', label);
		node.textContent = ok ? 'Copied' : 'Copy failed';
		node.classList.add('ql-done');
		setTimeout(function () {
			node.textContent = label;
			node.classList.remove('ql-done');
		}, 1500);
	}
	function fallback() {
		let area = el('textarea', 'ql-offscreen');
		area.value = text;
		node.parentNode.appendChild(area);
		area.select();
		let ok = false;
		try {
			ok = document.execCommand('copy');
		}
		catch (e) {
			ok = false;
		}
		area.remove();
		done(ok);
	}
	if (navigator.clipboard && window.isSecureContext) {
		navigator.clipboard.writeText(text).then(function () {
			done(true);
		}, fallback);
	}
	else {
		fallback();
	}
}

export function millis(value) {
	if (value === null || value === undefined) {
		return '–';
	}
	return (value < 10 ? value.toFixed(1) : Math.round(value)) + ' ms';
}

export function plural(count, one, many) {
	return count + ' ' + (count === 1 ? one : many);
}

export function findingLabel(type) {
	return FINDING_LABELS[type] || String(type).toLowerCase().replace(/_/g, ' ');
}

function fineMillis(value) {
	return (value === null || value === undefined) ? '–' : value < 1 ? value.toFixed(2) + ' ms' : millis(value);
}

function stat(value, label, key) {
	return el('span', 'ql-stat ql-stat-' + key, [el('b', null, String(value)), ' ' + label]);
}

function shortUrl(url) {
	try {
		let parsed = new URL(url, location.href);
		return parsed.pathname + parsed.search;
	}
	catch (e) {
		return String(url);
	}
}

function callPath(frames) {
	return el('details', 'ql-callpath', [
		el('summary', 'ql-muted', 'Call path (' + frames.length + ' application frames)'),
		el('ol', null, frames.map(function (frame) {
			return el('li', null, el('code', null, frame));
		}))
	]);
}

function showPlan(node, plan) {
	node.textContent = '';
	node.appendChild(el('div', 'ql-muted', plan.database + ': ' + plan.statement.split(' ').slice(0, 3).join(' ')
		+ ' …'));
	if (plan.columns.length === 1) {
		node.appendChild(el('pre', 'ql-plan-text', plan.rows.map(function (row) {
			return row[0];
		}).join('\n')));
		return;
	}
	let table = el('table', 'ql-plan-table');
	table.appendChild(el('tr', null, plan.columns.map(function (c) {
		return el('th', null, c);
	})));
	plan.rows.forEach(function (row) {
		table.appendChild(el('tr', null, row.map(function (v) {
			return el('td', null, v === null ? 'NULL' : v);
		})));
	});
	node.appendChild(el('div', 'ql-plan-scroll', table));
}

function renderGroups(list, data, queries) {
	let groups = {};
	let order = [];
	queries.forEach(function (q) {
		let group = groups[q.fingerprint];
		if (!group) {
			group = groups[q.fingerprint] = { fingerprint: q.fingerprint, queries: [], total: 0, callSites: [] };
			order.push(group);
		}
		group.queries.push(q);
		group.total += q.durationMs;
		if (q.callSite && group.callSites.indexOf(q.callSite) < 0) {
			group.callSites.push(q.callSite);
		}
	});
	if (state.sort === 'time') {
		order.sort(function (a, b) {
			return b.total - a.total;
		});
	}
	let maxTotal = order.reduce(function (max, g) {
		return Math.max(max, g.total);
	}, 0) || 1;
	let ol = el('ol', 'ql-queries ql-groups');
	order.forEach(function (group) {
		let bar = el('span', 'ql-bar', el('span', 'ql-bar-fill'));
		bar.firstChild.style.width = Math.max(2, group.total / maxTotal * 100) + '%';
		let item = el('li', 'ql-query ql-group', [
			el('div', 'ql-qhead', [
				el('span', 'ql-pill ql-pill-count', '×' + group.queries.length),
				el('span', 'ql-muted', 'statements ' + group.queries.map(function (q) {
					return '#' + (q.index + 1);
				}).slice(0, 12).join(', ') + (group.queries.length > 12 ? ', …' : '')),
				el('span', 'ql-spacer'),
				el('span', 'ql-time', millis(group.total)),
				bar
			]),
			highlighted(group.fingerprint),
			el('div', 'ql-meta', group.callSites.map(function (site) {
				return el('code', 'ql-callsite', site);
			}))
		]);
		item.setAttribute('data-count', String(group.queries.length));
		ol.appendChild(item);
	});
	list.appendChild(ol);
}

function highlighted(sql) {
	let pre = el('pre', 'ql-sql');
	format(sql).forEach(function (token) {
		if (token.type === 'ws' || token.type === 'punct' || token.type === 'ident') {
			pre.appendChild(document.createTextNode(token.text));
		}
		else {
			pre.appendChild(el('span', 'ql-' + token.type, token.text));
		}
	});
	return pre;
}

// Transaction ids count up from 1 in the order they began, so neighbours always differ in colour.
function transactionColour(transaction) {
	return (transaction.id - 1) % TRANSACTION_COLOURS;
}

// com.example.AccountService.deposit(AccountService.java) -> AccountService.deposit
function shortMethod(callSite) {
	const match = /([\w$]+\.[\w$<>]+)\(/.exec(callSite || '');
	return match ? match[1] : (callSite || 'unknown call site');
}

function outcomeText(transaction) {
	if (transaction.outcome === 'commit') {
		return 'committed';
	}
	return transaction.outcome === 'rollback' ? 'rolled back' : 'still open when the recording ended';
}

function transactionFacts(transaction) {
	const facts = [transaction.readOnly ? 'read-only' : 'read-write'];
	if (transaction.propagation && transaction.propagation !== 'REQUIRED') {
		facts.push(transaction.propagation);
	}
	if (transaction.isolation && transaction.isolation !== 'DEFAULT') {
		facts.push(transaction.isolation);
	}
	facts.push(outcomeText(transaction));
	facts.push(millis(transaction.durationMs));
	// 0: it took no connection of its own (a savepoint, or a session that kept the one it had open).
	facts.push(transaction.connectionHeldMs ? 'connection held ' + millis(transaction.connectionHeldMs)
		: 'no connection of its own');
	return facts;
}

function describeTransaction(transaction) {
	return 'Transaction ' + transaction.id + ', begun by ' + (transaction.callSite || 'an unknown call site') + ': '
		+ transactionFacts(transaction).join(', ');
}

// The key to the bars: one entry per transaction the recording saw, in the order they began.
function transactionLegend(context) {
	const counts = {};
	let autoCommit = 0;
	let atCommit = 0;
	context.queries.forEach(function (q) {
		if (q.transaction === null || q.transaction === undefined) {
			autoCommit++;
		}
		else {
			counts[q.transaction] = (counts[q.transaction] || 0) + 1;
		}
		if (q.flushedAtCommit) {
			atCommit++;
		}
	});
	const legend = el('div', 'ql-tx-legend', el('span', 'ql-muted', 'Transactions'));
	context.data.transactions.forEach(function (transaction) {
		const entry = el('span', 'ql-tx-entry', [
			el('span', 'ql-tx-swatch ql-tx' + transactionColour(transaction)),
			el('b', null, shortMethod(transaction.callSite)),
			el('span', 'ql-muted', ' ' + transactionFacts(transaction).join(' · ') + ' · '
				+ plural(counts[transaction.id] || 0, 'statement', 'statements'))
		]);
		entry.title = describeTransaction(transaction);
		entry.setAttribute('data-transaction', String(transaction.id));
		legend.appendChild(entry);
	});
	const notes = el('span', 'ql-tx-notes ql-muted', [
		autoCommit ? el('span', 'ql-tx-autocommit', 'no bar: auto-commit (' + autoCommit + ')') : null,
		atCommit ? el('span', null, [el('span', 'ql-pill ql-pill-commit', 'at commit'),
			' run while its transaction committed']) : null
	]);
	if (notes.childNodes.length) {
		legend.appendChild(notes);
	}
	return legend;
}

function findingCard(finding, onHighlight) {
	let card = el('article', 'ql-finding ql-sev-' + finding.severity + (finding.ignored ? ' ql-ignored' : ''), [
		el('div', 'ql-finding-head', [
			el('span', 'ql-pill ql-pill-warn', '⚠ ' + findingLabel(finding.type)),
			finding.ignored ? el('span', 'ql-pill ql-pill-ignored', 'ignored') : null,
			finding.association ? el('code', 'ql-assoc', finding.association) : null,
			el('span', 'ql-muted', '×' + finding.count)
		]),
		el('p', 'ql-message', withCode(finding.message)),
		finding.callSite ? el('div', 'ql-callsite', [el('span', 'ql-muted', 'at '), el('code', null,
			finding.callSite)]) : null,
		finding.suggestion ? el('p', 'ql-fix', [el('b', null, 'Fix: ')].concat(withCode(finding.suggestion))) : null
	]);
	let actions = el('div', 'ql-row-actions');
	actions.appendChild(button('Highlight ' + plural(finding.queryIndexes.length, 'statement', 'statements'),
		'ql-highlight', onHighlight));
	if (finding.callSite) {
		let copyCallSite = button('Copy call site', 'ql-copy-callsite', function () {
			copy(finding.callSite, copyCallSite);
		});
		actions.appendChild(copyCallSite);
	}
	card.appendChild(actions);
	return card;
}

// The analysis writes code between backticks: shown as code, still only as text. A plural's "s" right after a code
// span stays glued to it ("`Order`s" reads "Orders", not "Order s").
function withCode(text) {
	const parts = String(text).split('`');
	const out = [];
	for (let i = 0; i < parts.length; i++) {
		if (i % 2 === 1) {
			const code = el('code', 'ql-code', parts[i]);
			const after = parts[i + 1] || '';
			const glued = /^[A-Za-z]{1,2}\b/.exec(after);
			if (glued && i + 1 < parts.length) {
				out.push(el('span', 'ql-nowrap', [code, glued[0]]));
				parts[i + 1] = after.slice(glued[0].length);
			}
			else {
				out.push(code);
			}
		}
		else if (parts[i]) {
			out.push(parts[i]);
		}
	}
	return out;
}

// options: api, requests (the page and its calls), history (older recordings), onSelect(id), onClose
export function renderPanel(container, data, options) {
	container.textContent = '';
	const queries = data.queries || [];
	const total = Math.max(data.durationMs || 0, queries.reduce(function (max, q) {
		return Math.max(max, q.offsetMs + q.durationMs);
	}, 0)) || 1;
	const dbTime = queries.reduce(function (sum, q) {
		return sum + q.durationMs;
	}, 0) || 1;
	const connections = data.connectionCount;
	const groups = { duplicates: {}, similar: {}, colours: {}, next: 0 };
	queries.forEach(function (q) {
		const key = q.duplicateOf === null || q.duplicateOf === undefined ? q.index : q.duplicateOf;
		groups.duplicates[key] = (groups.duplicates[key] || 0) + 1;
		// Exact repeats are duplicates, not similar: the marks then add up to the JSON's similarCount.
		if (q.duplicateOf === null || q.duplicateOf === undefined) {
			groups.similar[q.similarGroup] = (groups.similar[q.similarGroup] || 0) + 1;
		}
	});
	function colour(key) {
		if (!(key in groups.colours)) {
			groups.colours[key] = groups.next++ % GROUP_COLOURS;
		}
		return groups.colours[key];
	}

	const head = el('div', 'ql-head', [
		el('div', 'ql-title', [
			el('span', 'ql-method', data.method),
			el('span', 'ql-uri', data.uri + (data.query ? '?' + data.query : '')),
			el('span', 'ql-status' + (data.status >= 400 ? ' ql-bad' : ''), String(data.status)),
			data.pattern && data.pattern !== data.uri ? el('span', 'ql-pattern', data.pattern) : null
		]),
		options.onClose ? el('div', 'ql-actions', [
			el('a', 'ql-link ql-dashboard-link', 'Dashboard'),
			button('×', 'ql-close', options.onClose, 'Close the panel')
		]) : null
	]);
	if (options.onClose) {
		head.querySelector('.ql-dashboard-link').href = options.base;
	}
	container.appendChild(head);

	if (options.requests) {
		container.appendChild(requestList(options, data.id));
	}

	container.appendChild(el('div', 'ql-summary', [
		stat(data.queryCount, data.queryCount === 1 ? 'statement' : 'statements', 'statements'),
		stat(data.duplicateCount, data.duplicateCount === 1 ? 'duplicate' : 'duplicates', 'duplicates'),
		stat(data.similarCount, 'similar', 'similar'),
		stat(millis(data.queryTimeMs), 'DB time', 'db'),
		stat(millis(data.durationMs), 'request', 'request'),
		stat(connections, (connections === 1 ? 'connection' : 'connections')
			+ ' (' + fineMillis(data.connectionAcquireMs) + ' to get)', 'connections')
	]));
	if (data.truncated) {
		container.appendChild(el('p', 'ql-note', 'Only the first ' + queries.length + ' of ' + data.queryCount
			+ ' statements were kept (querylens.capture.max-queries); all were counted and timed.'));
	}

	const findings = (data.findings || []).filter(function (f) {
		return !f.ignored;
	});
	// Silenced by querylens.ignore or @QueryLensIgnore: still shown, after the others and greyed out.
	const ignored = (data.findings || []).filter(function (f) {
		return f.ignored;
	});
	const list = el('div', 'ql-list');
	const controls = el('div', 'ql-controls');
	const transactions = {};
	(data.transactions || []).forEach(function (transaction) {
		transactions[transaction.id] = transaction;
	});
	const context = { data: data, queries: queries, total: total, dbTime: dbTime, groups: groups, colour: colour,
		transactions: transactions, api: options.api, list: list, controls: controls };
	if (findings.length || ignored.length) {
		const section = el('section', 'ql-findings', el('h3', 'ql-h', plural(findings.length, 'finding', 'findings')
			+ (ignored.length ? ' · ' + ignored.length + ' ignored' : '')));
		findings.concat(ignored).forEach(function (finding) {
			section.appendChild(findingCard(finding, function () {
				state.highlighted = finding.queryIndexes;
				state.grouped = false;
				renderList(context);
				const first = list.querySelector('.ql-hl');
				if (first && first.scrollIntoView) {
					first.scrollIntoView({ block: 'center' });
				}
			}));
		});
		container.appendChild(section);
	}
	else if (queries.length) {
		container.appendChild(el('p', 'ql-ok', 'No findings: no N+1 and no duplicated statements.'));
	}
	if (!queries.length) {
		// Nothing to list: one line, not a panel of empty space.
		container.appendChild(el('p', 'ql-empty', 'No statements ran in this request.'));
		return;
	}
	container.appendChild(controls);
	container.appendChild(list);
	renderList(context);
}

// The page and its calls first, then the recent history: any of them opens in the panel, without leaving the page.
function requestList(options, selected) {
	const nav = el('nav', 'ql-requests', el('span', 'ql-muted', 'This page and its calls'));
	const listed = {};
	options.requests.forEach(function (request) {
		listed[request.id] = true;
		const data = options.api.cached(request.id);
		const method = request.method || (data && data.method) || 'GET';
		const label = request.own ? 'This page' : method + ' ' + shortUrl(request.url);
		nav.appendChild(requestButton(request.id, label, data, request.own ? 'page' : 'fetch', selected,
			request.own ? 'This page: ' + location.pathname : method + ' ' + request.url, options.onSelect));
	});
	const older = (options.history || []).filter(function (r) {
		return !listed[r.id];
	}).slice(0, 12);
	if (older.length) {
		const history = el('details', 'ql-history', el('summary', 'ql-muted', 'History (' + older.length
			+ ' recent requests)'));
		if (older.some(function (r) {
			return r.id === selected;
		})) {
			history.open = true;
		}
		const items = el('div', 'ql-history-list');
		older.forEach(function (r) {
			const label = r.method + ' ' + r.uri + (r.query ? '?' + r.query : '');
			items.appendChild(requestButton(r.id, label, r, 'history', selected, label + ' at '
				+ String(r.startedAt || '').replace('T', ' ').slice(0, 19), options.onSelect));
		});
		history.appendChild(items);
		nav.appendChild(history);
	}
	return nav;
}

function requestButton(id, label, data, kind, selected, title, onSelect) {
	const node = button([label, data ? el('span', 'ql-req-count', data.queryCount + ' q') : null,
		data && data.findingCount ? el('span', 'ql-req-warn', '⚠') : null],
	'ql-req' + (id === selected ? ' ql-selected' : ''), function () {
		onSelect(id);
	}, title);
	node.setAttribute('data-id', id);
	node.setAttribute('data-kind', kind);
	return node;
}

function renderList(context) {
	const controls = context.controls;
	const list = context.list;
	controls.textContent = '';
	const group = button(state.grouped ? 'Ungroup' : 'Group by fingerprint', 'ql-group-toggle' + (state.grouped
		? ' ql-on' : ''), function () {
		state.grouped = !state.grouped;
		renderList(context);
	});
	group.setAttribute('aria-pressed', String(state.grouped));
	const sortOrder = button('Order', 'ql-sort-order' + (state.sort === 'order' ? ' ql-on' : ''), function () {
		state.sort = 'order';
		renderList(context);
	});
	const sortTime = button('Time', 'ql-sort-time' + (state.sort === 'time' ? ' ql-on' : ''), function () {
		state.sort = 'time';
		renderList(context);
	});
	controls.appendChild(el('span', 'ql-h', 'Statements'));
	controls.appendChild(group);
	controls.appendChild(el('span', 'ql-seg', [el('span', 'ql-muted', 'Sort by '), sortOrder, sortTime]));
	if (state.highlighted) {
		controls.appendChild(button('Clear highlight', 'ql-clear-highlight', function () {
			state.highlighted = null;
			renderList(context);
		}));
	}
	list.textContent = '';
	if (state.grouped) {
		renderGroups(list, context.data, context.queries);
		return;
	}
	const sorted = context.queries.slice();
	if (state.sort === 'time') {
		sorted.sort(function (a, b) {
			return b.durationMs - a.durationMs || a.index - b.index;
		});
	}
	const ol = el('ol', 'ql-queries ql-dense');
	ol.appendChild(el('li', 'ql-colhead', [el('span', 'ql-idx', '#'), el('span', 'ql-pct', '% DB'),
		el('span', 'ql-time', 'time'), el('span', 'ql-timeline', 'timeline'), el('span', 'ql-line', 'SQL'),
		el('span', 'ql-marks', ''), el('span', 'ql-site', 'call site')]));
	sorted.forEach(function (q, i) {
		ol.appendChild(queryItem(context, q, sorted[i - 1], sorted[i + 1]));
	});
	if (context.data.transactions && context.data.transactions.length) {
		list.appendChild(transactionLegend(context));
	}
	list.appendChild(ol);
}

function shortCallSite(callSite) {
	// dev.querylens.demo.shop.OrderRow.of(OrderRow.java:31) -> OrderRow.of:31; a statement flushed at commit has
	// the @Transactional method with no line: AccountService.deposit
	const match = /([\w$]+\.[\w$<>]+)\(([\w$]+)\.\w+(?::(\d+))?\)$/.exec(callSite || '');
	return match ? match[1] + (match[3] ? ':' + match[3] : '') : (callSite || '');
}

function transactionOf(context, q) {
	return (q && q.transaction !== null && q.transaction !== undefined) ? context.transactions[q.transaction] || null
		: null;
}

// previous, next: the rows shown above and below, so that a run of one transaction's rows reads as one bar.
function queryItem(context, q, previous, next) {
	const data = context.data;
	const duplicateKey = q.duplicateOf === null || q.duplicateOf === undefined ? q.index : q.duplicateOf;
	const duplicates = context.groups.duplicates[duplicateKey];
	const similar = duplicateKey === q.index ? context.groups.similar[q.similarGroup] : 0;
	const highlightedItem = state.highlighted && state.highlighted.indexOf(q.index) >= 0;
	const expandedKey = data.id + ':' + q.index;
	const item = el('li', 'ql-query' + (highlightedItem ? ' ql-hl' : '') + (q.error ? ' ql-failed' : '')
		+ (state.expanded[expandedKey] ? ' ql-expanded' : ''));
	item.setAttribute('data-index', String(q.index));
	const transaction = transactionOf(context, q);
	const timeline = el('span', 'ql-timeline');
	timeline.title = 'Started at ' + millis(q.offsetMs) + ' of the request\'s ' + millis(context.total);
	if (transaction) {
		const bar = el('span', 'ql-txbar ql-tx' + transactionColour(transaction)
			+ (transactionOf(context, previous) === transaction ? '' : ' ql-tx-start')
			+ (transactionOf(context, next) === transaction ? '' : ' ql-tx-end'));
		bar.title = describeTransaction(transaction);
		item.appendChild(bar);
		item.classList.add('ql-in-tx');
		item.setAttribute('data-transaction', String(transaction.id));
		// The transaction's span on the request's timeline, behind the statement, as DDT draws its boundaries.
		const span = el('span', 'ql-tx-span ql-tx' + transactionColour(transaction));
		span.style.left = Math.min(99.5, transaction.startOffsetMs / context.total * 100) + '%';
		span.style.width = Math.max(0.5, (transaction.durationMs || 0) / context.total * 100) + '%';
		timeline.appendChild(span);
		timeline.title += '; transaction ' + transaction.id + ' from ' + millis(transaction.startOffsetMs) + ' for '
			+ millis(transaction.durationMs);
	}
	const waterfall = el('span', 'ql-wf');
	waterfall.style.left = Math.min(99.5, q.offsetMs / context.total * 100) + '%';
	waterfall.style.width = Math.max(0.5, q.durationMs / context.total * 100) + '%';
	timeline.appendChild(waterfall);
	const atCommit = q.flushedAtCommit ? el('span', 'ql-pill ql-pill-commit', 'at commit') : null;
	if (atCommit) {
		atCommit.title = 'Run while its transaction committed, after the transactional method had returned'
			+ ' (the ORM flushing a change): the call site is that method';
	}
	const marks = el('span', 'ql-marks', [
		duplicates > 1 ? el('span', 'ql-pill ql-pill-dup ql-g' + context.colour('d' + duplicateKey), 'duplicate ×'
			+ duplicates) : null,
		similar > 1 ? el('span', 'ql-pill ql-pill-sim ql-g' + context.colour('s' + q.similarGroup), 'similar ×'
			+ similar) : null,
		q.batchSize > 1 ? el('span', 'ql-pill', 'batch ×' + q.batchSize) : null,
		q.phase === 'view' ? el('span', 'ql-pill ql-pill-view', 'view') : null,
		atCommit,
		q.error ? el('span', 'ql-pill ql-pill-err', 'failed') : null
	]);
	const line = el('span', 'ql-line', oneLine(q.sql));
	line.title = q.sql;
	const site = el('span', 'ql-site', shortCallSite(q.callSite));
	site.title = q.callSite || 'no call site';
	const row = el('div', 'ql-row', [
		el('span', 'ql-idx', '#' + (q.index + 1)),
		el('span', 'ql-pct', Math.round(q.durationMs / context.dbTime * 100) + '%'),
		el('span', 'ql-time', millis(q.durationMs)),
		timeline,
		line,
		marks,
		site
	]);
	row.setAttribute('role', 'button');
	row.tabIndex = 0;
	row.setAttribute('aria-expanded', String(!!state.expanded[expandedKey]));
	let detail = null;
	function toggle() {
		const open = !item.classList.contains('ql-expanded');
		item.classList.toggle('ql-expanded', open);
		row.setAttribute('aria-expanded', String(open));
		state.expanded[expandedKey] = open;
		if (open && !detail) {
			detail = queryDetail(context, q);
			item.appendChild(detail);
		}
	}
	row.addEventListener('click', toggle);
	row.addEventListener('keydown', function (event) {
		if (event.key === 'Enter' || event.key === ' ') {
			event.preventDefault();
			toggle();
		}
	});
	item.appendChild(row);
	if (state.expanded[expandedKey]) {
		detail = queryDetail(context, q);
		item.appendChild(detail);
	}
	return item;
}

function queryDetail(context, q) {
	const data = context.data;
	const detail = el('div', 'ql-detail');
	detail.appendChild(el('div', 'ql-qhead', [
		el('span', 'ql-rows', plural(q.rows, 'row', 'rows')),
		el('span', 'ql-muted ql-offset', 'started +' + millis(q.offsetMs)),
		el('span', 'ql-muted ql-tx-detail', transactionOf(context, q)
			? describeTransaction(transactionOf(context, q)) + (q.flushedAtCommit ? '; run at commit' : '')
			: 'auto-commit'),
		el('span', 'ql-spacer'),
		el('span', 'ql-muted ql-conn', q.dataSource + ' · conn ' + q.connectionId)
	]));
	detail.appendChild(highlighted(q.sql));
	if (q.sqlTruncated) {
		detail.appendChild(el('p', 'ql-muted ql-cut', 'Only the first ' + q.sql.length + ' of ' + q.sqlLength
			+ ' characters were kept (querylens.capture.max-sql-length).'));
	}
	if (q.parameters && q.parameters.length) {
		const params = el('div', 'ql-params', el('span', 'ql-muted', 'Parameters'));
		q.parameters.forEach(function (value, i) {
			params.appendChild(el('span', 'ql-param', [el('span', 'ql-param-pos', String(i + 1)),
				el('code', null, literal(value))]));
		});
		detail.appendChild(params);
	}
	if (q.error) {
		detail.appendChild(el('p', 'ql-error', q.error));
	}
	detail.appendChild(el('div', 'ql-meta', [
		q.callSite ? el('code', 'ql-callsite', q.callSite) : el('span', 'ql-muted', 'no call site')
	]));
	if (q.callPath && q.callPath.length > 1) {
		detail.appendChild(callPath(q.callPath));
	}
	const actions = el('div', 'ql-row-actions');
	const runnable = inline(q.sql, q.parameters);
	const copySql = button('Copy SQL', 'ql-copy-sql', function () {
		copy(runnable, copySql);
	}, 'Copy the statement with its parameters written in');
	copySql.setAttribute('data-sql', runnable);
	actions.appendChild(copySql);
	if (q.callSite) {
		const copyCallSite = button('Copy call site', 'ql-copy-callsite', function () {
			copy(q.callSite, copyCallSite);
		});
		actions.appendChild(copyCallSite);
	}
	detail.appendChild(actions);
	if (isSelect(q.sql) && q.sqlTruncated) {
		detail.appendChild(el('p', 'ql-muted ql-no-plan',
			'No plan: the statement was cut when recorded, so it is not the SQL that ran.'));
	}
	else if (isSelect(q.sql) && context.api) {
		const result = el('div', 'ql-plan');
		function action(label, name, title, show) {
			const node = button(label, 'ql-' + name, function () {
				node.disabled = true;
				result.textContent = 'Asking the database…';
				context.api.ask(name, data.id, q.index).then(function (body) {
					show(result, body);
				}, function (error) {
					result.textContent = '';
					result.appendChild(el('p', 'ql-error', error.message));
				}).then(function () {
					node.disabled = false;
				});
			}, title);
			return node;
		}
		actions.appendChild(action('Select', 'select', 'Run this SELECT again, read-only, and show its first rows',
			showRows));
		actions.appendChild(action('Explain', 'explain', 'Show the database\'s plan for this statement',
			function (node, plan) {
				showPlan(node, plan);
				if (/postgres/i.test(plan.database)) {
					node.appendChild(analyzeOffer(context, q, node));
				}
			}));
		detail.appendChild(result);
	}
	return detail;
}

// EXPLAIN ANALYZE runs the statement: offered on PostgreSQL only, and only after the user says so a second time.
function analyzeOffer(context, q, result) {
	const offer = el('div', 'ql-analyze-offer');
	const ask = button('Explain analyze…', 'ql-analyze-ask', function () {
		offer.textContent = '';
		offer.appendChild(el('p', 'ql-muted', 'EXPLAIN ANALYZE runs the statement (read-only, rolled back) and times'
			+ ' each step of the plan.'));
		offer.appendChild(button('Run EXPLAIN ANALYZE', 'ql-analyze', function () {
			offer.textContent = 'Running…';
			context.api.ask('analyze', context.data.id, q.index).then(function (plan) {
				showPlan(result, plan);
			}, function (error) {
				offer.textContent = '';
				offer.appendChild(el('p', 'ql-error', error.message));
			});
		}, 'Run the statement under EXPLAIN ANALYZE in a read-only transaction that is rolled back'));
		offer.appendChild(button('Cancel', 'ql-analyze-cancel', function () {
			offer.textContent = '';
			offer.appendChild(ask);
		}));
	}, 'EXPLAIN ANALYZE: asks for confirmation first, since it runs the statement');
	offer.appendChild(ask);
	return offer;
}

function showRows(node, rows) {
	node.textContent = '';
	node.appendChild(el('div', 'ql-muted', rows.database + ': ' + plural(rows.rows.length, 'row', 'rows')
		+ (rows.more ? ' (the first; there are more)' : '') + ', run again read-only and rolled back'));
	const table = el('table', 'ql-plan-table ql-select-rows');
	table.appendChild(el('tr', null, rows.columns.map(function (c) {
		return el('th', null, c);
	})));
	rows.rows.forEach(function (row) {
		table.appendChild(el('tr', null, row.map(function (v) {
			return el('td', v === null ? 'ql-muted' : null, v === null ? 'NULL' : v);
		})));
	});
	node.appendChild(el('div', 'ql-plan-scroll', table));
}
