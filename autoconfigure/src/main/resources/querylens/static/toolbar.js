/*
 * QueryLens toolbar: the badge on a page and the panel with the request's statements, also used inline by the
 * dashboard's detail page. Everything lives in a shadow root, so the page's styles cannot reach it, and every value
 * from the app or the database is set as text (textContent), never parsed as HTML.
 */
(function () {
	'use strict';

	var script = document.currentScript;
	if (!script || window.__queryLensLoaded) {
		return;
	}
	window.__queryLensLoaded = true;
	var pageId = script.getAttribute('data-querylens-id');
	var base = script.getAttribute('data-querylens-base');
	var mode = script.getAttribute('data-querylens-mode') || 'badge';
	var nonce = script.nonce || script.getAttribute('nonce') || '';
	var REQUEST_HEADER = 'X-QueryLens-Request';
	var ID_HEADER = 'X-QueryLens-Id';
	var CORNERS = ['bottom-right', 'bottom-left', 'top-left', 'top-right'];
	var FINDING_LABELS = {
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
	var KEYWORDS = ('select from where and or not in is null as on join left right inner outer full cross group by '
		+ 'order having limit offset fetch first next rows row only union all distinct insert into values update set '
		+ 'delete with case when then else end exists between like ilike asc desc count sum avg min max over partition '
		+ 'returning true false for using lateral recursive any some').split(' ');
	var CLAUSES = ['select', 'from', 'where', 'group by', 'order by', 'having', 'limit', 'offset', 'fetch', 'union',
		'union all', 'values', 'set', 'join', 'left join', 'right join', 'inner join', 'full join', 'cross join',
		'left outer join', 'right outer join', 'full outer join', 'returning', 'for update'];

	var originalFetch = window.fetch ? window.fetch.bind(window) : null;
	var cache = {};
	var state = {
		selected: pageId,
		requests: [{ id: pageId, method: null, url: null, own: true }],
		grouped: false,
		sort: 'order',
		highlighted: null,
		open: false
	};

	// ---- plain helpers, exported for tests through window.QueryLens ----

	function el(tag, className, children) {
		var node = document.createElement(tag);
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

	function button(label, className, onClick, title) {
		var node = el('button', 'ql-btn ' + (className || ''), label);
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

	function tokenize(sql) {
		var tokens = [];
		var i = 0;
		var n = sql.length;
		while (i < n) {
			var c = sql.charAt(i);
			var start = i;
			if (c === '\'' || c === '"' || c === '`') {
				i++;
				while (i < n) {
					if (sql.charAt(i) === c) {
						if (sql.charAt(i + 1) === c) {
							i += 2;
							continue;
						}
						i++;
						break;
					}
					i++;
				}
				tokens.push({ type: c === '\'' ? 'str' : 'ident', text: sql.slice(start, i) });
			}
			else if (c === '-' && sql.charAt(i + 1) === '-') {
				while (i < n && sql.charAt(i) !== '\n') {
					i++;
				}
				tokens.push({ type: 'comment', text: sql.slice(start, i) });
			}
			else if (c === '/' && sql.charAt(i + 1) === '*') {
				var end = sql.indexOf('*/', i + 2);
				i = end < 0 ? n : end + 2;
				tokens.push({ type: 'comment', text: sql.slice(start, i) });
			}
			else if (/\s/.test(c)) {
				while (i < n && /\s/.test(sql.charAt(i))) {
					i++;
				}
				tokens.push({ type: 'ws', text: ' ' });
			}
			else if (/[0-9]/.test(c)) {
				while (i < n && /[0-9.eE]/.test(sql.charAt(i))) {
					i++;
				}
				tokens.push({ type: 'num', text: sql.slice(start, i) });
			}
			else if (/[A-Za-z_]/.test(c)) {
				while (i < n && /[A-Za-z0-9_$.]/.test(sql.charAt(i))) {
					i++;
				}
				var word = sql.slice(start, i);
				tokens.push({ type: KEYWORDS.indexOf(word.toLowerCase()) >= 0 ? 'kw' : 'ident', text: word });
			}
			else if (c === '?' || (c === '$' && /[0-9]/.test(sql.charAt(i + 1)))) {
				i++;
				while (c === '$' && i < n && /[0-9]/.test(sql.charAt(i))) {
					i++;
				}
				tokens.push({ type: 'param', text: sql.slice(start, i) });
			}
			else {
				i++;
				tokens.push({ type: 'punct', text: c });
			}
		}
		return tokens;
	}

	// Breaks the statement before each clause and each top-level AND/OR of a condition: readable, never reordered.
	function format(sql) {
		var tokens = tokenize(sql.trim());
		var out = [];
		var depth = 0;
		for (var i = 0; i < tokens.length; i++) {
			var token = tokens[i];
			if (token.type === 'punct' && token.text === '(') {
				depth++;
			}
			if (token.type === 'punct' && token.text === ')') {
				depth = Math.max(0, depth - 1);
			}
			if (token.type === 'kw' && i > 0) {
				var word = token.text.toLowerCase();
				var next = nextWord(tokens, i);
				var phrase = next ? word + ' ' + next : word;
				var third = next ? nextWord(tokens, indexOfNextWord(tokens, i)) : null;
				var prev = previousWord(tokens, i);
				var breaks = CLAUSES.indexOf(word) >= 0 || CLAUSES.indexOf(phrase) >= 0
					|| (third && CLAUSES.indexOf(phrase + ' ' + third) >= 0);
				if (word === 'join' && prev && ['left', 'right', 'inner', 'full', 'cross', 'outer'].indexOf(prev) >= 0) {
					breaks = false;
				}
				if (word === 'outer' || (word === 'update' && prev === 'for') || (word === 'all' && prev === 'union')) {
					breaks = false;
				}
				if ((word === 'and' || word === 'or') && prev !== 'between') {
					out.push({ type: 'ws', text: '\n' + indent(depth) + '  ' });
					trimSpaceBefore(out);
					out.push(token);
					continue;
				}
				if (breaks) {
					trimSpaceBefore(out);
					out.push({ type: 'ws', text: '\n' + indent(depth) });
					out.push(token);
					continue;
				}
			}
			out.push(token);
		}
		return out;
	}

	function indent(depth) {
		return new Array(depth + 1).join('    ');
	}

	function trimSpaceBefore(out) {
		while (out.length && out[out.length - 1].type === 'ws') {
			var last = out[out.length - 1];
			if (last.text.indexOf('\n') >= 0) {
				return;
			}
			out.pop();
		}
	}

	function indexOfNextWord(tokens, i) {
		for (var j = i + 1; j < tokens.length; j++) {
			if (tokens[j].type !== 'ws') {
				return j;
			}
		}
		return tokens.length;
	}

	function nextWord(tokens, i) {
		var j = indexOfNextWord(tokens, i);
		return (j < tokens.length && tokens[j].type === 'kw') ? tokens[j].text.toLowerCase() : null;
	}

	function previousWord(tokens, i) {
		for (var j = i - 1; j >= 0; j--) {
			if (tokens[j].type !== 'ws') {
				return tokens[j].type === 'kw' ? tokens[j].text.toLowerCase() : null;
			}
		}
		return null;
	}

	function highlighted(sql) {
		var pre = el('pre', 'ql-sql');
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

	function literal(value) {
		if (value === null || value === undefined) {
			return 'NULL';
		}
		if (typeof value === 'number') {
			return String(value);
		}
		if (typeof value === 'boolean') {
			return value ? 'TRUE' : 'FALSE';
		}
		return '\'' + String(value).replace(/'/g, '\'\'') + '\'';
	}

	// The statement with its parameters written in as literals, so it can be pasted into a SQL console and run.
	function inline(sql, parameters) {
		var params = parameters || [];
		var next = 0;
		return tokenize(sql).map(function (token) {
			if (token.type === 'param' && token.text === '?' && next < params.length) {
				return literal(params[next++]);
			}
			if (token.type === 'param' && token.text.charAt(0) === '$') {
				var position = parseInt(token.text.slice(1), 10) - 1;
				return position < params.length ? literal(params[position]) : token.text;
			}
			return token.type === 'ws' ? ' ' : token.text;
		}).join('').trim();
	}

	function millis(value) {
		if (value === null || value === undefined) {
			return '–';
		}
		return (value < 10 ? value.toFixed(1) : Math.round(value)) + ' ms';
	}

	function plural(count, one, many) {
		return count + ' ' + (count === 1 ? one : many);
	}

	function findingLabel(type) {
		return FINDING_LABELS[type] || String(type).toLowerCase().replace(/_/g, ' ');
	}

	function badgeText(data) {
		var text = data.queryCount + ' q · ' + millis(data.queryTimeMs);
		var active = (data.findings || []).filter(function (f) {
			return !f.ignored;
		});
		if (active.length) {
			// Counted in findings, as the panel and the JSON's findingCount count them, not in finding types.
			text += ' · ⚠ ' + findingLabel(active[0].type) + (active.length > 1 ? ' +' + (active.length - 1) : '');
		}
		return text;
	}

	function isSelect(sql) {
		var start = tokenize(sql).filter(function (t) {
			return t.type !== 'ws' && t.type !== 'comment' && !(t.type === 'punct' && t.text === '(');
		})[0];
		var word = start ? start.text.toLowerCase() : '';
		return (word === 'select' || word === 'with') && sql.indexOf(';') < 0;
	}

	// ---- data ----

	function load(id, attempts) {
		if (cache[id]) {
			return Promise.resolve(cache[id]);
		}
		return originalFetch(base + '/api/recordings/' + encodeURIComponent(id), {
			headers: { Accept: 'application/json' },
			credentials: 'same-origin'
		}).then(function (response) {
			if (response.status === 404 && attempts > 0) {
				return new Promise(function (resolve) {
					setTimeout(resolve, 150);
				}).then(function () {
					return load(id, attempts - 1);
				});
			}
			if (!response.ok) {
				throw new Error(response.status === 404 ? 'This recording is no longer available.'
					: 'QueryLens answered ' + response.status);
			}
			return response.json().then(function (data) {
				cache[id] = data;
				return data;
			});
		});
	}

	function explain(recordingId, index) {
		var headers = { Accept: 'application/json' };
		headers[REQUEST_HEADER] = 'explain';
		return originalFetch(base + '/api/recordings/' + encodeURIComponent(recordingId) + '/queries/' + index
			+ '/explain', { method: 'POST', headers: headers, credentials: 'same-origin' }).then(function (response) {
			return response.json().then(function (body) {
				if (!response.ok) {
					throw new Error(body.error || ('QueryLens answered ' + response.status));
				}
				return body;
			});
		});
	}

	function copy(text, node) {
		node.setAttribute('data-copied', text);
		function done(ok) {
			var label = node.getAttribute('data-label') || node.textContent;
			node.setAttribute('data-label', label);
			node.textContent = ok ? 'Copied' : 'Copy failed';
			node.classList.add('ql-done');
			setTimeout(function () {
				node.textContent = label;
				node.classList.remove('ql-done');
			}, 1500);
		}
		function fallback() {
			var area = el('textarea', 'ql-offscreen');
			area.value = text;
			node.parentNode.appendChild(area);
			area.select();
			var ok = false;
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

	// ---- the panel ----

	function renderPanel(container, data, options) {
		container.textContent = '';
		var queries = data.queries || [];
		var maxDuration = queries.reduce(function (max, q) {
			return Math.max(max, q.durationMs);
		}, 0) || 1;
		var total = Math.max(data.durationMs || 0, queries.reduce(function (max, q) {
			return Math.max(max, q.offsetMs + q.durationMs);
		}, 0)) || 1;
		var connections = data.connectionCount;
		var duplicateSizes = {};
		var similarSizes = {};
		queries.forEach(function (q) {
			var key = q.duplicateOf === null || q.duplicateOf === undefined ? q.index : q.duplicateOf;
			duplicateSizes[key] = (duplicateSizes[key] || 0) + 1;
			// Exact repeats are duplicates, not similar: the marks then add up to the JSON's similarCount.
			if (q.duplicateOf === null || q.duplicateOf === undefined) {
				similarSizes[q.similarGroup] = (similarSizes[q.similarGroup] || 0) + 1;
			}
		});

		var head = el('div', 'ql-head', [
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
			head.querySelector('.ql-dashboard-link').href = base;
		}
		container.appendChild(head);

		if (options.requests && options.requests.length > 1) {
			container.appendChild(requestList(options.requests, data.id, options.onSelect));
		}

		var summary = el('div', 'ql-summary', [
			stat(data.queryCount, data.queryCount === 1 ? 'statement' : 'statements', 'statements'),
			stat(data.duplicateCount, data.duplicateCount === 1 ? 'duplicate' : 'duplicates', 'duplicates'),
			stat(data.similarCount, 'similar', 'similar'),
			stat(millis(data.queryTimeMs), 'DB time', 'db'),
			stat(millis(data.durationMs), 'request', 'request'),
			stat(connections, (connections === 1 ? 'connection' : 'connections')
				+ ' (' + fineMillis(data.connectionAcquireMs) + ' to get)', 'connections')
		]);
		container.appendChild(summary);
		if (data.truncated) {
			container.appendChild(el('p', 'ql-note', 'Only the first ' + queries.length + ' of ' + data.queryCount
				+ ' statements were kept (querylens.capture.max-queries); all were counted and timed.'));
		}

		var findings = (data.findings || []).filter(function (f) {
			return !f.ignored;
		});
		// Silenced by querylens.ignore or @QueryLensIgnore: still shown, after the others and greyed out.
		var ignored = (data.findings || []).filter(function (f) {
			return f.ignored;
		});
		var list = el('div', 'ql-list');
		if (findings.length || ignored.length) {
			var section = el('section', 'ql-findings', el('h3', 'ql-h', plural(findings.length, 'finding', 'findings')
				+ (ignored.length ? ' · ' + ignored.length + ' ignored' : '')));
			findings.concat(ignored).forEach(function (finding) {
				section.appendChild(findingCard(finding, function () {
					state.highlighted = finding.queryIndexes;
					state.grouped = false;
					renderList(list, data, queries, maxDuration, total, duplicateSizes, similarSizes, controls);
					var first = list.querySelector('.ql-hl');
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

		var controls = el('div', 'ql-controls');
		container.appendChild(controls);
		container.appendChild(list);
		renderList(list, data, queries, maxDuration, total, duplicateSizes, similarSizes, controls);
	}

	// Getting a pooled connection takes microseconds: two decimals keep it from reading as nothing.
	function fineMillis(value) {
		return (value === null || value === undefined) ? '–' : value < 1 ? value.toFixed(2) + ' ms' : millis(value);
	}

	function stat(value, label, key) {
		return el('span', 'ql-stat ql-stat-' + key, [el('b', null, String(value)), ' ' + label]);
	}

	function requestList(requests, selected, onSelect) {
		var nav = el('nav', 'ql-requests', el('span', 'ql-muted', 'Requests of this page'));
		requests.forEach(function (request, i) {
			var data = cache[request.id];
			var label = request.own ? 'This page' : request.method + ' ' + shortUrl(request.url);
			var node = button([label, data ? el('span', 'ql-req-count', data.queryCount + ' q') : null,
				data && data.findingCount ? el('span', 'ql-req-warn', '⚠') : null],
			'ql-req' + (request.id === selected ? ' ql-selected' : ''), function () {
				onSelect(request.id);
			}, request.own ? 'This page: ' + location.pathname : request.method + ' ' + request.url);
			node.setAttribute('data-id', request.id);
			node.setAttribute('data-kind', request.own ? 'page' : 'fetch');
			nav.appendChild(node);
		});
		return nav;
	}

	function shortUrl(url) {
		try {
			var parsed = new URL(url, location.href);
			return parsed.pathname + parsed.search;
		}
		catch (e) {
			return String(url);
		}
	}

	// The analysis writes code between backticks: shown as code, still only as text.
	function withCode(text) {
		return String(text).split('`').map(function (part, i) {
			return i % 2 === 1 ? el('code', 'ql-code', part) : part;
		});
	}

	function findingCard(finding, onHighlight) {
		var card = el('article', 'ql-finding ql-sev-' + finding.severity + (finding.ignored ? ' ql-ignored' : ''), [
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
		var actions = el('div', 'ql-row-actions');
		actions.appendChild(button('Highlight ' + plural(finding.queryIndexes.length, 'statement', 'statements'),
			'ql-highlight', onHighlight));
		if (finding.callSite) {
			var copyCallSite = button('Copy call site', 'ql-copy-callsite', function () {
				copy(finding.callSite, copyCallSite);
			});
			actions.appendChild(copyCallSite);
		}
		card.appendChild(actions);
		return card;
	}

	function renderList(list, data, queries, maxDuration, total, duplicateSizes, similarSizes, controls) {
		controls.textContent = '';
		var group = button(state.grouped ? 'Ungroup' : 'Group by fingerprint', 'ql-group-toggle' + (state.grouped
			? ' ql-on' : ''), function () {
			state.grouped = !state.grouped;
			renderList(list, data, queries, maxDuration, total, duplicateSizes, similarSizes, controls);
		});
		group.setAttribute('aria-pressed', String(state.grouped));
		var sortOrder = button('Order', 'ql-sort-order' + (state.sort === 'order' ? ' ql-on' : ''), function () {
			state.sort = 'order';
			renderList(list, data, queries, maxDuration, total, duplicateSizes, similarSizes, controls);
		});
		var sortTime = button('Time', 'ql-sort-time' + (state.sort === 'time' ? ' ql-on' : ''), function () {
			state.sort = 'time';
			renderList(list, data, queries, maxDuration, total, duplicateSizes, similarSizes, controls);
		});
		controls.appendChild(el('span', 'ql-h', 'Statements'));
		controls.appendChild(group);
		controls.appendChild(el('span', 'ql-seg', [el('span', 'ql-muted', 'Sort by '), sortOrder, sortTime]));
		if (state.highlighted) {
			controls.appendChild(button('Clear highlight', 'ql-clear-highlight', function () {
				state.highlighted = null;
				renderList(list, data, queries, maxDuration, total, duplicateSizes, similarSizes, controls);
			}));
		}
		list.textContent = '';
		if (!queries.length) {
			list.appendChild(el('p', 'ql-empty', 'No statements ran in this request.'));
			return;
		}
		if (state.grouped) {
			renderGroups(list, data, queries);
			return;
		}
		var sorted = queries.slice();
		if (state.sort === 'time') {
			sorted.sort(function (a, b) {
				return b.durationMs - a.durationMs || a.index - b.index;
			});
		}
		var ol = el('ol', 'ql-queries');
		sorted.forEach(function (q) {
			ol.appendChild(queryItem(data, q, maxDuration, total, duplicateSizes, similarSizes));
		});
		list.appendChild(ol);
	}

	function queryItem(data, q, maxDuration, total, duplicateSizes, similarSizes) {
		var duplicateKey = q.duplicateOf === null || q.duplicateOf === undefined ? q.index : q.duplicateOf;
		var highlightedItem = state.highlighted && state.highlighted.indexOf(q.index) >= 0;
		var item = el('li', 'ql-query' + (highlightedItem ? ' ql-hl' : '') + (q.error ? ' ql-failed' : ''));
		item.setAttribute('data-index', String(q.index));
		var bar = el('span', 'ql-bar', el('span', 'ql-bar-fill'));
		bar.firstChild.style.width = Math.max(2, q.durationMs / maxDuration * 100) + '%';
		item.appendChild(el('div', 'ql-qhead', [
			el('span', 'ql-idx', '#' + (q.index + 1)),
			duplicateSizes[duplicateKey] > 1 ? el('span', 'ql-pill ql-pill-dup', 'duplicate ×'
				+ duplicateSizes[duplicateKey]) : null,
			duplicateKey === q.index && similarSizes[q.similarGroup] > 1 ? el('span', 'ql-pill ql-pill-sim', 'similar ×'
				+ similarSizes[q.similarGroup]) : null,
			q.batchSize > 1 ? el('span', 'ql-pill', 'batch ×' + q.batchSize) : null,
			q.phase === 'view' ? el('span', 'ql-pill ql-pill-view', 'view') : null,
			q.error ? el('span', 'ql-pill ql-pill-err', 'failed') : null,
			el('span', 'ql-spacer'),
			el('span', 'ql-rows', plural(q.rows, 'row', 'rows')),
			el('span', 'ql-time', millis(q.durationMs)),
			bar
		]));
		item.appendChild(highlighted(q.sql));
		if (q.sqlTruncated) {
			item.appendChild(el('p', 'ql-muted ql-cut', 'Only the first ' + q.sql.length + ' of ' + q.sqlLength
				+ ' characters were kept (querylens.capture.max-sql-length).'));
		}
		if (q.parameters && q.parameters.length) {
			var params = el('div', 'ql-params', el('span', 'ql-muted', 'Parameters'));
			q.parameters.forEach(function (value, i) {
				params.appendChild(el('span', 'ql-param', [el('span', 'ql-param-pos', String(i + 1)),
					el('code', null, literal(value))]));
			});
			item.appendChild(params);
		}
		if (q.error) {
			item.appendChild(el('p', 'ql-error', q.error));
		}
		var waterfall = el('div', 'ql-waterfall', el('span', 'ql-wf'));
		waterfall.title = 'Started at ' + millis(q.offsetMs) + ' of the request\'s ' + millis(total);
		waterfall.firstChild.style.left = Math.min(99.5, q.offsetMs / total * 100) + '%';
		waterfall.firstChild.style.width = Math.max(0.5, q.durationMs / total * 100) + '%';
		var meta = el('div', 'ql-meta', [
			el('span', 'ql-muted ql-offset', '+' + millis(q.offsetMs)),
			waterfall,
			q.callSite ? el('code', 'ql-callsite', q.callSite) : el('span', 'ql-muted', 'no call site'),
			el('span', 'ql-muted ql-conn', q.dataSource + ' · conn ' + q.connectionId)
		]);
		item.appendChild(meta);
		if (q.callPath && q.callPath.length > 1) {
			item.appendChild(callPath(q.callPath));
		}
		var actions = el('div', 'ql-row-actions');
		var runnable = inline(q.sql, q.parameters);
		var copySql = button('Copy SQL', 'ql-copy-sql', function () {
			copy(runnable, copySql);
		}, 'Copy the statement with its parameters written in');
		copySql.setAttribute('data-sql', runnable);
		actions.appendChild(copySql);
		if (q.callSite) {
			var copyCallSite = button('Copy call site', 'ql-copy-callsite', function () {
				copy(q.callSite, copyCallSite);
			});
			actions.appendChild(copyCallSite);
		}
		if (isSelect(q.sql) && q.sqlTruncated) {
			item.appendChild(actions);
			item.appendChild(el('p', 'ql-muted ql-no-plan',
				'No plan: the statement was cut when recorded, so it is not the SQL that ran.'));
		}
		else if (isSelect(q.sql)) {
			var plan = el('div', 'ql-plan');
			var explainButton = button('Explain', 'ql-explain', function () {
				explainButton.disabled = true;
				plan.textContent = 'Asking the database…';
				explain(data.id, q.index).then(function (result) {
					showPlan(plan, result);
				}, function (error) {
					plan.textContent = '';
					plan.appendChild(el('p', 'ql-error', error.message));
				}).then(function () {
					explainButton.disabled = false;
				});
			}, 'Show the database\'s plan for this statement');
			actions.appendChild(explainButton);
			item.appendChild(actions);
			item.appendChild(plan);
		}
		else {
			item.appendChild(actions);
		}
		return item;
	}

	// The application frames that led to the statement, innermost first, folded like a stack trace.
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
		var table = el('table', 'ql-plan-table');
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
		var groups = {};
		var order = [];
		queries.forEach(function (q) {
			var group = groups[q.fingerprint];
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
		var maxTotal = order.reduce(function (max, g) {
			return Math.max(max, g.total);
		}, 0) || 1;
		var ol = el('ol', 'ql-queries ql-groups');
		order.forEach(function (group) {
			var bar = el('span', 'ql-bar', el('span', 'ql-bar-fill'));
			bar.firstChild.style.width = Math.max(2, group.total / maxTotal * 100) + '%';
			var item = el('li', 'ql-query ql-group', [
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

	// ---- mounting ----

	function shadowFor(host) {
		var root = host.attachShadow({ mode: 'open' });
		var link = document.createElement('link');
		link.rel = 'stylesheet';
		link.href = base + '/static/toolbar.css';
		if (nonce) {
			link.nonce = nonce;
		}
		root.appendChild(link);
		var frame = el('div', 'ql-root ql-loading');
		link.addEventListener('load', function () {
			frame.classList.remove('ql-loading');
		});
		link.addEventListener('error', function () {
			frame.classList.remove('ql-loading');
		});
		root.appendChild(frame);
		return frame;
	}

	function mountInline() {
		var host = document.getElementById('querylens-detail');
		if (!host) {
			return;
		}
		var frame = shadowFor(host);
		var panel = el('div', 'ql-panel ql-inline');
		frame.appendChild(panel);
		load(pageId, 0).then(function (data) {
			renderPanel(panel, data, {});
		}, function (error) {
			panel.appendChild(el('p', 'ql-error', error.message));
		});
	}

	function storage(kind) {
		try {
			return window[kind];
		}
		catch (e) {
			return null;
		}
	}

	function mountBadge() {
		var session = storage('sessionStorage');
		var local = storage('localStorage');
		if (session && session.getItem('querylens.hidden') === 'true') {
			patchRequests(function () {
			});
			return;
		}
		var host = document.createElement('querylens-toolbar');
		host.id = 'querylens-toolbar';
		// Inline !important declarations win over any rule of the page's own stylesheets.
		[['all', 'initial'], ['position', 'fixed'], ['z-index', '2147483647'], ['display', 'block'],
			['top', '0'], ['left', '0'], ['width', '0'], ['height', '0'], ['overflow', 'visible'],
			['visibility', 'visible'], ['opacity', '1'], ['transform', 'none'], ['filter', 'none'],
			['contain', 'none'], ['pointer-events', 'auto']].forEach(function (rule) {
			host.style.setProperty(rule[0], rule[1], 'important');
		});
		var frame = shadowFor(host);
		var corner = (local && local.getItem('querylens.corner')) || 'bottom-right';
		if (CORNERS.indexOf(corner) < 0) {
			corner = 'bottom-right';
		}
		var collapsed = local && local.getItem('querylens.collapsed') === 'true';
		var badge = el('div', 'ql-badge');
		var panel = el('div', 'ql-panel ql-overlay');
		panel.hidden = true;
		frame.appendChild(badge);
		frame.appendChild(panel);
		// Under the root element, not the body: a transform or filter on the body would otherwise become the
		// badge's containing block and move it.
		document.documentElement.appendChild(host);

		function placeBadge() {
			CORNERS.forEach(function (c) {
				badge.classList.remove('ql-' + c);
			});
			badge.classList.add('ql-' + corner);
			badge.classList.toggle('ql-collapsed', collapsed);
			badge.setAttribute('data-corner', corner);
		}

		function renderBadge() {
			badge.textContent = '';
			var data = cache[pageId];
			var label = data ? badgeText(data) : 'QueryLens…';
			var warn = data && data.findingCount > 0;
			badge.classList.toggle('ql-warn', !!warn);
			var others = state.requests.length - 1;
			var open = button(collapsed ? (data ? String(data.queryCount) : '…') : [el('span', 'ql-logo', '◎'),
				el('span', 'ql-badge-text', label), others > 0 ? el('span', 'ql-sub', '+' + others + ' fetch') : null],
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
				togglePanel(!state.open);
			}, collapsed ? 'Expand the QueryLens badge' : 'Open the QueryLens panel');
			badge.appendChild(open);
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
			var id = state.selected;
			panel.textContent = '';
			panel.appendChild(el('p', 'ql-muted', 'Loading…'));
			load(id, 10).then(function (data) {
				if (state.selected !== id) {
					return;
				}
				renderPanel(panel, data, {
					requests: state.requests,
					onClose: function () {
						togglePanel(false);
					},
					onSelect: function (next) {
						state.selected = next;
						state.highlighted = null;
						renderOpenPanel();
					}
				});
			}, function (error) {
				panel.textContent = '';
				panel.appendChild(el('p', 'ql-error', error.message));
			});
		}

		function togglePanel(open) {
			state.open = open;
			panel.hidden = !open;
			badge.classList.toggle('ql-active', open);
			if (open) {
				renderOpenPanel();
			}
		}

		document.addEventListener('keydown', function (event) {
			if (event.key === 'Escape' && state.open) {
				togglePanel(false);
			}
		});

		patchRequests(function (request) {
			state.requests.push(request);
			load(request.id, 10).then(function () {
				renderBadge();
				if (state.open) {
					renderOpenPanel();
				}
			}, function () {
			});
			renderBadge();
		});
		placeBadge();
		renderBadge();
		load(pageId, 10).then(renderBadge, function () {
			badge.classList.add('ql-gone');
		});
	}

	// Learns the ids of the same-origin requests the page makes, from their X-QueryLens-Id response header.
	function patchRequests(onRequest) {
		var seen = {};
		function note(id, method, url) {
			if (!id || seen[id] || id === pageId) {
				return;
			}
			try {
				var target = new URL(url, location.href);
				if (target.origin !== location.origin || target.pathname.indexOf(base + '/') === 0) {
					return;
				}
			}
			catch (e) {
				return;
			}
			seen[id] = true;
			onRequest({ id: id, method: String(method || 'GET').toUpperCase(), url: String(url) });
		}
		if (originalFetch) {
			window.fetch = function (input, init) {
				var result = originalFetch.apply(window, arguments);
				try {
					var method = (init && init.method) || (input && typeof input === 'object' && input.method) || 'GET';
					var url = (typeof input === 'string') ? input : (input && input.url) || String(input);
					result.then(function (response) {
						note(response.headers.get(ID_HEADER), method, response.url || url);
					}, function () {
					});
				}
				catch (e) {
					// Never let the toolbar change what the page's own fetch does.
				}
				return result;
			};
		}
		if (window.XMLHttpRequest) {
			var open = XMLHttpRequest.prototype.open;
			var send = XMLHttpRequest.prototype.send;
			XMLHttpRequest.prototype.open = function (method, url) {
				this.__queryLens = { method: method, url: url };
				return open.apply(this, arguments);
			};
			XMLHttpRequest.prototype.send = function () {
				var xhr = this;
				var info = xhr.__queryLens || {};
				xhr.addEventListener('loadend', function () {
					try {
						note(xhr.getResponseHeader(ID_HEADER), info.method, xhr.responseURL || info.url);
					}
					catch (e) {
						// A header the page may not read is simply not listed.
					}
				});
				return send.apply(this, arguments);
			};
		}
	}

	window.QueryLens = {
		inline: inline,
		format: function (sql) {
			return format(sql).map(function (t) {
				return t.text;
			}).join('');
		},
		requests: function () {
			return state.requests.slice();
		}
	};

	if (mode === 'inline') {
		mountInline();
	}
	else {
		mountBadge();
	}
})();
