/* QueryLens dashboard: the "Clear history" button. It sends the header a page of another origin cannot send. */
(function () {
	'use strict';
	var base = document.body.getAttribute('data-querylens-base');
	// Opening the dashboard brings back a badge that was hidden for the session.
	try {
		sessionStorage.removeItem('querylens.hidden');
	}
	catch (e) {
		// Storage may be disabled: the badge then was never hidden.
	}
	var clear = document.getElementById('clear');
	if (clear) {
		clear.addEventListener('click', function () {
			clear.disabled = true;
			fetch(base + '/api/recordings', {
				method: 'DELETE',
				headers: { 'X-QueryLens-Request': 'clear' },
				credentials: 'same-origin'
			}).then(function () {
				location.href = base;
			});
		});
	}
	var sort = document.getElementById('filter-sort');
	var findings = document.getElementById('filter-findings');
	[sort, findings].forEach(function (input) {
		if (input) {
			input.addEventListener('change', function () {
				input.form.submit();
			});
		}
	});
})();
