/*
 * QueryLens toolbar, requests: the recordings it reads from the server, and the calls of the page, found in the
 * browser's Resource Timing buffer by the Server-Timing metric `querylens;desc="<id>"` that QueryLens adds to the
 * responses of allowed clients. The buffer holds every request of the page, those made before this script ran too,
 * so nothing here wraps fetch or XMLHttpRequest.
 *
 * A recording is stored before the server ends its response, so a 404 means it is gone, never "not yet".
 */

const REQUEST_HEADER = 'X-QueryLens-Request';

export function client(base) {
	const cache = {};

	function load(id) {
		if (cache[id]) {
			return Promise.resolve(cache[id]);
		}
		return fetch(base + '/api/recordings/' + encodeURIComponent(id), {
			headers: { Accept: 'application/json' },
			credentials: 'same-origin'
		}).then(function (response) {
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

	// EXPLAIN, SELECT or (PostgreSQL) EXPLAIN ANALYZE of one recorded statement; the server decides what may run.
	function ask(action, recordingId, index) {
		const headers = { Accept: 'application/json' };
		headers[REQUEST_HEADER] = action;
		return fetch(base + '/api/recordings/' + encodeURIComponent(recordingId) + '/queries/' + index + '/'
			+ action, { method: 'POST', headers: headers, credentials: 'same-origin' }).then(function (response) {
			return response.json().then(function (body) {
				if (!response.ok) {
					throw new Error(body.error || ('QueryLens answered ' + response.status));
				}
				return body;
			});
		});
	}

	// The most recent recordings, newest first, for the history switcher.
	function history() {
		return fetch(base + '/api/recordings', {
			headers: { Accept: 'application/json' },
			credentials: 'same-origin'
		}).then(function (response) {
			return response.ok ? response.json() : { recordings: [] };
		}).then(function (body) {
			return (body.recordings || []).filter(function (r) {
				return !r.kind || r.kind === 'http';
			});
		});
	}

	return { load: load, ask: ask, history: history, cached: function (id) {
		return cache[id];
	} };
}

function recordingIdOf(entry) {
	const timings = entry.serverTiming || [];
	for (let i = 0; i < timings.length; i++) {
		if (timings[i].name === 'querylens' && timings[i].description) {
			return timings[i].description;
		}
	}
	return null;
}

// Calls onCall({id, method, url}) once for each call of the page that QueryLens recorded, earlier ones first.
export function watchCalls(base, pageId, onCall) {
	const seen = {};
	seen[pageId] = true;
	function note(entry) {
		const id = recordingIdOf(entry);
		if (!id || seen[id]) {
			return;
		}
		try {
			const target = new URL(entry.name, location.href);
			if (target.origin !== location.origin || target.pathname.indexOf(base + '/') === 0) {
				return;
			}
		}
		catch (e) {
			return;
		}
		seen[id] = true;
		// Resource Timing has no method: a page's calls that QueryLens saw are GETs unless the recording says else.
		onCall({ id: id, method: null, url: entry.name, kind: entry.initiatorType });
	}
	if (!window.performance || !performance.getEntriesByType) {
		return;
	}
	performance.getEntriesByType('resource').forEach(note);
	if (window.PerformanceObserver) {
		try {
			new PerformanceObserver(function (list) {
				list.getEntries().forEach(note);
			}).observe({ type: 'resource', buffered: true });
		}
		catch (e) {
			// An old browser without buffered observers still has what the buffer held at start.
		}
	}
}
