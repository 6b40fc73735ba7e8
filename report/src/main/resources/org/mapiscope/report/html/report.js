// Opens every collapsed section before printing so the paper copy is complete.
window.addEventListener('beforeprint', function () {
  document.querySelectorAll('details').forEach(function (d) { d.open = true; });
});
document.querySelectorAll('button[data-print]').forEach(function (b) {
  b.addEventListener('click', function () { window.print(); });
});
