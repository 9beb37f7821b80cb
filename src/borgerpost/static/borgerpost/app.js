// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("change", (event) => {
  const box = event.target.closest("[data-toggles]");
  if (!box) return;
  const target = document.getElementById(box.dataset.toggles);
  if (target) target.hidden = !box.checked;
});
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-toggles]").forEach((box) => {
    const target = document.getElementById(box.dataset.toggles);
    if (target) target.hidden = !box.checked;
  });
});
