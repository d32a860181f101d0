// Status filters: unticking a status hides its items. Without script every item stays visible.
document.querySelectorAll('.filters input').forEach(function (box) {
  box.addEventListener('change', function () {
    var status = box.getAttribute('data-status');
    document.querySelectorAll('.item[data-status="' + status + '"]').forEach(function (item) {
      item.classList.toggle('hidden', !box.checked);
    });
  });
});
