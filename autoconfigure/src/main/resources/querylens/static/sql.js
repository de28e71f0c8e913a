/*
 * QueryLens toolbar, SQL: a small tokenizer for highlighting and line breaks, never for deciding what may run (the
 * server's explain policy does that on the database's own reading of the text).
 */
const KEYWORDS = ('select from where and or not in is null as on join left right inner outer full cross group by '
	+ 'order having limit offset fetch first next rows row only union all distinct insert into values update set '
	+ 'delete with case when then else end exists between like ilike asc desc count sum avg min max over partition '
	+ 'returning true false for using lateral recursive any some').split(' ');
const CLAUSES = ['select', 'from', 'where', 'group by', 'order by', 'having', 'limit', 'offset', 'fetch', 'union',
	'union all', 'values', 'set', 'join', 'left join', 'right join', 'inner join', 'full join', 'cross join',
	'left outer join', 'right outer join', 'full outer join', 'returning', 'for update'];

export function tokenize(sql) {
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

export function format(sql) {
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

export function literal(value) {
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

export function inline(sql, parameters) {
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

// The statement on one line, for a collapsed row.
export function oneLine(sql) {
	return tokenize(sql.trim()).map(function (token) {
		return token.type === 'ws' ? ' ' : token.text;
	}).join('');
}

// Only a hint for which buttons to show: the server refuses anything else.
export function isSelect(sql) {
	const start = tokenize(sql).filter(function (t) {
		return t.type !== 'ws' && t.type !== 'comment' && !(t.type === 'punct' && t.text === '(');
	})[0];
	const word = start ? start.text.toLowerCase() : '';
	return (word === 'select' || word === 'with') && sql.indexOf(';') < 0;
}

export function formatted(sql) {
	return format(sql).map(function (t) {
		return t.text;
	}).join('');
}
