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

// The main menu folds behind »Menu« on a phone.
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.querySelector(".menu-toggle");
  const menu = document.getElementById("hovedmenu");
  if (!toggle || !menu) return;
  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    const open = menu.classList.toggle("open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
});
