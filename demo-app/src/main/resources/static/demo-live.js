// Loads the orders of the live page with fetch(), once the page is parsed.
document.addEventListener('DOMContentLoaded', function () {
	var body = document.getElementById('orders');
	fetch(body.getAttribute('data-api'))
		.then(function (response) { return response.json(); })
		.then(function (rows) {
			rows.forEach(function (row) {
				var tr = document.createElement('tr');
				tr.className = 'order';
				[row.id, row.placedOn, row.customer, row.city].forEach(function (value) {
					var td = document.createElement('td');
					td.textContent = value;
					tr.appendChild(td);
				});
				body.appendChild(tr);
			});
			document.getElementById('status').textContent = rows.length + ' orders loaded.';
		});
});
